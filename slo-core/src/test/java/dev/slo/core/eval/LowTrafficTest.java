package dev.slo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.StatusBasis;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** min_events and decisions on the SLI's Wilson upper bound, with hand-computed figures. */
class LowTrafficTest {
  private static final Instant T = Data.T;

  @Test
  void shouldGiveTheWilsonIntervalsOfAKnownTable() {
    // 50 of 100: 0.5 +- 1.96 x sqrt(0.25/100 + 3.8415/40000) / 1.038415 = [40.383%, 59.617%]
    SliInterval half = SliInterval.wilson(new EventCounts(50, 100));
    assertThat(half.lowerPercent()).isCloseTo(40.383, within(1e-3));
    assertThat(half.upperPercent()).isCloseTo(59.617, within(1e-3));
    // 0 of 10: upper = z^2 / (n + z^2) = 3.8415 / 13.8415 = 27.753%
    SliInterval none = SliInterval.wilson(new EventCounts(0, 10));
    assertThat(none.lowerPercent()).isZero();
    assertThat(none.upperPercent()).isCloseTo(27.753, within(1e-3));
    // 49 of 50: [89.50%, 99.647%]
    SliInterval almost = SliInterval.wilson(new EventCounts(49, 50));
    assertThat(almost.upperPercent()).isCloseTo(99.647, within(1e-3));
    assertThat(almost.lowerPercent()).isCloseTo(89.50, within(1e-2));
    assertThat(SliInterval.wilson(EventCounts.ZERO)).isNull();
  }

  @Test
  void shouldFireAtExactlyMinEventsAndNotOneBelow() {
    Slo slo = Data.slo(99, TimePeriod.ROLLING_30D).toBuilder().minEvents(100).build();
    Evaluation at = Data.eval(slo, Data.series().row(T, 50, 100), T);
    assertThat(at.alerts()).extracting(a -> a.tier().name()).contains("page_1h_5m");
    assertThat(at.suppressed()).isEmpty();

    Evaluation below = Data.eval(slo, Data.series().row(T, 49, 99), T);
    assertThat(below.alerts()).isEmpty();
    assertThat(below.suppressed())
        .filteredOn(s -> s.tier().name().equals("page_1h_5m"))
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).isEqualTo("not enough events (99 < 100) in 1h"));
    assertThat(below.status()).isEqualTo(Status.EXHAUSTED); // the budget is still spent
  }

  @Test
  void shouldKeepAQuietServiceHealthyOnTheUpperBoundButNotOnThePoint() {
    // 50 requests a day, one every 29 minutes; the one 9h40m ago failed: SLI 98% against 99%.
    // No alert window of a 24-hour period (at most 2h24m) holds the failure.
    Data data = Data.series();
    for (int i = 49; i >= 0; i--) {
      data.row(T.minus(Duration.ofMinutes(29L * i)), i == 20 ? 0 : 1, 1);
    }
    Slo point = Data.slo(99, TimePeriod.ROLLING_24H);
    Slo upper = point.toBuilder().statusOn(StatusBasis.UPPER_BOUND).build();

    Evaluation p = Data.eval(point, data, T);
    assertThat(p.currentSliPercent()).isCloseTo(98.0, within(1e-9));
    assertThat(p.status()).isEqualTo(Status.EXHAUSTED); // 2% errors spend twice the 1% budget
    assertThat(p.alerts()).isEmpty();

    Evaluation u = Data.eval(upper, data, T);
    // the same observed numbers ...
    assertThat(u.currentSliPercent()).isEqualTo(p.currentSliPercent());
    assertThat(u.errorBudgetRemaining()).isEqualTo(p.errorBudgetRemaining());
    // ... but status on the bound: error >= 0.353% spends 35.3% of a 1% budget
    assertThat(u.sliInterval().upperPercent()).isCloseTo(99.647, within(1e-3));
    assertThat(u.status()).as(u.alerts() + " " + u.suppressed()).isEqualTo(Status.HEALTHY);
    assertThat(u.alerts()).isEmpty();
  }

  @Test
  void shouldSuppressATierWhoseBoundDoesNotBurnFastEnough() {
    // 1 of 3 requests fails 30 s before T on a 24h, 99% SLO: the point burns at 33.3x. The SLI's
    // upper bound for 2 of 3 is 93.85%, an error of at least 6.15%: 6.15x. page_1h_5m (14.4x,
    // scaled to 2m and 1m) does not fire on the bound; page_6h_30m (6x, 12m and 1m) does.
    Data data = Data.series().row(T.minus(Duration.ofSeconds(30)), 2, 3);
    Slo upper =
        Data.slo(99, TimePeriod.ROLLING_24H).toBuilder().statusOn(StatusBasis.UPPER_BOUND).build();
    Evaluation u = Data.eval(upper, data, T);
    assertThat(u.alerts())
        .extracting(a -> a.tier().name())
        .containsExactly("page_6h_30m", "ticket_1d_2h", "ticket_3d_6h"); // factors 6, 3, 1
    assertThat(u.suppressed())
        .filteredOn(s -> s.tier().name().equals("page_1h_5m"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.reason())
                    .isEqualTo(
                        "the SLI's upper bound burns at 6.15x over 2m and 6.15x over 1m (< 14.4x)"));
    Evaluation p = Data.eval(Data.slo(99, TimePeriod.ROLLING_24H), data, T);
    assertThat(p.alerts()).extracting(a -> a.tier().name()).contains("page_1h_5m");
  }

  @Test
  void shouldGiveAnIntervalForEveryBurnWindowWithEvents() {
    Data data = Data.series().every(Duration.ofMinutes(1), T.minus(Duration.ofDays(3)), T, 99, 100);
    Evaluation e = Data.eval(Data.slo(99, TimePeriod.ROLLING_30D), data, T);
    assertThat(e.windowSliIntervals()).containsOnlyKeys(Evaluator.BURN_WINDOWS);
    SliInterval fiveMinutes = e.windowSliIntervals().get(Duration.ofMinutes(5));
    SliInterval threeDays = e.windowSliIntervals().get(Duration.ofDays(3));
    assertThat(fiveMinutes.lowerPercent()).isLessThan(threeDays.lowerPercent()); // fewer events
    assertThat(threeDays.lowerPercent()).isLessThan(99).isGreaterThan(98.9);
    assertThat(e.sliInterval().upperPercent()).isGreaterThan(99);
  }
}
