package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CounterIncreasePropertiesTest {
  /** The definition, sample by sample: what the prefix sums must reproduce. */
  private static double naive(long[] ms, double[] vs, long s, long e) {
    int last = -1;
    int base = -1;
    for (int i = 0; i < ms.length; i++) {
      if (ms[i] <= e) {
        last = i;
      }
      if (ms[i] <= s) {
        base = i;
      }
    }
    if (last < 0) {
      return 0;
    }
    base = Math.max(base, 0);
    double sum = 0;
    for (int i = base + 1; i <= last; i++) {
      double d = vs[i] - vs[i - 1];
      sum += d >= 0 ? d : vs[i];
    }
    return sum;
  }

  @Property
  void prefixSumsEqualTheSampleBySampleIncreaseOnEveryWindow(
      @ForAll @Size(min = 1, max = 60) int[] steps,
      @ForAll @IntRange(min = -5, max = 70) int from,
      @ForAll @IntRange(min = 0, max = 70) int length) {
    long[] ms = new long[steps.length];
    double[] vs = new double[steps.length];
    double v = 0;
    for (int i = 0; i < steps.length; i++) {
      ms[i] = i * 60_000L;
      int step = Math.floorMod(steps[i], 1000) - 100; // some drops: counter resets
      v = step < 0 ? Math.floorMod(steps[i], 50) : v + step;
      vs[i] = v;
    }
    long s = from * 60_000L + 30_000L * Math.floorMod(length, 2);
    long e = s + length * 60_000L;
    assertThat(new CounterIncrease(ms, vs).over(Instant.ofEpochMilli(s), Instant.ofEpochMilli(e)))
        .isEqualTo(naive(ms, vs, s, e));
  }
}
