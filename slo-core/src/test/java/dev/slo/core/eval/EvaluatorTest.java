package dev.slo.core.eval;

import static dev.slo.core.eval.Data.T;
import static dev.slo.core.eval.Data.eval;
import static dev.slo.core.eval.Data.series;
import static dev.slo.core.eval.Data.slo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.StatusThresholds;
import dev.slo.core.model.TimePeriod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  private static final Duration MIN = Duration.ofMinutes(1);
  private static final Instant START_30D = T.minus(Duration.ofDays(30));

  @Test
  void shouldGive43point2MinutesOfBudgetFor999Over30Days() {
    // one event per minute: the budget in events equals the budget in minutes
    Evaluation e =
        eval(slo(99.9, TimePeriod.ROLLING_30D), series().every(MIN, START_30D, T, 1, 1), T);
    assertThat(e.units().total()).isEqualTo(43_200);
    assertThat(e.totalBudget()).isEqualTo(43.2);
    assertThat(e.errorBudgetRemaining()).isEqualTo(1.0);
    assertThat(e.currentSliPercent()).isEqualTo(100.0);
    assertThat(e.status()).isEqualTo(Status.HEALTHY);
  }

  @Test
  void shouldComputeBudgetFiguresExactly() {
    // 1000 events a minute for 30 days, 1 bad a minute in the last 600 minutes: 600 bad of 43.2M
    Data d =
        series()
            .every(MIN, START_30D, T.minus(Duration.ofMinutes(600)), 1000, 1000)
            .every(MIN, T.minus(Duration.ofMinutes(600)), T, 999, 1000);
    Evaluation e = eval(slo(99.9, TimePeriod.ROLLING_30D), d, T);
    assertThat(e.totalBudget()).isEqualTo(43_200.0);
    assertThat(e.consumedBudget()).isEqualTo(600.0);
    assertThat(e.remainingBudget()).isEqualTo(42_600.0);
    assertThat(e.errorBudgetConsumed()).isEqualTo(600.0 / 43_200);
    assertThat(e.errorBudgetRemaining()).isEqualTo(1 - 600.0 / 43_200, within(1e-15));
    assertThat(e.burnRates().get(java.time.Duration.ofHours(1))).isEqualTo(1.0);
    assertThat(e.burnRates().get(java.time.Duration.ofMinutes(5))).isEqualTo(1.0);
    assertThat(e.burnRates().get(java.time.Duration.ofDays(1))).isEqualTo(600.0 / 1440);
    assertThat(e.periodBurnRate()).isEqualTo(e.errorBudgetConsumed());
    assertThat(e.burnRate24h()).isEqualTo(600.0 / 1440);
  }

  @Test
  void shouldExcludeARowAtTheWindowStartAndIncludeOneAtT() {
    Slo s = slo(99, TimePeriod.ROLLING_1H);
    Data d =
        series()
            .row(T.minus(Duration.ofHours(1)), 0, 100) // exactly at start: outside
            .row(T.minus(Duration.ofHours(1)).plusNanos(1), 90, 100)
            .row(T, 100, 100)
            .row(T.plusNanos(1), 0, 100); // after T: outside
    Evaluation e = eval(s, d, T);
    assertThat(e.units().total()).isEqualTo(200);
    assertThat(e.units().good()).isEqualTo(190);
    assertThat(e.currentSliPercent()).isEqualTo(95.0);
    // 5m window: only the row at T
    assertThat(e.burnRates().get(java.time.Duration.ofMinutes(5))).isZero();
  }

  @Test
  void shouldFirePageTierAtExactlyTheFactor() {
    // burn exactly 14.4 over the last hour (and so over 5m): 1.44% bad at 99.9%
    Data d =
        series()
            .every(MIN, START_30D, T.minus(Duration.ofHours(1)), 100_000, 100_000)
            .every(MIN, T.minus(Duration.ofHours(1)), T, 100_000 - 1_440, 100_000);
    Evaluation e = eval(slo(99.9, TimePeriod.ROLLING_30D), d, T);
    assertThat(e.burnRate()).isEqualTo(14.4);
    assertThat(e.alerts()).extracting(a -> a.tier().name()).containsExactly("page_1h_5m");
    assertThat(e.status()).isEqualTo(Status.CRITICAL);
    // 14.4x for one hour spends 2% of the budget
    assertThat(e.errorBudgetConsumed()).isCloseTo(0.02, within(1e-15));
  }

  @Test
  void shouldNotFireWhenOnlyTheLongWindowBurns() {
    // an hour of fast burn that stopped 10 minutes ago: 1h burn high, 5m burn zero
    Data d =
        series()
            .every(MIN, START_30D, T.minus(Duration.ofMinutes(70)), 1000, 1000)
            .every(MIN, T.minus(Duration.ofMinutes(70)), T.minus(Duration.ofMinutes(10)), 950, 1000)
            .every(MIN, T.minus(Duration.ofMinutes(10)), T, 1000, 1000);
    Evaluation e = eval(slo(99.9, TimePeriod.ROLLING_30D), d, T);
    assertThat(e.burnRate()).isGreaterThan(14.4);
    assertThat(e.burnRates().get(java.time.Duration.ofMinutes(5))).isZero();
    assertThat(e.alerts()).extracting(a -> a.tier().name()).doesNotContain("page_1h_5m");
  }

  @Test
  void shouldRankStatusesByBudgetAndTiers() {
    Slo s = slo(99, TimePeriod.ROLLING_30D);
    // evenly spread bad events burn at a constant rate r: consumed = r, no fast tier
    assertThat(eval(s, even(0.5), T).status()).isEqualTo(Status.HEALTHY);
    assertThat(eval(s, even(0.8), T).status()).isEqualTo(Status.WARNING); // 20% left < 25%
    assertThat(eval(s, even(0.95), T).status()).isEqualTo(Status.CRITICAL); // 5% left
    assertThat(eval(s, even(1.0), T).status()).isEqualTo(Status.EXHAUSTED); // 0 left
    assertThat(eval(s, even(1.0), T).timeToExhaustionText()).isEqualTo("0s");
    Slo custom = s.toBuilder().thresholds(new StatusThresholds(0.6, 0.3)).build();
    assertThat(eval(custom, even(0.5), T).status()).isEqualTo(Status.WARNING);
    assertThat(eval(custom, even(0.75), T).status()).isEqualTo(Status.CRITICAL);
  }

  @Test
  void shouldWarnWhenTheSlowTicketTierFires() {
    // burn 1.5x over the last 3 days on a fresh budget: ticket_3d_6h (factor 1) fires
    Data d =
        series()
            .every(MIN, START_30D, T.minus(Duration.ofDays(3)), 1000, 1000)
            .every(MIN, T.minus(Duration.ofDays(3)), T, 985, 1000);
    Evaluation e = eval(slo(99, TimePeriod.ROLLING_30D), d, T);
    assertThat(e.burnRates().get(java.time.Duration.ofDays(3))).isEqualTo(1.5);
    assertThat(e.alerts()).extracting(a -> a.tier().name()).containsExactly("ticket_3d_6h");
    assertThat(e.status()).isEqualTo(Status.WARNING);
  }

  @Test
  void shouldComputeTimeToExhaustionFromThe1hBurn() {
    // remaining 0.3 at burn 2.5 over 30 days: 0.3 x 30d / 2.5 = 3.6 days = 3d14h24m
    double target = 99;
    long total = 1000;
    // consumed 0.7 evenly over 30 days except the last hour, which burns at 2.5
    Data d =
        series()
            .every(MIN, START_30D, T.minus(Duration.ofHours(1)), 1000, 1000)
            .every(MIN, T.minus(Duration.ofHours(1)), T, total - 25, total);
    Evaluation base = eval(slo(target, TimePeriod.ROLLING_30D), d, T);
    assertThat(base.burnRate()).isEqualTo(2.5);
    double expected = base.errorBudgetRemaining() * 30 * 86_400 / 2.5;
    assertThat(base.timeToExhaustionSeconds()).isCloseTo(expected, within(1e-3));
    // the worked example of docs/math.md
    assertThat(
            StatusRules.timeToExhaustion(
                slo(target, TimePeriod.ROLLING_30D),
                TimePeriod.ROLLING_30D.periodAt(T, java.time.ZoneOffset.UTC),
                T,
                new java.math.BigDecimal("0.3"),
                new java.math.BigDecimal("2.5")))
        .isEqualTo(Duration.ofDays(3).plusHours(14).plusMinutes(24));
  }

  @Test
  void shouldDropTimeToExhaustionAfterACalendarPeriodEnds() {
    Slo s = slo(99, TimePeriod.CALENDAR_MONTH);
    Instant monthStart = Instant.parse("2026-11-01T00:00:00Z");
    // low burn: exhaustion far after Nov 30
    Data slow = series().every(MIN, monthStart, T, 999, 1000);
    Evaluation e = eval(s, slow, T);
    assertThat(e.burnRate()).isEqualTo(0.1);
    assertThat(e.timeToExhaustion()).isNull();
    // clean month, then the last hour burns at 20x: exhaustion in about 1.5 days, before the end
    Data fast =
        series()
            .every(MIN, monthStart, T.minus(Duration.ofHours(1)), 1000, 1000)
            .every(MIN, T.minus(Duration.ofHours(1)), T, 800, 1000);
    Evaluation f = eval(s, fast, T);
    assertThat(f.timeToExhaustion()).isNotNull();
    assertThat(f.burnRate()).isEqualTo(20.0);
    assertThat(T.plus(f.timeToExhaustion())).isBefore(f.period().end());
    assertThat(f.timeToExhaustionSeconds())
        .isCloseTo(f.errorBudgetRemaining() * 30 * 86_400 / 20, within(1e-3));
  }

  @Test
  void shouldReportNoDataAsHealthyWithoutSli() {
    Evaluation e = eval(slo(99.9, TimePeriod.ROLLING_7D), series(), T);
    assertThat(e.noData()).isTrue();
    assertThat(e.currentSliPercent()).isNull();
    assertThat(e.errorBudgetRemaining()).isEqualTo(1.0);
    assertThat(e.errorBudgetConsumed()).isZero();
    assertThat(e.burnRateLabels().values()).containsOnly(0.0);
    assertThat(e.status()).isEqualTo(Status.HEALTHY);
    assertThat(e.timeToExhaustion()).isNull();
    assertThat(e.projectedExhaustion()).isNull();
    assertThat(e.recommendations()).anyMatch(r -> r.startsWith("No data"));
  }

  @Test
  void shouldCountAnEmptyPeriodAsFullyBadWhenAsked() {
    Slo s = slo(99.9, TimePeriod.ROLLING_7D).toBuilder().noData(NoDataPolicy.BAD).build();
    Evaluation e = eval(s, series(), T);
    assertThat(e.noData()).isTrue();
    assertThat(e.currentSliPercent()).isEqualTo(0.0);
    assertThat(e.errorBudgetConsumed()).isCloseTo(1000.0, within(1e-9));
    assertThat(e.burnRate()).isCloseTo(1000.0, within(1e-9));
    assertThat(e.status()).isEqualTo(Status.EXHAUSTED);
    assertThat(e.timeToExhaustionText()).isEqualTo("0s");
  }

  @Test
  void shouldIgnoreEventsBeforeACalendarPeriodForTheBudgetButNotForBurnWindows() {
    Slo s = slo(99, TimePeriod.CALENDAR_MONTH);
    Instant nov1 = Instant.parse("2026-11-01T00:00:00Z");
    Data d =
        series()
            .every(MIN, nov1.minus(Duration.ofHours(2)), nov1, 0, 10) // all bad, October
            .every(MIN, nov1, nov1.plus(Duration.ofHours(1)), 10, 10);
    Instant at = nov1.plus(Duration.ofHours(1));
    Evaluation e = eval(s, d, at);
    assertThat(e.period().start()).isEqualTo(nov1);
    assertThat(e.currentSliPercent()).isEqualTo(100.0);
    assertThat(e.errorBudgetRemaining()).isEqualTo(1.0);
    assertThat(e.burnRates().get(java.time.Duration.ofHours(2)))
        .isEqualTo(50.0); // half the 2h window was all bad
  }

  @Test
  void shouldProjectExhaustionFromALinearTrend() {
    // A calendar month with constant 2x burn from its start: consumed grows linearly.
    Slo s = slo(99, TimePeriod.CALENDAR_MONTH);
    Instant nov1 = Instant.parse("2026-11-01T00:00:00Z");
    Instant at = nov1.plus(Duration.ofDays(2));
    Data d = series().every(MIN, nov1, at, 98, 100);
    Evaluation e = eval(s, d, at);
    // consumed fraction is bad/(0.01 total) = 2 at every point: flat, so never reaches 1 again
    assertThat(e.errorBudgetConsumed()).isEqualTo(2.0);
    assertThat(e.projectedExhaustion()).isNull();
    // Rolling 30 days, clean history, then 2% bad for the last 24h: consumed rises linearly
    Slo r = slo(99, TimePeriod.ROLLING_30D);
    Data lin =
        series()
            .every(MIN, START_30D.minus(Duration.ofDays(1)), T.minus(Duration.ofDays(1)), 100, 100)
            .every(MIN, T.minus(Duration.ofDays(1)), T, 98, 100);
    Evaluation p = eval(r, lin, T);
    // consumed(t) = 2 x (minutes since T-24h) / 43200: reaches 1 after 21600 minutes = 15 days
    assertThat(p.projectedExhaustion())
        .isBetween(
            T.minus(Duration.ofDays(1)).plus(Duration.ofDays(15)).minusSeconds(120),
            T.minus(Duration.ofDays(1)).plus(Duration.ofDays(15)).plusSeconds(120));
  }

  private static Data even(double consumedFraction) {
    // 99% target: bad share = consumed x 1%; 10,000 events a minute over 30 days
    long bad = Math.round(consumedFraction * 100);
    return series().every(MIN, START_30D, T, 10_000 - bad, 10_000);
  }
}
