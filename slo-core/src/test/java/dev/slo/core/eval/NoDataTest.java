package dev.slo.core.eval;

import static dev.slo.core.Fixtures.T;
import static dev.slo.core.Fixtures.eval;
import static dev.slo.core.Fixtures.evalEmpty;
import static dev.slo.core.Fixtures.series;
import static dev.slo.core.Fixtures.slo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A period without events: ignored by default, fully bad with no_data: bad. */
class NoDataTest {
  static java.util.List<TimePeriod> periods() {
    java.util.List<TimePeriod> all = new java.util.ArrayList<>(TimePeriod.NAMED);
    all.add(TimePeriod.rolling(java.time.Duration.ofDays(28)));
    all.add(TimePeriod.CALENDAR_WEEK);
    all.add(TimePeriod.CALENDAR_YEAR);
    return all;
  }

  @ParameterizedTest
  @MethodSource("periods")
  void shouldLeaveTheBudgetUntouchedWhenIgnoringNoData(TimePeriod period) {
    Evaluation e = evalEmpty(slo(99.9, period).build(), T);

    assertThat(e.noData()).isTrue();
    assertThat(e.currentSliPercent()).isNull();
    assertThat(e.burnRateLabels().values()).containsOnly(0.0);
    assertThat(e.errorBudgetConsumed()).isZero();
    assertThat(e.errorBudgetRemaining()).isEqualTo(1.0);
    assertThat(e.totalBudget()).isZero();
    assertThat(e.consumedBudget()).isZero();
    assertThat(e.remainingBudget()).isZero();
    assertThat(e.alerts()).isEmpty();
    assertThat(e.status()).isEqualTo(Status.HEALTHY);
    assertThat(e.timeToExhaustion()).isNull();
    assertThat(e.projectedExhaustion()).isNull();
    assertThat(e.toStatus().currentSli()).isNull();
    assertThat(e.recommendations()).anyMatch(r -> r.startsWith("No data"));
  }

  @ParameterizedTest
  @MethodSource("periods")
  void shouldIgnoreEventsOutsideThePeriodWhenThePeriodIsEmpty(TimePeriod period) {
    // a bad burst just before the period started (and inside the 3d window of short periods)
    Instant start = period.periodAt(T, java.time.ZoneId.of("UTC")).start();
    Evaluation e = eval(slo(99.9, period).build(), series().add(start, 0, 100).build(), T);

    assertThat(e.noData()).isTrue();
    assertThat(e.burnRateLabels().values()).containsOnly(0.0);
    assertThat(e.status()).isEqualTo(Status.HEALTHY);
  }

  @ParameterizedTest
  @MethodSource("periods")
  void shouldCountAnEmptyPeriodAsFullyBadWhenAsked(TimePeriod period) {
    Slo slo = slo(99.9, period).noData(NoDataPolicy.BAD).build();

    Evaluation e = evalEmpty(slo, T);

    assertThat(e.noData()).isTrue();
    assertThat(e.currentSliPercent()).isEqualTo(0.0);
    // fully bad: bad/total = 1, so the burn is 1 / 0.001 = 1000 everywhere
    assertThat(e.burnRate()).isCloseTo(1000.0, within(1e-9));
    assertThat(e.periodBurnRate()).isCloseTo(1000.0, within(1e-9));
    assertThat(e.errorBudgetConsumed()).isGreaterThanOrEqualTo(1.0);
    assertThat(e.errorBudgetRemaining()).isLessThanOrEqualTo(0.0);
    assertThat(e.errorBudgetConsumed() + e.errorBudgetRemaining()).isCloseTo(1.0, within(1e-12));
    assertThat(e.status()).isEqualTo(Status.EXHAUSTED);
    assertThat(e.timeToExhaustionText()).isEqualTo("0s");
    assertThat(e.alerts()).hasSize(4);
  }

  @ParameterizedTest
  @EnumSource(NoDataPolicy.class)
  void shouldKeepEveryNumberFiniteWithTimeslicesAndNoData(NoDataPolicy policy) {
    Slo slo =
        slo(99.0, TimePeriod.ROLLING_24H)
            .budgetingMethod(BudgetingMethod.TIMESLICES)
            .timesliceLength(Duration.ofMinutes(5))
            .timesliceTargetPercentage(95.0)
            .noData(policy)
            .build();

    Evaluation e = evalEmpty(slo, T);

    assertThat(e.noData()).isTrue();
    assertThat(e.status())
        .isEqualTo(policy == NoDataPolicy.BAD ? Status.EXHAUSTED : Status.HEALTHY);
    if (policy == NoDataPolicy.BAD) {
      // every one of the 288 slices of the day counts as bad
      assertThat(e.units().total()).isEqualTo(288);
      assertThat(e.units().good()).isZero();
    }
    FiniteCheck.assertFinite(e);
  }
}
