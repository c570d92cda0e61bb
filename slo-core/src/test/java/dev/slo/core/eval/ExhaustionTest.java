package dev.slo.core.eval;

import static dev.slo.core.Fixtures.T;
import static dev.slo.core.Fixtures.eval;
import static dev.slo.core.Fixtures.series;
import static dev.slo.core.Fixtures.slo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Time to exhaustion at the 1h burn rate, and the 24h least-squares forecast. */
class ExhaustionTest {

  @Test
  void shouldPrintTimeToExhaustionLikeTheSeed() {
    // 99.9%, 1,010,000 events: budget 1010. 404 bad: consumed 0.4, remaining 0.6.
    // last hour: 50 bad of 10,000 = 0.5% / 0.1% = burn 5. 0.6 x 30d / 5 = 3.6d = 3d14h24m
    Slo slo = slo(99.9, TimePeriod.ROLLING_30D).build();
    EventSeries s =
        series()
            .add(T.minus(Duration.ofDays(10)), 1_000_000 - 354, 1_000_000)
            .add(T.minus(Duration.ofMinutes(20)), 10_000 - 50, 10_000)
            .build();

    Evaluation e = eval(slo, s, T);

    assertThat(e.errorBudgetRemaining()).isCloseTo(0.6, within(1e-12));
    assertThat(e.burnRate()).isCloseTo(5.0, within(1e-12));
    assertThat(e.timeToExhaustion()).isEqualTo(Duration.ofDays(3).plusHours(14).plusMinutes(24));
    assertThat(e.timeToExhaustionText()).isEqualTo("3d14h24m");
    assertThat(e.timeToExhaustionSeconds()).isEqualTo(311_040.0);
    assertThat(e.toStatus().timeToExhaustion()).isEqualTo("3d14h24m");
  }

  @Test
  void shouldHaveNoTimeToExhaustionWithoutBurn() {
    Slo slo = slo(99.9, TimePeriod.ROLLING_30D).build();
    EventSeries s = series().add(T.minus(Duration.ofDays(2)), 9999, 10_000).build();

    Evaluation e = eval(slo, s, T);

    assertThat(e.burnRate()).isZero();
    assertThat(e.timeToExhaustion()).isNull();
    assertThat(e.timeToExhaustionText()).isNull();
    assertThat(e.timeToExhaustionSeconds()).isNull();
  }

  /** A million good events on June 2 and one row in the last hour with {@code bad} of 1000. */
  private static EventSeries juneWithLastHourBad(long bad) {
    return series()
        .add(Instant.parse("2026-06-02T00:00:00Z"), 1_000_000, 1_000_000)
        .add(T.minus(Duration.ofMinutes(10)), 1000 - bad, 1000)
        .build();
  }

  @Test
  void shouldDropTimeToExhaustionThatLandsAfterTheCalendarPeriod() {
    // 99%: burn 1 leaves 10000/10010 of the budget, 29.97 days at 1x: after June 30
    Slo month = slo(99.0, TimePeriod.CALENDAR_MONTH).build();
    Slo rolling = slo(99.0, TimePeriod.ROLLING_30D).build();

    Evaluation m = eval(month, juneWithLastHourBad(10), T);
    Evaluation r = eval(rolling, juneWithLastHourBad(10), T);

    assertThat(m.burnRate()).isCloseTo(1.0, within(1e-12));
    assertThat(m.timeToExhaustion()).isNull();
    // rolling: 10000/10010 x 30 days = 2,589,410.589... s
    assertThat(r.timeToExhaustionSeconds()).isCloseTo(2_592_000.0 * 10_000 / 10_010, within(1e-3));
  }

  @Test
  void shouldKeepTimeToExhaustionThatLandsInsideTheCalendarPeriod() {
    // burn 10: remaining 1 - 100/10010 = 9910/10010; x 30d / 10 = 2.97 days, before June 30
    Slo month = slo(99.0, TimePeriod.CALENDAR_MONTH).build();

    Evaluation e = eval(month, juneWithLastHourBad(100), T);

    assertThat(e.period().length()).isEqualTo(Duration.ofDays(30));
    assertThat(e.timeToExhaustionSeconds())
        .isCloseTo(2_592_000.0 * 9910 / 10_010 / 10, within(1e-3));
  }

  @Test
  void shouldProjectExhaustionAlongAnExactlyLinearTrend() {
    // ROLLING_1H at 99%: the window ending at each hourly point T-k h holds only the row at
    // T-k h, with 50-2k bad of 10,000: consumed = 0.5 - 0.02k, a line reaching 1 at T+25h
    Slo slo = slo(99.0, TimePeriod.ROLLING_1H).build();
    EventSeries.Builder b = series();
    for (int k = 0; k <= 24; k++) {
      b.add(T.minus(Duration.ofHours(k)), 10_000 - (50 - 2 * k), 10_000);
    }

    Evaluation e = eval(slo, b.build(), T);

    assertThat(e.errorBudgetConsumed()).isCloseTo(0.5, within(1e-12));
    assertThat(Duration.between(T.plus(Duration.ofHours(25)), e.projectedExhaustion()).abs())
        .isLessThan(Duration.ofSeconds(1));
    assertThat(e.toErrorBudget().projectedExhaustion()).isEqualTo(e.projectedExhaustion());
  }

  @Test
  void shouldProjectAlongTheLeastSquaresLineOfANoisyTrend() {
    // consumption at each point computed here exactly and fitted with the closed-form formulas
    Slo slo = slo(99.0, TimePeriod.ROLLING_30D).build();
    EventSeries.Builder b = series().add(T.minus(Duration.ofDays(20)), 1_000_000, 1_000_000);
    long[] bad = new long[25];
    for (int k = 1; k <= 24; k++) {
      bad[k] = (k * 7L) % 11 + 20; // irregular, 20..30 bad of 1000 each hour
      b.add(T.minus(Duration.ofHours(24 - k)), 1000 - bad[k], 1000);
    }

    Evaluation e = eval(slo, b.build(), T);

    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    long badSoFar = 0;
    for (int i = 0; i <= 24; i++) { // point at T-24h+i h; rows at or before it count
      badSoFar += bad[i];
      double x = i - 24.0;
      double y = badSoFar / (0.01 * (1_000_000 + 1000.0 * i));
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    double slope = (25 * sxy - sx * sy) / (25 * sxx - sx * sx);
    double intercept = (sy - slope * sx) / 25;
    double hours = (1 - intercept) / slope;
    Instant expected = T.plusMillis(Math.round(hours * 3_600_000));

    assertThat(Duration.between(expected, e.projectedExhaustion()).abs())
        .isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void shouldUseOnlyForecastPointsAfterTheCalendarPeriodStart() {
    // June starts 00:00Z; T = 03:30Z: points at 00:30, 01:30, 02:30, 03:30 only.
    // consumed there: 0, 10/20, 30/30, 60/40 = 0, 0.5, 1, 1.5: a line reaching 1 at 02:30
    Slo slo = slo(99.0, TimePeriod.CALENDAR_MONTH).build();
    Instant june = Instant.parse("2026-06-01T00:00:00Z");
    EventSeries s =
        series()
            .add(june.minus(Duration.ofHours(2)), 0, 1000) // May: outside every forecast window
            .add(june.plus(Duration.ofMinutes(30)), 1000, 1000)
            .add(june.plus(Duration.ofMinutes(90)), 990, 1000)
            .add(june.plus(Duration.ofMinutes(150)), 980, 1000)
            .add(june.plus(Duration.ofMinutes(210)), 970, 1000)
            .build();

    Evaluation e = eval(slo, s, june.plus(Duration.ofMinutes(210)));

    assertThat(Duration.between(june.plus(Duration.ofMinutes(150)), e.projectedExhaustion()).abs())
        .isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void shouldNotProjectWhenConsumptionIsFlatOrFalling() {
    Slo slo = slo(99.0, TimePeriod.ROLLING_30D).build();
    EventSeries flat = series().add(T.minus(Duration.ofDays(3)), 990, 1000).build();

    assertThat(eval(slo, flat, T).projectedExhaustion()).isNull();
  }

  @Test
  void shouldNotProjectPastTheCalendarPeriodEnd() {
    // ~0.0001 of the budget per hour: years to go in a rolling period, nothing in a month
    EventSeries.Builder b =
        series().add(Instant.parse("2026-06-02T00:00:00Z"), 1_000_000, 1_000_000);
    for (int k = 0; k < 24; k++) {
      b.add(T.minus(Duration.ofHours(k)), 0, 1);
    }
    EventSeries s = b.build();

    assertThat(eval(slo(99.0, TimePeriod.CALENDAR_MONTH).build(), s, T).projectedExhaustion())
        .isNull();
    assertThat(eval(slo(99.0, TimePeriod.ROLLING_30D).build(), s, T).projectedExhaustion())
        .isAfter(Instant.parse("2026-07-01T00:00:00Z"));
  }
}
