package dev.slo.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.model.TimePeriod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tiers from the issue: the workbook table for 30 days, and for other periods windows scaled by
 * period / 30 days (whole minutes, half up, at least one) and factor = share × period / long
 * window. Every expected value below was worked out by hand.
 */
class AlertPolicyTest {

  @Test
  void shouldReproduceTheWorkbookTableForThirtyDays() {
    List<AlertTier> tiers = AlertPolicy.tiersFor(Duration.ofDays(30));

    assertThat(tiers)
        .extracting(AlertTier::severity)
        .containsExactly(Severity.PAGE, Severity.PAGE, Severity.TICKET, Severity.TICKET);
    assertThat(tiers)
        .extracting(AlertTier::longWindow)
        .containsExactly(
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));
    assertThat(tiers)
        .extracting(AlertTier::shortWindow)
        .containsExactly(
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(6));
    assertThat(tiers)
        .extracting(t -> t.factor().stripTrailingZeros())
        .containsExactly(
            new BigDecimal("14.4"), new BigDecimal("6"), new BigDecimal("3"), new BigDecimal("1"));
    assertThat(tiers)
        .extracting(AlertTier::budgetShare)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("0.02"),
            new BigDecimal("0.05"),
            new BigDecimal("0.10"),
            new BigDecimal("0.10"));
  }

  @Test
  void shouldSpendTwoPercentWhenBurningAtFourteenPointFourForOneHour() {
    // 14.4 x 1h / 720h = 0.02 of a 30-day budget
    AlertTier page = AlertPolicy.tiersFor(Duration.ofDays(30)).get(0);
    BigDecimal spent =
        page.factor()
            .multiply(BigDecimal.valueOf(page.longWindow().toMinutes()))
            .divide(BigDecimal.valueOf(Duration.ofDays(30).toMinutes()), MathContext.DECIMAL128);

    assertThat(spent).isEqualByComparingTo("0.02");
  }

  /** period minutes; then long/short minutes per tier; then factors as "a" or "a/b". */
  static Stream<Arguments> periods() {
    return Stream.of(
        // ROLLING_1H: 60/43200 of each window; 6h -> 0.5 min rounds half up to 1
        Arguments.of(60, new long[] {1, 1, 1, 1, 2, 1, 6, 1}, new String[] {"1.2", "3", "3", "1"}),
        Arguments.of(
            1440, new long[] {2, 1, 12, 1, 48, 4, 144, 12}, new String[] {"14.4", "6", "3", "1"}),
        Arguments.of(
            10080,
            new long[] {14, 1, 84, 7, 336, 28, 1008, 84},
            new String[] {"14.4", "6", "3", "1"}),
        // February 2026 (28 days): 5m * 28/30 = 4.67 -> 5
        Arguments.of(
            40320,
            new long[] {56, 5, 336, 28, 1344, 112, 4032, 336},
            new String[] {"14.4", "6", "3", "1"}),
        // February 2028 (29 days)
        Arguments.of(
            41760,
            new long[] {58, 5, 348, 29, 1392, 116, 4176, 348},
            new String[] {"14.4", "6", "3", "1"}),
        // 31-day month
        Arguments.of(
            44640,
            new long[] {62, 5, 372, 31, 1488, 124, 4464, 372},
            new String[] {"14.4", "6", "3", "1"}),
        // March 2026 in New York: 743 h. 6h -> 371.5 min, half up to 372
        Arguments.of(
            44580,
            new long[] {62, 5, 372, 31, 1486, 124, 4458, 372},
            new String[] {"891.6/62", "2229/372", "3", "1"}),
        // a 90-day quarter
        Arguments.of(
            129600,
            new long[] {180, 15, 1080, 90, 4320, 360, 12960, 1080},
            new String[] {"14.4", "6", "3", "1"}),
        // a 92-day quarter: 5m * 92/30 = 15.33 -> 15
        Arguments.of(
            132480,
            new long[] {184, 15, 1104, 92, 4416, 368, 13248, 1104},
            new String[] {"14.4", "6", "3", "1"}));
  }

  @ParameterizedTest(name = "period {0} min")
  @MethodSource("periods")
  void shouldScaleWindowsAndFactorsForEveryPeriod(
      long periodMinutes, long[] windows, String[] factors) {
    List<AlertTier> tiers = AlertPolicy.tiersFor(Duration.ofMinutes(periodMinutes));

    for (int i = 0; i < 4; i++) {
      AlertTier t = tiers.get(i);
      assertThat(t.longWindow()).as("long window of tier %d", i).hasMinutes(windows[2 * i]);
      assertThat(t.shortWindow()).as("short window of tier %d", i).hasMinutes(windows[2 * i + 1]);
      assertThat(t.factor().subtract(ratio(factors[i])).abs())
          .as("factor of tier %d: %s vs %s", i, t.factor(), factors[i])
          .isLessThan(new BigDecimal("1e-30"));
      // burning at the factor for the long window spends exactly the tier's share
      BigDecimal spent =
          t.factor()
              .multiply(BigDecimal.valueOf(t.longWindow().toMinutes()))
              .divide(BigDecimal.valueOf(periodMinutes), MathContext.DECIMAL128);
      assertThat(spent.subtract(t.budgetShare()).abs()).isLessThan(new BigDecimal("1e-30"));
    }
  }

  @Test
  void shouldUseTheCurrentLengthOfEveryCalendarPeriod() {
    Instant inMarch = Instant.parse("2026-03-20T00:00:00Z");
    Duration march =
        TimePeriod.CALENDAR_MONTH.periodAt(inMarch, ZoneId.of("America/New_York")).length();

    assertThat(march).isEqualTo(Duration.ofDays(31).minusHours(1));
    assertThat(AlertPolicy.tiersFor(march).get(1).longWindow()).hasMinutes(372);
  }

  @Test
  void shouldKeepShortWindowsAtLeastOneMinute() {
    List<AlertTier> tiers = AlertPolicy.tiersFor(Duration.ofMinutes(1));

    assertThat(tiers)
        .allSatisfy(
            t -> {
              assertThat(t.longWindow()).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
              assertThat(t.shortWindow()).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
            });
  }

  @Test
  void shouldRefuseAnEmptyPeriod() {
    assertThatThrownBy(() -> AlertPolicy.tiersFor(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("0s is not a valid period");
  }

  @Test
  void shouldNameTiersAfterTheirWorkbookWindows() {
    assertThat(AlertPolicy.tiersFor(Duration.ofDays(7)))
        .extracting(AlertTier::name)
        .containsExactly("page_1h_5m", "page_6h_30m", "ticket_1d_2h", "ticket_3d_6h");
  }

  private static BigDecimal ratio(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new BigDecimal(text);
    }
    return new BigDecimal(text.substring(0, slash))
        .divide(new BigDecimal(text.substring(slash + 1)), MathContext.DECIMAL128);
  }
}
