package dev.slo.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertPolicyWorkbookTest {
  @Test
  void shouldReproduceTheWorkbookTableFor30Days() {
    List<AlertTier> t = AlertPolicy.tiersFor(Duration.ofDays(30));
    assertThat(t)
        .extracting(AlertTier::name)
        .containsExactly("page_1h_5m", "page_6h_30m", "ticket_1d_2h", "ticket_3d_6h");
    assertThat(t)
        .extracting(AlertTier::severity)
        .containsExactly(Severity.PAGE, Severity.PAGE, Severity.TICKET, Severity.TICKET);
    assertThat(t)
        .extracting(AlertTier::longWindow)
        .containsExactly(
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));
    assertThat(t)
        .extracting(AlertTier::shortWindow)
        .containsExactly(
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(6));
    assertThat(t)
        .extracting(a -> a.factor().stripTrailingZeros())
        .containsExactly(
            new BigDecimal("14.4"), new BigDecimal("6"), new BigDecimal("3"), new BigDecimal("1"));
  }

  @Test
  void shouldSpendTwoPercentAt14point4ForOneHourOf30Days() {
    AlertTier page = AlertPolicy.tiersFor(Duration.ofDays(30)).get(0);
    BigDecimal spent =
        page.factor().multiply(BigDecimal.valueOf(3600)).divide(BigDecimal.valueOf(30L * 86400));
    assertThat(spent.stripTrailingZeros()).isEqualTo(new BigDecimal("0.02"));
  }

  @Test
  void shouldScaleWindowsToWholeMinutesForSevenDays() {
    List<AlertTier> t = AlertPolicy.tiersFor(Duration.ofDays(7));
    // 1h x 7/30 = 14 min; 5m x 7/30 = 1.17 -> 1 min; 6h -> 84 min; 30m -> 7 min.
    assertThat(t.get(0).longWindow()).isEqualTo(Duration.ofMinutes(14));
    assertThat(t.get(0).shortWindow()).isEqualTo(Duration.ofMinutes(1));
    assertThat(t.get(1).longWindow()).isEqualTo(Duration.ofMinutes(84));
    assertThat(t.get(1).shortWindow()).isEqualTo(Duration.ofMinutes(7));
    assertThat(t.get(3).longWindow()).isEqualTo(Duration.ofMinutes(1008));
    assertThat(t.get(0).factor().stripTrailingZeros()).isEqualTo(new BigDecimal("14.4"));
  }

  @Test
  void shouldKeepWindowsAtLeastOneMinuteAndRoundHalfUp() {
    List<AlertTier> t = AlertPolicy.tiersFor(Duration.ofHours(1));
    // 6h x 1/720 = 0.5 min rounds up to 1; 1d -> 2 min; 3d -> 6 min; 5m -> 0.007 -> 1 (minimum)
    assertThat(t.get(1).longWindow()).isEqualTo(Duration.ofMinutes(1));
    assertThat(t.get(2).longWindow()).isEqualTo(Duration.ofMinutes(2));
    assertThat(t.get(3).longWindow()).isEqualTo(Duration.ofMinutes(6));
    assertThat(t.get(0).shortWindow()).isEqualTo(Duration.ofMinutes(1));
    // factor = share x period / long window: 0.02 x 60 / 1 = 1.2
    assertThat(t.get(0).factor().stripTrailingZeros()).isEqualTo(new BigDecimal("1.2"));
    assertThat(AlertPolicy.scale(Duration.ofMinutes(90), Duration.ofDays(1)))
        .isEqualTo(Duration.ofMinutes(3)); // exactly 3
    assertThat(AlertPolicy.scale(Duration.ofMinutes(75), Duration.ofDays(1)))
        .isEqualTo(Duration.ofMinutes(3)); // 2.5 rounds half up
  }

  @Test
  void shouldUseTheExactLengthOfAShortCalendarMonth() {
    Duration march = Duration.ofDays(31).minusHours(1); // New York, DST
    AlertTier page = AlertPolicy.tiersFor(march).get(0);
    assertThat(page.longWindow()).isEqualTo(Duration.ofMinutes(62)); // 61.9 rounds to 62
    assertThat(page.factor().doubleValue())
        .isCloseTo(0.02 * 743 * 60 / 62, org.assertj.core.data.Offset.offset(1e-12));
  }
}
