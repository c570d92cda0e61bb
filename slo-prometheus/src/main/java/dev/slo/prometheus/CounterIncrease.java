package dev.slo.prometheus;

import java.time.Instant;

/**
 * Exact increase of one counter series over {@code (start, end]} from raw samples: from the last
 * sample at or before {@code start} (or, when there is none, the first sample inside the window) to
 * the last sample at or before {@code end}, adding every rise and, after a counter reset (a drop),
 * the value the counter restarted at. No extrapolation. Thread-safe; immutable.
 */
final class CounterIncrease {
  private final long[] millis; // sample timestamps, increasing
  private final double[] values;

  CounterIncrease(long[] millis, double[] values) {
    this.millis = millis;
    this.values = values;
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
      if (millis[0] > e) {
        return 0;
      }
    }
    double sum = 0;
    for (int i = base + 1; i <= last; i++) {
      double d = values[i] - values[i - 1];
      sum += d >= 0 ? d : values[i];
    }
    return sum;
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
