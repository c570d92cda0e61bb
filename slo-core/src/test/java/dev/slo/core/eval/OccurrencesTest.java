package dev.slo.core.eval;

import static dev.slo.core.Fixtures.T;
import static dev.slo.core.Fixtures.eval;
import static dev.slo.core.Fixtures.every;
import static dev.slo.core.Fixtures.series;
import static dev.slo.core.Fixtures.slo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Occurrence budgets, burn rates and window boundaries; expected values worked out by hand. */
class OccurrencesTest {
  private static final double EPS = 1e-12;

  @Test
  void shouldCountTheBudgetInEvents() {
    // 1,000,000 events, 600 bad, target 99.9: budget 1000 events, 600 spent
    Slo slo = slo(99.9, TimePeriod.ROLLING_30D).build();
    EventSeries s = series().add(T.minus(Duration.ofDays(10)), 999_400, 1_000_000).build();

    Evaluation e = eval(slo, s, T);

    assertThat(e.currentSliPercent()).isCloseTo(99.94, within(EPS));
    assertThat(e.targetSliPercent()).isEqualTo(99.9);
    assertThat(e.totalBudget()).isCloseTo(1000.0, within(EPS));
    assertThat(e.consumedBudget()).isEqualTo(600.0);
    assertThat(e.remainingBudget()).isCloseTo(400.0, within(EPS));
    assertThat(e.errorBudgetConsumed()).isCloseTo(0.6, within(EPS));
    assertThat(e.errorBudgetRemaining()).isCloseTo(0.4, within(EPS));
    assertThat(e.periodBurnRate()).isCloseTo(0.6, within(EPS));
    assertThat(e.burnRate()).isZero();
    assertThat(e.noData()).isFalse();
    assertThat(e.status()).isEqualTo(Status.HEALTHY);
  }

  @Test
  void shouldNotClampRemainingBudgetWhenOverspent() {
    // 2000 bad of 1,000,000 at 99.9: twice the budget
    Slo slo = slo(99.9, TimePeriod.ROLLING_30D).build();
    EventSeries s = series().add(T.minus(Duration.ofDays(10)), 998_000, 1_000_000).build();

    Evaluation e = eval(slo, s, T);

    assertThat(e.errorBudgetConsumed()).isCloseTo(2.0, within(EPS));
    assertThat(e.errorBudgetRemaining()).isCloseTo(-1.0, within(EPS));
    assertThat(e.remainingBudget()).isCloseTo(-1000.0, within(EPS));
    assertThat(e.status()).isEqualTo(Status.EXHAUSTED);
    assertThat(e.timeToExhaustionText()).isEqualTo("0s");
    assertThat(e.timeToExhaustion()).isZero();
  }

  @Test
  void shouldSpendTwoPercentWhenBurningAtFourteenPointFourForAnHour() {
    // 30 days of 10,000 events a minute; in the last hour 144 a minute fail: 1.44% = 14.4 x 0.1%
    Slo slo = slo(99.9, TimePeriod.ROLLING_30D).build();
    EventSeries.Builder b = series();
    Instant hourAgo = T.minus(Duration.ofHours(1));
    every(b, T.minus(Duration.ofDays(30)), hourAgo, Duration.ofMinutes(1), 10_000, 10_000);
    every(b, hourAgo, T, Duration.ofMinutes(1), 10_000 - 144, 10_000);

    Evaluation e = eval(slo, b.build(), T);

    // 8640 bad / (0.001 x 432,000,000) = 0.02
    assertThat(e.errorBudgetConsumed()).isCloseTo(0.02, within(EPS));
    assertThat(e.burnRates().get(java.time.Duration.ofMinutes(5))).isCloseTo(14.4, within(EPS));
    assertThat(e.burnRates().get(java.time.Duration.ofMinutes(30))).isCloseTo(14.4, within(EPS));
    assertThat(e.burnRates().get(java.time.Duration.ofHours(1))).isCloseTo(14.4, within(EPS));
    assertThat(e.burnRates().get(java.time.Duration.ofHours(2))).isCloseTo(7.2, within(EPS));
    assertThat(e.burnRates().get(java.time.Duration.ofHours(6))).isCloseTo(2.4, within(EPS));
    assertThat(e.burnRates().get(java.time.Duration.ofDays(1))).isCloseTo(0.6, within(EPS));
    assertThat(e.burnRates().get(java.time.Duration.ofDays(3))).isCloseTo(0.2, within(EPS));
    assertThat(e.periodBurnRate()).isCloseTo(0.02, within(EPS));
    assertThat(e.burnRate()).isCloseTo(14.4, within(EPS));
    assertThat(e.burnRate24h()).isCloseTo(0.6, within(EPS));
    assertThat(e.alerts()).extracting(a -> a.tier().name()).containsExactly("page_1h_5m");
    assertThat(e.alertTriggered()).isTrue();
    assertThat(e.status()).isEqualTo(Status.CRITICAL);
  }

  @Test
  void shouldReportBurnRatesForTheIssuesWindowsInOrder() {
    Slo slo = slo(99.9, TimePeriod.ROLLING_7D).build();
    Evaluation e = eval(slo, series().add(T, 1, 1).build(), T);

    assertThat(e.burnRateLabels())
        .containsOnlyKeys("5m", "30m", "1h", "2h", "6h", "1d", "3d", "period");
    assertThat(e.burnRateLabels().keySet())
        .containsExactly("5m", "30m", "1h", "2h", "6h", "1d", "3d", "period");
  }

  @Test
  void shouldExcludeARowAtThePeriodStartAndIncludeOneAtTheInstant() {
    Slo slo = slo(99.0, TimePeriod.ROLLING_1H).build();
    Instant start = T.minus(Duration.ofHours(1));
    EventSeries s =
        series()
            .add(start, 0, 50) // exactly at start: outside (start, T]
            .add(start.plusNanos(1), 1, 1)
            .add(T, 0, 1) // exactly at T: inside
            .add(T.plusNanos(1), 0, 70) // after T: outside
            .build();

    Evaluation e = eval(slo, s, T);

    assertThat(e.units().good()).isEqualTo(1);
    assertThat(e.units().total()).isEqualTo(2);
    assertThat(e.currentSliPercent()).isCloseTo(50.0, within(EPS));
  }

  @Test
  void shouldApplyTheSameBoundariesToBurnWindows() {
    Slo slo = slo(99.0, TimePeriod.ROLLING_30D).build();
    EventSeries s =
        series()
            .add(T.minus(Duration.ofMinutes(5)), 0, 1) // at the 5m start: only in 30m and beyond
            .add(T.minus(Duration.ofMinutes(5)).plusSeconds(1), 1, 1)
            .add(T.minus(Duration.ofMinutes(30)), 0, 2) // at the 30m start: only in 1h and beyond
            .build();

    Evaluation e = eval(slo, s, T);

    assertThat(e.burnRates().get(java.time.Duration.ofMinutes(5))).isZero();
    // 30m: 1 bad of 2 = 50% / 1% = 50
    assertThat(e.burnRates().get(java.time.Duration.ofMinutes(30))).isCloseTo(50.0, within(EPS));
    // 1h: 3 bad of 4 = 75%
    assertThat(e.burnRates().get(java.time.Duration.ofHours(1))).isCloseTo(75.0, within(EPS));
  }

  @Test
  void shouldGiveARowAtMidnightOfTheFirstToTheMonthThatEndsThere() {
    Slo slo = slo(99.0, TimePeriod.CALENDAR_MONTH).build();
    Instant april = Instant.parse("2026-04-01T00:00:00Z");
    EventSeries s =
        series()
            .add(april.minus(Duration.ofDays(3)), 100, 100)
            .add(april, 0, 100)
            .add(april.plusSeconds(60), 50, 100)
            .build();

    Evaluation endOfMarch = eval(slo, s, april);
    Evaluation earlyApril = eval(slo, s, april.plus(Duration.ofHours(1)));

    assertThat(endOfMarch.period().end()).isEqualTo(april);
    assertThat(endOfMarch.units().total()).isEqualTo(200);
    assertThat(endOfMarch.currentSliPercent()).isCloseTo(50.0, within(EPS));
    assertThat(earlyApril.units().total()).isEqualTo(100);
    assertThat(earlyApril.currentSliPercent()).isCloseTo(50.0, within(EPS));
  }

  @Test
  void shouldCountTheLocalMonthInTheSlosTimeZone() {
    // 2026-03-01T04:30Z is 23:30 on Feb 28 in New York: February's period, not March's
    Slo slo =
        slo(99.0, TimePeriod.CALENDAR_MONTH)
            .timeZone(java.time.ZoneId.of("America/New_York"))
            .build();
    Instant at = Instant.parse("2026-03-01T06:00:00Z");
    EventSeries s =
        series()
            .add(Instant.parse("2026-03-01T04:30:00Z"), 0, 10)
            .add(Instant.parse("2026-03-01T05:30:00Z"), 10, 10)
            .build();

    Evaluation e = eval(slo, s, at);

    assertThat(e.period().start()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
    assertThat(e.units().total()).isEqualTo(10);
    assertThat(e.currentSliPercent()).isCloseTo(100.0, within(EPS));
    assertThat(e.tiers().get(1).longWindow()).hasMinutes(372);
  }

  @Test
  void shouldSumManyRowsExactly() {
    // 43,200 rows of 3 good of 7: ratios from exact sums, not accumulated doubles
    Slo slo = slo(50.0, TimePeriod.ROLLING_30D).build();
    EventSeries.Builder b = series();
    every(b, T.minus(Duration.ofDays(30)), T, Duration.ofMinutes(1), 3, 7);

    Evaluation e = eval(slo, b.build(), T);

    assertThat(e.units().good()).isEqualTo(3L * 43_200);
    assertThat(e.units().total()).isEqualTo(7L * 43_200);
    // burn = (4/7) / 0.5 = 8/7
    assertThat(e.errorBudgetConsumed()).isEqualTo(8.0 / 7.0);
    assertThat(e.burnRates().get(java.time.Duration.ofMinutes(5))).isEqualTo(8.0 / 7.0);
  }
}
