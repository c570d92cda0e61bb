package dev.slo.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryRangeTest {
  private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");

  private static void refused(Runnable call, String field, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ValidationException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
  }

  @Test
  void shouldReadIsoInstantsWithAnOffsetAndEpochSeconds() {
    HistoryRange r = HistoryRange.of("2026-11-20T13:00:00+01:00", "1763640000");
    assertThat(r.from()).isEqualTo(T0);
    assertThat(r.to()).isEqualTo(Instant.ofEpochSecond(1763640000));
  }

  @Test
  void shouldRefuseTextThatIsNoInstantNamingFromBeforeTo() {
    String use = ": not a valid instant; use ISO-8601 with an offset or epoch seconds";
    refused(() -> HistoryRange.of("yesterday", "x"), "from", "yesterday" + use);
    refused(() -> HistoryRange.of("1", "2026-13-01T00:00:00Z"), "to", "2026-13-01T00:00:00Z" + use);
  }

  @Test
  void shouldTellABackwardsRangeAndAllowAnEmptyOne() {
    assertThat(HistoryRange.of("2", "1").isBackwards()).isTrue();
    assertThat(HistoryRange.of("1", "1").isBackwards()).isFalse();
  }

  @Test
  void shouldReadTheRowsAfterFromUpToToOfAKnownSloOnly() {
    InMemoryStore store = new InMemoryStore(Clock.systemUTC());
    store
        .slos()
        .create(
            Slo.builder()
                .sloId("api")
                .sloName("API")
                .serviceName("svc")
                .sloType(SloType.AVAILABILITY)
                .targetPercentage(99)
                .timePeriod(TimePeriod.ROLLING_1H)
                .build());
    store
        .history()
        .append(
            List.of(
                SliMetric.ofCounts("api", T0, 9, 10),
                SliMetric.ofCounts("api", T0.plusSeconds(60), 10, 10),
                SliMetric.ofCounts("api", T0.plusSeconds(120), 1, 10)));
    HistoryRange r = new HistoryRange(T0, T0.plusSeconds(60));
    assertThat(r.read(store, "api"))
        .extracting(SliMetric::timestamp)
        .containsExactly(T0.plusSeconds(60));
    refused(() -> r.read(store, "web"), "slo", "web: no such SLO in the database");
    assertThatThrownBy(() -> new HistoryRange(T0, T0.minusSeconds(1)).read(store, "api"))
        .isInstanceOf(IllegalStateException.class);
  }
}
