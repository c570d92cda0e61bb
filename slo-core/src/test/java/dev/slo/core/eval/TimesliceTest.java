package dev.slo.core.eval;

import static dev.slo.core.eval.Data.T;
import static dev.slo.core.eval.Data.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesliceTest {
  private static final Duration MIN = Duration.ofMinutes(1);

  private static Slo slices(double target, TimePeriod period, String length, double sliceTarget) {
    return Slo.builder()
        .sloId("s")
        .sloType(dev.slo.core.model.SloType.AVAILABILITY)
        .sloName("S")
        .serviceName("svc")
        .targetPercentage(target)
        .timePeriod(period)
        .budgetingMethod(BudgetingMethod.TIMESLICES)
        .timesliceLength(dev.slo.core.window.DurationText.parse(length))
        .timesliceTargetPercentage(sliceTarget)
        .build();
  }

  @Test
  void shouldCountGoodSlicesOverSlicesWithEvents() {
    // ROLLING_1H, 5-minute slices: 12 slices; make 2 bad (below 95%), 1 empty
    Slo s = slices(80, TimePeriod.ROLLING_1H, "5m", 95);
    Instant start = T.minus(Duration.ofHours(1));
    Data d = series();
    for (int k = 0; k < 12; k++) {
      Instant sliceEnd = start.plus(Duration.ofMinutes(5L * (k + 1)));
      if (k == 3) {
        continue; // empty slice
      }
      long good = (k == 5 || k == 9) ? 94 : 95; // 95/100 is good (>=), 94/100 bad
      d.row(sliceEnd, good, 100);
    }
    Evaluation e = Data.eval(s, d, T);
    assertThat(e.units().total()).isEqualTo(11);
    assertThat(e.units().good()).isEqualTo(9);
    assertThat(e.currentSliPercent()).isEqualTo(100.0 * 9 / 11);
    // budget counts slices: 20% of 11 slices = 2.2; 2 consumed
    assertThat(e.totalBudget()).isEqualTo(2.2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(e.consumedBudget()).isEqualTo(2.0);
    assertThat(e.errorBudgetConsumed())
        .isEqualTo(2 / 2.2, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void shouldAlignSlicesToTheCalendarPeriodStart() {
    // a row exactly at a slice boundary belongs to the slice ending there
    Slo s = slices(90, TimePeriod.CALENDAR_MONTH, "1h", 99);
    Instant nov1 = Instant.parse("2026-11-01T00:00:00Z");
    Data d =
        series()
            .row(nov1.plus(Duration.ofHours(1)), 0, 1) // closes slice 1: bad
            .row(nov1.plus(Duration.ofMinutes(61)), 1, 1) // slice 2: good
            .row(nov1.plus(Duration.ofMinutes(150)), 1, 1); // slice 3 (partial, ends at T): good
    Evaluation e = Data.eval(s, d, nov1.plus(Duration.ofMinutes(150)));
    assertThat(e.units().total()).isEqualTo(3);
    assertThat(e.units().good()).isEqualTo(2);
  }

  @Test
  void shouldJudgeEachSliceByItsOwnRatio() {
    // one huge bad slice and many small good ones: occurrences would say 50%, slices 99%
    Slo s = slices(98, TimePeriod.ROLLING_24H, "10m", 90);
    Data d = series().every(Duration.ofMinutes(10), T.minus(Duration.ofHours(24)), T, 10, 10);
    d.row(T.minus(Duration.ofMinutes(5)), 0, 144 * 10);
    Evaluation e = Data.eval(s, d, T);
    assertThat(e.units().total()).isEqualTo(144);
    assertThat(e.units().good()).isEqualTo(143);
    assertThat(e.errorBudgetRemaining())
        .isCloseTo(1 - 1 / 2.88, org.assertj.core.data.Offset.offset(1e-12));
    // the bad slice is the latest: the short page windows see only it, so the page tier fires
    assertThat(e.alerts()).extracting(a -> a.tier().name()).contains("page_1h_5m");
    assertThat(e.status()).isEqualTo(Status.CRITICAL);
  }

  @Test
  void shouldCountEveryElapsedSliceAsBadWhenThePeriodIsEmptyAndNoDataIsBad() {
    Slo s =
        slices(99, TimePeriod.ROLLING_1H, "5m", 95).toBuilder().noData(NoDataPolicy.BAD).build();
    Evaluation e = Data.eval(s, series(), T);
    assertThat(e.units().total()).isEqualTo(12);
    assertThat(e.units().good()).isZero();
    assertThat(e.status()).isEqualTo(Status.EXHAUSTED);
    assertThat(e.currentSliPercent()).isEqualTo(0.0);
  }

  @Test
  void shouldBurnInSlicesOverlappingEachWindow() {
    Slo s = slices(90, TimePeriod.ROLLING_24H, "30m", 99);
    Data d =
        series()
            .every(MIN, T.minus(Duration.ofHours(24)), T.minus(Duration.ofHours(1)), 100, 100)
            .every(MIN, T.minus(Duration.ofHours(1)), T, 50, 100);
    Evaluation e = Data.eval(s, d, T);
    // the last two 30m slices are bad: 1h burn = (2/2) / 0.1 = 10; 5m sees one bad slice: 10
    assertThat(e.burnRate()).isEqualTo(10.0);
    assertThat(e.burnRates().get(java.time.Duration.ofMinutes(5))).isEqualTo(10.0);
    // 2h: 2 bad of 4 slices = 5
    assertThat(e.burnRates().get(java.time.Duration.ofHours(2))).isEqualTo(5.0);
  }
}
