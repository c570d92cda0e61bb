package dev.slo.core.eval;

import static dev.slo.core.Fixtures.T;
import static dev.slo.core.Fixtures.eval;
import static dev.slo.core.Fixtures.every;
import static dev.slo.core.Fixtures.series;
import static dev.slo.core.Fixtures.slo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Timeslice budgets: slices aligned to the period start, good when good/total >= slice target. */
class TimeslicesTest {

  private static Slo.Builder sliced(
      double target, TimePeriod p, Duration slice, double sliceTarget) {
    return slo(target, p)
        .budgetingMethod(BudgetingMethod.TIMESLICES)
        .timesliceLength(slice)
        .timesliceTargetPercentage(sliceTarget);
  }

  @Test
  void shouldGiveFortyThreePointTwoMinutesOfBudgetForThreeNinesOverThirtyDays() {
    // one-minute slices, each with events: 43,200 slices x 0.001 = 43.2 slices = 43.2 minutes
    Slo slo = sliced(99.9, TimePeriod.ROLLING_30D, Duration.ofMinutes(1), 99.0).build();
    EventSeries.Builder b = series();
    every(b, T.minus(Duration.ofDays(30)), T, Duration.ofMinutes(1), 100, 100);

    Evaluation e = eval(slo, b.build(), T);

    assertThat(e.units().total()).isEqualTo(43_200);
    assertThat(e.totalBudget()).isCloseTo(43.2, within(1e-9));
    assertThat(Duration.ofSeconds(Math.round(e.totalBudget() * 60)))
        .isEqualTo(Duration.ofMinutes(43).plusSeconds(12));
    assertThat(e.currentSliPercent()).isEqualTo(100.0);
    assertThat(e.status()).isEqualTo(Status.HEALTHY);
  }

  @Test
  void shouldCountGoodSlicesAmongSlicesWithEvents() {
    // ROLLING_1H, 5m slices (T-60m+5k, T-55m+5k], target 90% of slices, slice target 95%
    Slo slo = sliced(90.0, TimePeriod.ROLLING_1H, Duration.ofMinutes(5), 95.0).build();
    EventSeries.Builder b =
        series()
            .add(T.minus(Duration.ofMinutes(60)), 0, 1000) // at the period start: outside
            .add(T.minus(Duration.ofMinutes(55)), 96, 100) // slice 0: 96% good
            .add(T.minus(Duration.ofMinutes(50)), 95, 100) // slice 1: exactly 95%: good
            .add(T.minus(Duration.ofMinutes(49)), 94, 100); // slice 2: 94%: bad
    // slice 3 has no events; slices 4..11 are clean
    every(b, T.minus(Duration.ofMinutes(40)), T, Duration.ofMinutes(5), 10, 10);

    Evaluation e = eval(slo, b.build(), T);

    assertThat(e.units().total()).isEqualTo(11);
    assertThat(e.units().good()).isEqualTo(10);
    assertThat(e.currentSliPercent()).isCloseTo(100.0 * 10 / 11, within(1e-9));
    assertThat(e.totalBudget()).isCloseTo(1.1, within(1e-12));
    assertThat(e.consumedBudget()).isEqualTo(1.0);
    assertThat(e.remainingBudget()).isCloseTo(0.1, within(1e-12));
    assertThat(e.errorBudgetConsumed()).isCloseTo(10.0 / 11, within(1e-12));
    assertThat(e.errorBudgetRemaining()).isCloseTo(1.0 / 11, within(1e-12));
    assertThat(e.burnRates().get(java.time.Duration.ofMinutes(5))).isZero();
    assertThat(e.status()).isEqualTo(Status.CRITICAL); // 0.0909 < 0.10
  }

  @Test
  void shouldJudgeASliceAgainstADecimalSliceTargetExactly() {
    // slice target 99.9: 999/1000 is good, 998/1000 is bad
    Slo slo = sliced(50.0, TimePeriod.ROLLING_1H, Duration.ofMinutes(30), 99.9).build();
    EventSeries s =
        series().add(T.minus(Duration.ofMinutes(30)), 999, 1000).add(T, 998, 1000).build();

    Evaluation e = eval(slo, s, T);

    assertThat(e.units().total()).isEqualTo(2);
    assertThat(e.units().good()).isEqualTo(1);
  }

  @Test
  void shouldAlignSlicesToTheCalendarPeriodStart() {
    // June 2026 in New York starts 04:00Z; 1h slices are (04:00, 05:00], (05:00, 06:00], ...
    Slo slo =
        sliced(90.0, TimePeriod.CALENDAR_MONTH, Duration.ofHours(1), 99.0)
            .timeZone(java.time.ZoneId.of("America/New_York"))
            .build();
    Instant start = Instant.parse("2026-06-01T04:00:00Z");
    EventSeries s =
        series()
            .add(start, 0, 100) // May
            .add(start.plusSeconds(1), 100, 100)
            .add(start.plus(Duration.ofHours(1)), 100, 100) // same first slice
            .add(start.plus(Duration.ofHours(1)).plusSeconds(1), 0, 1) // second slice, bad
            .build();

    Evaluation e = eval(slo, s, start.plus(Duration.ofMinutes(90)));

    assertThat(e.period().start()).isEqualTo(start);
    assertThat(e.units().total()).isEqualTo(2);
    assertThat(e.units().good()).isEqualTo(1);
  }

  @Test
  void shouldMeasureBurnInSlices() {
    // ROLLING_24H, 1h slices, target 90%: the last hour's slice is bad, so the 1h burn is 1/0.1
    Slo slo = sliced(90.0, TimePeriod.ROLLING_24H, Duration.ofHours(1), 99.0).build();
    EventSeries.Builder b = series();
    every(
        b, T.minus(Duration.ofHours(24)), T.minus(Duration.ofHours(1)), Duration.ofHours(1), 1, 1);
    b.add(T, 0, 1);

    Evaluation e = eval(slo, b.build(), T);

    assertThat(e.units().total()).isEqualTo(24);
    assertThat(e.burnRate()).isCloseTo(10.0, within(1e-12));
    // 1 bad of 24 slices against a 2.4-slice budget
    assertThat(e.errorBudgetConsumed()).isCloseTo(1 / 2.4, within(1e-12));
  }

  @Test
  void shouldRefuseTimesliceSettingsThatDoNotFit() {
    assertThatThrownBy(
            () ->
                slo(99, TimePeriod.ROLLING_30D).budgetingMethod(BudgetingMethod.TIMESLICES).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("timeslice_length is missing");
    assertThatThrownBy(() -> sliced(99, TimePeriod.ROLLING_1H, Duration.ofHours(2), 95.0).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("longer than the period");
    assertThatThrownBy(
            () -> slo(99, TimePeriod.ROLLING_1H).timesliceLength(Duration.ofMinutes(5)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("only apply to budgeting_method TIMESLICES");
  }
}
