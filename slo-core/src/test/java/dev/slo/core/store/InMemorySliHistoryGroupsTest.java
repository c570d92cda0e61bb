package dev.slo.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory history remembers a grouped SLO's groups by the group ids of its rows. */
class InMemorySliHistoryGroupsTest {
  private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");

  private static Slo template(String id) {
    return Slo.builder()
        .sloId(id)
        .sloName(id)
        .serviceName("svc")
        .sloType(SloType.AVAILABILITY)
        .targetPercentage(99)
        .timePeriod(TimePeriod.ROLLING_1H)
        .sliQuery("x")
        .groupBy(List.of("route"))
        .build();
  }

  @Test
  void shouldRecallGroupsWithEventsInTheRangeOnlyOfThisSlo() {
    InMemorySliHistory h = new InMemorySliHistory(100);
    Slo api = template("api");
    h.append(
        List.of(
            SliMetric.ofCounts(api.forGroup(Map.of("route", "/a")).sloId(), T0, 9, 10),
            SliMetric.ofCounts(
                api.forGroup(Map.of("route", "/old")).sloId(), T0.minusSeconds(7200), 1, 1),
            SliMetric.ofCounts(api.forGroup(Map.of("route", "/none")).sloId(), T0, 0, 0),
            SliMetric.ofCounts(template("api2").forGroup(Map.of("route", "/x")).sloId(), T0, 1, 1),
            SliMetric.ofCounts("api", T0, 1, 1)));

    assertThat(h.groups(api, T0.minusSeconds(3600), T0)).containsExactly(Map.of("route", "/a"));
    assertThat(h.groups(api, T0, T0.plusSeconds(60))).isEmpty(); // (from, to]
  }
}
