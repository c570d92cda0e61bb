package dev.slo.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Discovery, order and the max_groups cap of {@link Groups#expand}. */
class GroupsTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static Slo template(int maxGroups) {
    return Slo.builder()
        .sloId("api")
        .sloName("API")
        .serviceName("api")
        .sloType(SloType.AVAILABILITY)
        .targetPercentage(99)
        .timePeriod(TimePeriod.ROLLING_30D)
        .groupBy(List.of("route"))
        .maxGroups(maxGroups)
        .build();
  }

  private static List<Map<String, String>> routes(int n) {
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      out.add(Map.of("route", String.format("/r%02d", i)));
    }
    return out;
  }

  @Test
  void shouldKeepEveryGroupInLabelOrderAtExactlyMaxGroups() {
    Groups.Expansion e = Groups.expand(template(3), routes(3));
    assertThat(e.slos())
        .extracting(Slo::sloId)
        .containsExactly("api{route=\"/r00\"}", "api{route=\"/r01\"}", "api{route=\"/r02\"}");
    assertThat(e.found()).isEqualTo(3);
    assertThat(e.dropped()).isZero();
    assertThat(e.warning()).isNull();
  }

  @Test
  void shouldDropTheLastGroupAndWarnAtMaxGroupsPlusOne() {
    Groups.Expansion e = Groups.expand(template(3), routes(4));
    assertThat(e.slos())
        .extracting(Slo::sloId)
        .containsExactly("api{route=\"/r00\"}", "api{route=\"/r01\"}", "api{route=\"/r02\"}");
    assertThat(e.dropped()).isEqualTo(1);
    assertThat(e.warning())
        .isEqualTo(
            "4 groups of SLO api by [route] exceed max_groups 3: evaluating the first 3 in label"
                + " order, dropped 1");
  }

  @Test
  void shouldProjectLabelSetsOntoGroupByAndMergeDuplicates() {
    Groups.Expansion e =
        Groups.expand(
            template(10),
            List.of(
                Map.of("route", "/a", "pod", "p1"),
                Map.of("route", "/a", "pod", "p2"),
                Map.of("pod", "p3")));
    assertThat(e.slos())
        .extracting(Slo::sloId)
        .containsExactly("api{route=\"\"}", "api{route=\"/a\"}");
  }

  @Test
  void shouldReturnTheTemplateWhenTheSourceSeesNoGroup() {
    EventSource none = (slo, windows) -> List.of();
    Groups.Expansion e = Groups.expand(template(10), none, T, T.plusSeconds(60));
    assertThat(e.slos()).containsExactly(template(10));
    assertThat(e.found()).isZero();
    assertThat(e.warning()).isNull();
  }

  @Test
  void shouldLeaveAnUngroupedSloAlone() {
    Slo plain = template(10).toBuilder().groupBy(List.of()).build();
    assertThat(Groups.expand(plain, List.of(Map.of("route", "/a"))).slos()).containsExactly(plain);
  }

  @Test
  void shouldAskTheSourceForTheTemplatesGroupsInTheRange() {
    List<Object> asked = new ArrayList<>();
    EventSource source =
        new EventSource() {
          @Override
          public List<EventCounts> counts(Slo slo, List<Window> windows) {
            return List.of();
          }

          @Override
          public Set<Map<String, String>> groups(Slo template, Instant from, Instant to) {
            asked.add(template.sloId());
            asked.add(from);
            asked.add(to);
            return Set.of(Map.of("route", "/b"), Map.of("route", "/a"));
          }
        };
    Groups.Expansion e = Groups.expand(template(10), source, T, T.plusSeconds(60));
    assertThat(asked).containsExactly("api", T, T.plusSeconds(60));
    assertThat(e.slos())
        .extracting(Slo::sloId)
        .containsExactly("api{route=\"/a\"}", "api{route=\"/b\"}");
  }

  @Test
  void shouldKeepOnlyTheNamedGroupsWhenAnIdIsInGroupForm() {
    Slo plain = template(3).toBuilder().sloId("web").groupBy(List.of()).build();
    Groups.Expansion e = Groups.expand(template(3), routes(3));
    List<Slo> all = new ArrayList<>(e.slos());
    all.add(plain);
    Groups.Expanded x = new Groups.Expanded(all, List.of("w"));
    assertThat(x.only(List.of("api{route=\"/r01\"}", "web")).slos())
        .extracting(Slo::sloId)
        .containsExactly("api{route=\"/r01\"}", "web");
    assertThat(x.only(List.of("api{route=\"/r01\"}")).warnings()).containsExactly("w");
  }

  @Test
  void shouldKeepEveryGroupWhenNoIdIsInGroupForm() {
    Groups.Expanded x =
        new Groups.Expanded(Groups.expand(template(3), routes(3)).slos(), List.of());
    assertThat(x.only(List.of("api"))).isSameAs(x);
    assertThat(x.only(List.of())).isSameAs(x);
  }
}
