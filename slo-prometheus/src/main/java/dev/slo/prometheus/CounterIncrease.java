package dev.slo.prometheus;

import java.time.Instant;

/**
 * Exact increase of one counter series over {@code (start, end]} from raw samples: from the last
 * sample at or before {@code start} (or, when there is none, the first sample inside the window) to
 * the last sample at or before {@code end}, adding every rise and, after a counter reset (a drop),
 * the value the counter restarted at. No extrapolation. A prefix sum of those steps, built once,
 * makes every window two binary searches. Thread-safe; immutable.
 */
final class CounterIncrease {
  private final long[] millis; // sample timestamps, increasing
  private final double[] cumulative; // cumulative[i]: increase from sample 0 to sample i

  CounterIncrease(long[] millis, double[] values) {
    this.millis = millis;
    this.cumulative = new double[values.length];
    double sum = 0;
    for (int i = 1; i < values.length; i++) {
      double d = values[i] - values[i - 1];
      sum += d >= 0 ? d : values[i];
      cumulative[i] = sum;
    }
  }

  /** The increase over {@code (start, end]}; 0 when fewer than two samples qualify. */
  double over(Instant start, Instant end) {
    long s = start.toEpochMilli();
    long e = end.toEpochMilli();
    int last = lastAtOrBefore(e);
    if (last < 0) {
      return 0;
    }
    int base = lastAtOrBefore(s);
    if (base < 0) {
      base = 0;
    }
    return last <= base ? 0 : cumulative[last] - cumulative[base];
  }

  private int lastAtOrBefore(long t) {
    int lo = 0;
    int hi = millis.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (millis[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }
}
