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
import dev.slo.core.model.StatusThresholds;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Status from budget remaining and firing tiers, with default and custom thresholds. */
class StatusTest {

  /** 10,000 events ten days ago, {@code bad} of them bad, at 99%: the budget is 100 events. */
  private static EventSeries oldBad(long bad) {
    return series().add(T.minus(Duration.ofDays(10)), 10_000 - bad, 10_000).build();
  }

  @ParameterizedTest(name = "{0} bad -> {1}")
  @CsvSource({
    "0, HEALTHY",
    "75, HEALTHY", // remaining exactly 0.25 is not below 0.25
    "76, WARNING",
    "90, WARNING", // remaining exactly 0.10 is not below 0.10
    "91, CRITICAL",
    "99, CRITICAL",
    "100, EXHAUSTED", // remaining exactly 0
    "150, EXHAUSTED",
  })
  void shouldDeriveStatusFromRemainingBudget(long bad, Status expected) {
    Evaluation e = eval(slo(99.0, TimePeriod.ROLLING_30D).build(), oldBad(bad), T);

    assertThat(e.errorBudgetRemaining()).isCloseTo(1 - bad / 100.0, within(1e-12));
    assertThat(e.alerts()).isEmpty();
    assertThat(e.status()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} bad -> {1}")
  @CsvSource({"49, HEALTHY", "50, HEALTHY", "51, WARNING", "70, WARNING", "71, CRITICAL"})
  void shouldUseConfiguredThresholds(long bad, Status expected) {
    Slo slo = slo(99.0, TimePeriod.ROLLING_30D).thresholds(new StatusThresholds(0.5, 0.3)).build();

    assertThat(eval(slo, oldBad(bad), T).status()).isEqualTo(expected);
  }

  @Test
  void shouldWarnWhenOnlyATicketTierFires() {
    // a million good events 10 days ago; the last day burns at exactly 3 (3% bad at 99%)
    Slo slo = slo(99.0, TimePeriod.ROLLING_30D).build();
    EventSeries.Builder b = series().add(T.minus(Duration.ofDays(10)), 1_000_000, 1_000_000);
    every(b, T.minus(Duration.ofDays(1)), T, Duration.ofMinutes(5), 97, 100);

    Evaluation e = eval(slo, b.build(), T);

    assertThat(e.burnRates().get(java.time.Duration.ofDays(1))).isCloseTo(3.0, within(1e-12));
    assertThat(e.burnRates().get(java.time.Duration.ofDays(3))).isCloseTo(3.0, within(1e-12));
    assertThat(e.alerts())
        .extracting(a -> a.tier().name())
        .containsExactly("ticket_1d_2h", "ticket_3d_6h");
    assertThat(e.errorBudgetRemaining()).isGreaterThan(0.25);
    assertThat(e.status()).isEqualTo(Status.WARNING);
    assertThat(e.recommendations()).anyMatch(r -> r.startsWith("Slow burn detected"));
  }

  @Test
  void shouldGoCriticalWhenTheSixHourPageTierFires() {
    Slo slo = slo(99.0, TimePeriod.ROLLING_30D).build();
    EventSeries.Builder b = series().add(T.minus(Duration.ofDays(10)), 1_000_000, 1_000_000);
    every(b, T.minus(Duration.ofHours(6)), T, Duration.ofMinutes(5), 94, 100);

    Evaluation e = eval(slo, b.build(), T);

    assertThat(e.burnRates().get(java.time.Duration.ofHours(6))).isCloseTo(6.0, within(1e-12));
    assertThat(e.alerts()).extracting(a -> a.tier().name()).contains("page_6h_30m");
    assertThat(e.alerts()).extracting(a -> a.tier().name()).doesNotContain("page_1h_5m");
    assertThat(e.status()).isEqualTo(Status.CRITICAL);
  }

  @Test
  void shouldNotFireATierWhoseShortWindowHasRecovered() {
    // 1h burn is 16.7 but the last 5 minutes are clean
    Slo slo = slo(99.0, TimePeriod.ROLLING_30D).build();
    EventSeries.Builder b = series().add(T.minus(Duration.ofDays(10)), 1_000_000, 1_000_000);
    every(
        b,
        T.minus(Duration.ofHours(1)),
        T.minus(Duration.ofMinutes(10)),
        Duration.ofMinutes(5),
        80,
        100);
    b.add(T.minus(Duration.ofMinutes(5)), 100, 100).add(T, 100, 100);

    Evaluation e = eval(slo, b.build(), T);

    assertThat(e.burnRates().get(java.time.Duration.ofHours(1)))
        .isCloseTo(200.0 / 12, within(1e-12));
    assertThat(e.burnRates().get(java.time.Duration.ofMinutes(5))).isZero();
    assertThat(e.alerts()).extracting(a -> a.tier().name()).doesNotContain("page_1h_5m");
  }

  @Test
  void shouldFireATierAtExactlyItsFactor() {
    // ROLLING_1H: the first tier is 1.2 over 1m and 1m; 1.2% bad at 99% burns at exactly 1.2
    Slo slo = slo(99.0, TimePeriod.ROLLING_1H).build();
    EventSeries s =
        series()
            .add(T.minus(Duration.ofMinutes(30)), 1_000_000, 1_000_000)
            .add(T.minus(Duration.ofSeconds(30)), 988, 1000)
            .build();

    Evaluation e = eval(slo, s, T);

    assertThat(e.alerts()).extracting(a -> a.tier().name()).contains("page_1h_5m");
    assertThat(e.status()).isEqualTo(Status.CRITICAL);
  }

  @Test
  void shouldStayQuietJustBelowTheFactor() {
    Slo slo = slo(99.0, TimePeriod.ROLLING_1H).build();
    EventSeries s =
        series()
            .add(T.minus(Duration.ofMinutes(30)), 1_000_000, 1_000_000)
            .add(T.minus(Duration.ofSeconds(30)), 9881, 10_000) // 1.19% bad: burn 1.19
            .build();

    Evaluation e = eval(slo, s, T);

    assertThat(e.alerts()).extracting(a -> a.tier().name()).doesNotContain("page_1h_5m");
  }
}
