package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterIncreaseTest {
  private static Instant s(long sec) {
    return Instant.ofEpochSecond(sec);
  }

  @Test
  void shouldCountFromTheSampleAtOrBeforeTheStartWithoutExtrapolating() {
    CounterIncrease c =
        new CounterIncrease(
            new long[] {0, 60_000, 120_000, 180_000}, new double[] {10, 15, 25, 26});
    assertThat(c.over(s(0), s(180))).isEqualTo(16);
    assertThat(c.over(s(30), s(150))).isEqualTo(15); // from the sample at 0 to the one at 120
    assertThat(c.over(s(60), s(120))).isEqualTo(10);
    assertThat(c.over(s(200), s(300))).isZero();
    assertThat(c.over(s(-100), s(-1))).isZero();
  }

  @Test
  void shouldAddTheRestartValueAfterACounterReset() {
    CounterIncrease c =
        new CounterIncrease(
            new long[] {0, 60_000, 120_000, 180_000}, new double[] {100, 110, 4, 9});
    assertThat(c.over(s(0), s(180))).isEqualTo(10 + 4 + 5);
  }

  @Test
  void shouldStartAtTheFirstSampleWhenTheSeriesIsNewerThanTheWindow() {
    CounterIncrease c = new CounterIncrease(new long[] {60_000, 120_000}, new double[] {3, 8});
    assertThat(c.over(s(0), s(120))).isEqualTo(5);
  }

  @Test
  void shouldMatchBucketBoundariesAsPrometheusStoresThem() {
    assertThat(LeMatch.find("x", 0.3, List.of("0.1", "0.3", "+Inf"))).isEqualTo("0.3");
    assertThat(LeMatch.find("x", 1, List.of("0.5", "1.0", "+Inf"))).isEqualTo("1.0");
    assertThatThrownBy(() -> LeMatch.find("x", 2, List.of("0.5", "1", "5", "+Inf")))
        .hasMessage(
            "x: latency.threshold 2.0 is not a bucket boundary; the nearest are le=\"1\" and le=\"5\"");
    assertThatThrownBy(() -> LeMatch.find("x", 0.01, List.of("0.5")))
        .hasMessageEndingWith("none below and le=\"0.5\"");
  }
}
