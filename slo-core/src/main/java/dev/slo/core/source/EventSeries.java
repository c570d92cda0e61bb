package dev.slo.core.source;

import dev.slo.core.window.DurationText;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.Arrays;

/**
 * One SLO's event rows, sorted by time with exact prefix sums, so that the counts in any window
 * take two binary searches. Immutable and thread-safe once built; build with {@link Builder}.
 */
public final class EventSeries {
  private static final EventSeries EMPTY = new EventSeries(new long[0], new long[1], new long[1]);

  private final long[] nanos; // epoch nanoseconds, strictly increasing
  private final long[] cumGood; // cumGood[i] = good events of rows 0..i-1
  private final long[] cumTotal;

  private EventSeries(long[] nanos, long[] cumGood, long[] cumTotal) {
    this.nanos = nanos;
    this.cumGood = cumGood;
    this.cumTotal = cumTotal;
  }

  /** A series without rows. */
  public static EventSeries empty() {
    return EMPTY;
  }

  /** A builder expecting about {@code capacity} rows. */
  public static Builder builder(int capacity) {
    return new Builder(capacity);
  }

  /** The number of distinct timestamps. */
  public int size() {
    return nanos.length;
  }

  /** The events with {@code window.start() < t <= window.end()}. */
  public EventCounts counts(Window window) {
    int hi = upperBound(toNanos(window.end()));
    int lo = upperBound(toNanos(window.start()));
    if (hi <= lo) {
      return EventCounts.ZERO;
    }
    return new EventCounts(cumGood[hi] - cumGood[lo], cumTotal[hi] - cumTotal[lo]);
  }

  /**
   * The events in consecutive slices {@code (from + k*step, from + (k+1)*step]}, the last one cut
   * at {@code to}, as {@link EventSource#slices} defines them; one pass over the rows.
   */
  public java.util.List<EventCounts> slices(Instant from, Instant to, java.time.Duration step) {
    long f = toNanos(from);
    long t = toNanos(to);
    long st = step.toNanos();
    if (st <= 0) {
      throw new IllegalArgumentException(
          DurationText.format(step) + " is not a valid slice step: it must be positive");
    }
    int n = t <= f ? 0 : Math.toIntExact((t - f + st - 1) / st);
    java.util.List<EventCounts> out = new java.util.ArrayList<>(n);
    int lo = upperBound(f);
    for (int k = 0; k < n; k++) {
      long end = k == n - 1 ? t : f + (k + 1) * st;
      int hi = upperBound(end);
      out.add(
          hi <= lo
              ? EventCounts.ZERO
              : new EventCounts(cumGood[hi] - cumGood[lo], cumTotal[hi] - cumTotal[lo]));
      lo = hi;
    }
    return out;
  }

  /** All events in the series. */
  public EventCounts total() {
    return new EventCounts(cumGood[nanos.length], cumTotal[nanos.length]);
  }

  /** The first timestamp, or null when empty. */
  public Instant first() {
    return nanos.length == 0 ? null : fromNanos(nanos[0]);
  }

  /** The last timestamp, or null when empty. */
  public Instant last() {
    return nanos.length == 0 ? null : fromNanos(nanos[nanos.length - 1]);
  }

  // number of rows with timestamp <= t
  private int upperBound(long t) {
    int lo = 0;
    int hi = nanos.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (nanos[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static long toNanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  private static Instant fromNanos(long n) {
    return Instant.ofEpochSecond(
        Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
  }

  /** Collects rows in any order; rows at the same instant are summed. Not thread-safe. */
  public static final class Builder {
    private long[] t;
    private long[] g;
    private long[] n;
    private int size;
    private boolean sorted = true;

    private Builder(int capacity) {
      int c = Math.max(16, capacity);
      t = new long[c];
      g = new long[c];
      n = new long[c];
    }

    /** Adds one row. */
    public Builder add(Instant at, long good, long total) {
      return add(toNanos(at), good, total);
    }

    /** Adds one row at epoch nanoseconds; validates {@code 0 <= good <= total}. */
    public Builder add(long epochNanos, long good, long total) {
      new EventCounts(good, total); // validates
      if (size == t.length) {
        int c = t.length * 2;
        t = Arrays.copyOf(t, c);
        g = Arrays.copyOf(g, c);
        n = Arrays.copyOf(n, c);
      }
      if (size > 0 && epochNanos < t[size - 1]) {
        sorted = false;
      }
      t[size] = epochNanos;
      g[size] = good;
      n[size] = total;
      size++;
      return this;
    }

    /** The immutable series; the builder may not be used afterwards. */
    public EventSeries build() {
      if (size == 0) {
        return EMPTY;
      }
      if (!sorted) {
        sortByTime();
      }
      long[] times = new long[size];
      long[] cg = new long[size + 1];
      long[] ct = new long[size + 1];
      int k = 0; // distinct timestamps so far; cg[k] sums rows of those k timestamps
      for (int i = 0; i < size; i++) {
        if (k > 0 && times[k - 1] == t[i]) {
          cg[k] = Math.addExact(cg[k], g[i]);
          ct[k] = Math.addExact(ct[k], n[i]);
        } else {
          times[k] = t[i];
          cg[k + 1] = Math.addExact(cg[k], g[i]);
          ct[k + 1] = Math.addExact(ct[k], n[i]);
          k++;
        }
      }
      return new EventSeries(
          Arrays.copyOf(times, k), Arrays.copyOf(cg, k + 1), Arrays.copyOf(ct, k + 1));
    }

    private void sortByTime() {
      Integer[] idx = new Integer[size];
      for (int i = 0; i < size; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (a, b) -> Long.compare(t[a], t[b]));
      long[] t2 = new long[size];
      long[] g2 = new long[size];
      long[] n2 = new long[size];
      for (int i = 0; i < size; i++) {
        t2[i] = t[idx[i]];
        g2[i] = g[idx[i]];
        n2[i] = n[idx[i]];
      }
      t = t2;
      g = g2;
      n = n2;
    }
  }
}
