package dev.slo.core.source;

import dev.slo.core.window.DurationText;
import dev.slo.core.window.Window;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One SLO's event rows, sorted by time with exact prefix sums, so that the counts in any window
 * take two lookups. Rows on a regular grid (one a minute, say, gaps allowed) store no timestamps: a
 * point's time is {@code first + i × step}, and a lookup is one division; other rows keep their
 * timestamps and a lookup is a binary search. Prefix sums take 4 bytes a point (see {@link
 * Cumulative}). Immutable and thread-safe once built; build with {@link Builder}.
 */
public final class EventSeries {
  private static final int GRID_BLOCK = 256; // slices a block on the grid path: 4 KB of buffers

  private static final EventSeries EMPTY = new SeriesBuilder(1).build();

  private final long origin; // time of position 0 (grid)
  private final long step; // grid step in nanoseconds; 0 when the times are explicit
  private final long @Nullable [] nanos; // explicit times, strictly increasing; null on a grid
  private final int points; // positions: grid length, or nanos.length
  private final int size; // distinct timestamps that have rows
  private final Cumulative good; // good.at(i) = good events of positions 0..i-1
  private final Cumulative total;

  EventSeries(
      long origin,
      long step,
      long @Nullable [] nanos,
      int points,
      int size,
      Cumulative good,
      Cumulative total) {
    this.origin = origin;
    this.step = step;
    this.nanos = nanos;
    this.points = points;
    this.size = size;
    this.good = good;
    this.total = total;
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
    return size;
  }

  /** The events with {@code window.start() < t <= window.end()}. */
  public EventCounts counts(Window window) {
    int hi = upperBound(toNanos(window.end()));
    int lo = upperBound(toNanos(window.start()));
    if (hi <= lo) {
      return EventCounts.ZERO;
    }
    return new EventCounts(good.at(hi) - good.at(lo), total.at(hi) - total.at(lo));
  }

  /**
   * The events in consecutive slices {@code (from + k*step, from + (k+1)*step]}, the last one cut
   * at {@code to}, as {@link EventSource#slices} defines them; one pass over the rows.
   */
  public java.util.List<EventCounts> slices(Instant from, Instant to, java.time.Duration step) {
    java.util.List<EventCounts> out = new java.util.ArrayList<>();
    forEachSlice(
        from,
        to,
        step,
        (g, t, count) -> {
          for (int i = 0; i < count; i++) {
            out.add(t[i] == 0 ? EventCounts.ZERO : new EventCounts(g[i], t[i]));
          }
        });
    return out;
  }

  /**
   * The slices of {@link #slices} streamed to {@code sink} in blocks, without an object per slice.
   * A {@link SliceTally} without corrections is not handed blocks on a grid: it reads each slice's
   * counts from the prefix sums and tallies it in the same loop.
   *
   * @return the number of slices
   */
  public int forEachSlice(
      Instant from, Instant to, java.time.Duration sliceStep, EventSource.SliceSink sink) {
    long f = toNanos(from);
    long t = toNanos(to);
    long st = sliceStep.toNanos();
    if (st <= 0) {
      throw new IllegalArgumentException(
          DurationText.format(sliceStep) + " is not a valid slice step: it must be positive");
    }
    int n = t <= f ? 0 : Math.toIntExact((t - f + st - 1) / st);
    if (n == 0) {
      return 0;
    }
    boolean grid = step > 0 && st % step == 0 && st / step <= Integer.MAX_VALUE;
    if (grid && good.compact() && total.compact()) {
      if (sink instanceof SliceTally tally && tally.direct()) {
        // slice k ends at position floor((f + (k+1)st - origin) / step) + 1, clamped
        long per = st / step;
        long p = Math.floorDiv(Math.subtractExact(f, origin), step) + 1 + per;
        tally.fromPrefixSums(good, total, upperBound(f), p, per, points, upperBound(t), n);
        return n;
      }
      return gridSlices(f, t, st / step, n, sink);
    }
    // ends[k]: the position after slice k's last point; slice k = positions [ends[k-1], ends[k])
    int[] ends = new int[Math.min(n, EventSource.SliceSink.BLOCK)];
    long[] good = new long[ends.length];
    long[] total = new long[ends.length];
    int prev = upperBound(f);
    long per = grid ? st / step : 0;
    // on a grid, slice k ends at position floor((f + (k+1)st - origin) / step) + 1, clamped
    long p = grid ? Math.floorDiv(Math.subtractExact(f, origin), step) + 1 + per : 0;
    int hi = prev;
    int last = points;
    for (int k0 = 0; k0 < n; k0 += ends.length) {
      int count = Math.min(ends.length, n - k0);
      int inner = k0 + count == n ? count - 1 : count; // the last slice ends at `to`
      if (grid) {
        for (int i = 0; i < inner; i++, p += per) {
          ends[i] = p <= 0 ? 0 : p >= last ? last : (int) p;
        }
      } else {
        for (int i = 0; i < inner; i++) {
          hi = advance(hi, f + (k0 + i + 1) * st);
          ends[i] = hi;
        }
      }
      if (inner < count) {
        ends[inner] = upperBound(t);
      }
      prev = fill(prev, ends, good, total, count);
      sink.accept(good, total, count);
    }
    return n;
  }

  /**
   * {@link #forEachSlice} on a grid whose slices hold {@code per} positions each, with compact
   * prefix sums: each slice's counts come straight from the prefix sums at its end, in one pass and
   * without an array of ends.
   */
  private int gridSlices(long f, long t, long per, int n, EventSource.SliceSink sink) {
    long[] goodOut = new long[Math.min(n, GRID_BLOCK)];
    long[] totalOut = new long[goodOut.length];
    long[] gb = good.base();
    int[] go = good.off();
    long[] tb = total.base();
    int[] to = total.off();
    int prev = upperBound(f);
    long g0 = gb[prev >>> Cumulative.SHIFT] + go[prev];
    long t0 = tb[prev >>> Cumulative.SHIFT] + to[prev];
    // slice k ends at position floor((f + (k+1)st - origin) / step) + 1, clamped to [0, points]
    long p = Math.floorDiv(Math.subtractExact(f, origin), step) + 1 + per;
    int last = points;
    for (int k0 = 0; k0 < n; k0 += goodOut.length) {
      int count = Math.min(goodOut.length, n - k0);
      int inner = k0 + count == n ? count - 1 : count; // the last slice ends at `to`
      int i = 0;
      while (i < inner) {
        if (p > 0 && p < last) {
          // slices ending inside the series: no clamping, a constant stride
          int run = (int) Math.min(inner, i + (last - 1 - p) / per + 1);
          int e = (int) p;
          int stride = (int) per;
          for (int j = i; j < run; j++, e += stride) {
            int eb = e >>> Cumulative.SHIFT;
            long g1 = gb[eb] + go[e];
            long t1 = tb[eb] + to[e];
            goodOut[j] = g1 - g0;
            totalOut[j] = t1 - t0;
            g0 = g1;
            t0 = t1;
          }
          p += (run - i) * per;
          i = run;
        } else {
          // before the series' first position or after its last
          int e = p <= 0 ? 0 : last;
          int eb = e >>> Cumulative.SHIFT;
          long g1 = gb[eb] + go[e];
          long t1 = tb[eb] + to[e];
          goodOut[i] = g1 - g0;
          totalOut[i] = t1 - t0;
          g0 = g1;
          t0 = t1;
          i++;
          p += per;
        }
      }
      if (inner < count) {
        int e = upperBound(t);
        int eb = e >>> Cumulative.SHIFT;
        long g1 = gb[eb] + go[e];
        long t1 = tb[eb] + to[e];
        goodOut[inner] = g1 - g0;
        totalOut[inner] = t1 - t0;
      }
      sink.accept(goodOut, totalOut, count);
    }
    return n;
  }

  // the counts of slices [prev, ends[0]), [ends[0], ends[1]), ...; returns the last end
  private int fill(int prev, int[] ends, long[] goodOut, long[] totalOut, int count) {
    if (good.compact() && total.compact()) {
      long[] gb = good.base();
      int[] go = good.off();
      long[] tb = total.base();
      int[] to = total.off();
      int b = prev >>> Cumulative.SHIFT;
      long g0 = gb[b] + go[prev];
      long t0 = tb[b] + to[prev];
      for (int i = 0; i < count; i++) {
        int e = ends[i];
        int eb = e >>> Cumulative.SHIFT;
        long g1 = gb[eb] + go[e];
        long t1 = tb[eb] + to[e];
        goodOut[i] = g1 - g0;
        totalOut[i] = t1 - t0;
        g0 = g1;
        t0 = t1;
      }
    } else {
      long g0 = good.at(prev);
      long t0 = total.at(prev);
      for (int i = 0; i < count; i++) {
        long g1 = good.at(ends[i]);
        long t1 = total.at(ends[i]);
        goodOut[i] = g1 - g0;
        totalOut[i] = t1 - t0;
        g0 = g1;
        t0 = t1;
      }
    }
    return ends[count - 1];
  }

  // the first position after `from` whose time is > end, scanning forward (explicit times) or
  // computing it (grid)
  private int advance(int from, long end) {
    if (nanos == null) {
      return upperBound(end);
    }
    int p = from;
    while (p < points && nanos[p] <= end) {
      p++;
    }
    return p;
  }

  /**
   * One series holding the rows of all of {@code parts} (rows at the same instant add up), for a
   * group whose rows come under several label sets, or an SLO whose rows carry labels.
   */
  public static EventSeries merge(java.util.List<EventSeries> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int capacity = 0;
    for (EventSeries e : parts) {
      capacity += e.size;
    }
    Builder b = builder(Math.max(capacity, 1));
    for (EventSeries e : parts) {
      for (int p = 0; p < e.points; p++) {
        long t = e.total.at(p + 1) - e.total.at(p);
        long g = e.good.at(p + 1) - e.good.at(p);
        if (t != 0 || e.nanos != null) {
          b.add(e.timeAt(p), g, t);
        }
      }
    }
    return b.build();
  }

  /** All events in the series. */
  public EventCounts total() {
    return new EventCounts(good.at(points), total.at(points));
  }

  /** The first timestamp, or null when empty. */
  public @Nullable Instant first() {
    return size == 0 ? null : fromNanos(timeAt(0));
  }

  /** The last timestamp, or null when empty. */
  public @Nullable Instant last() {
    return size == 0 ? null : fromNanos(timeAt(points - 1));
  }

  /** Approximate bytes this series holds in its arrays, for capacity planning. */
  public long bytes() {
    return good.bytes() + total.bytes() + (nanos == null ? 0 : 8L * nanos.length);
  }

  long timeAt(int p) {
    return nanos != null ? nanos[p] : origin + p * step;
  }

  int points() {
    return points;
  }

  long goodAt(int p) {
    return good.at(p);
  }

  long totalAt(int p) {
    return total.at(p);
  }

  // number of positions with time <= t
  private int upperBound(long t) {
    if (points == 0) {
      return 0;
    }
    if (nanos == null) {
      if (t < origin) {
        return 0;
      }
      long last = origin + (points - 1) * step;
      if (t >= last) {
        return points;
      }
      return (int) ((t - origin) / step) + 1;
    }
    int lo = 0;
    int hi = points;
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
    private final SeriesBuilder rows;

    private Builder(int capacity) {
      rows = new SeriesBuilder(capacity);
    }

    /** Adds one row. */
    public Builder add(Instant at, long good, long total) {
      return add(toNanos(at), good, total);
    }

    /** Adds one row at epoch nanoseconds; validates {@code 0 <= good <= total}. */
    public Builder add(long epochNanos, long good, long total) {
      EventCounts.validate(good, total);
      rows.add(epochNanos, good, total);
      return this;
    }

    /** The immutable series; the builder may not be used afterwards. */
    public EventSeries build() {
      return rows.build();
    }
  }
}
