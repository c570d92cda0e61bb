package dev.slo.core.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Counts timeslices as they stream past: slices with events, and good ones among them, keeping the
 * running counts at chosen slice indices (marks), so that any range between two marks is two
 * subtractions. Under TIMESLICES a slice with events is good when good/total is at least the slice
 * target; under RATIO_TIMESLICES it counts {@link #RATIO_SCALE} units, of which {@code good/total ×
 * RATIO_SCALE} (rounded half even) are good. Slices that overlap a correction are excluded whole:
 * counted as excluded, never as units, and their events (from the period's first slice on) summed
 * as excluded events.
 *
 * <p>A sink like any other for every source; an {@link EventSeries} that recognises it tallies
 * straight from its prefix sums, without handing over blocks of slice counts. Not thread-safe: one
 * tally per pass.
 */
public final class SliceTally implements EventSource.SliceSink {
  /** Units per slice with events under RATIO_TIMESLICES. */
  public static final long RATIO_SCALE = 1_000_000_000L;

  private static final long[] POW10 = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
  };

  private final int[] marks;
  private final long[] withEventsAt;
  private final long[] goodAt;
  private final long[] excludedAt;
  private final @Nullable IntPredicate cutOut; // null without corrections
  private final int periodFirst;
  private long excludedSlices;
  private long excludedGood;
  private long excludedTotal;
  private final BigDecimal target;
  private final boolean ratio; // RATIO_TIMESLICES: RATIO_SCALE units a slice
  private final long factor; // good * factor >= total * unscaled, when exact in longs
  private final long unscaled;
  private final long plain; // totals up to this multiply by factor and unscaled without overflow
  private int index; // slices seen
  private int nextAt; // marks[next], or -1 after the last
  private int next; // the next mark to record
  private long withEvents;
  private long good;

  /**
   * A tally keeping running counts at {@code marks}.
   *
   * @param marks sorted, distinct slice indices at which the running counts are kept; read, not
   *     copied
   * @param target the slice target in percent (TIMESLICES), or null for RATIO_TIMESLICES
   * @param cutOut true for the indices of slices that overlap a correction; null without any
   * @param periodFirst the index of the period's first slice: excluded events count from there on
   */
  public SliceTally(
      int[] marks, @Nullable BigDecimal target, @Nullable IntPredicate cutOut, int periodFirst) {
    this.ratio = target == null;
    this.marks = marks;
    this.withEventsAt = new long[marks.length];
    this.goodAt = new long[marks.length];
    this.excludedAt = new long[marks.length];
    this.cutOut = cutOut;
    this.periodFirst = periodFirst;
    this.target = target == null ? BigDecimal.ZERO : target;
    int scale = this.target.scale();
    boolean small =
        !ratio && scale >= 0 && scale <= 9 && this.target.unscaledValue().bitLength() < 63;
    this.factor = small ? 100L * POW10[scale] : 0;
    this.unscaled = small ? this.target.unscaledValue().longValueExact() : 0;
    this.plain = small ? Long.MAX_VALUE / Math.max(1, Math.max(factor, unscaled)) : -1;
    this.nextAt = marks.length == 0 ? -1 : marks[0];
  }

  @Override
  public void accept(long[] g, long[] t, int count) {
    int i = 0;
    while (i < count) {
      if (index == nextAt) {
        record();
      }
      // slices i .. end-1 hold no mark: count them without looking for one
      int end = nextAt < 0 ? count : (int) Math.min(count, (long) i + nextAt - index);
      if (cutOut != null) {
        cutSegment(g, t, i, end);
      } else if (ratio) {
        ratioSegment(g, t, i, end);
      } else {
        plainSegment(g, t, i, end);
      }
      index += end - i;
      i = end;
    }
  }

  /** True when {@link #fromPrefixSums} may tally: TIMESLICES, no corrections. */
  boolean direct() {
    return cutOut == null && !ratio;
  }

  /** One slice of {@code g} good of {@code t} events; only when {@link #direct}. */
  private void one(long g, long t) {
    if (index == nextAt) {
      record();
    }
    if (t > 0) {
      withEvents++;
      if (isGood(g, t)) {
        good++;
      }
    }
    index++;
  }

  /**
   * {@code n} slices of {@code per} positions each read straight from compact prefix sums: the
   * first starts at position {@code prev}, slice k ends at position {@code p + k × per} clamped to
   * [0, points], and the last at {@code lastEnd}. Only when {@link #direct} and both sums are
   * compact.
   */
  void fromPrefixSums(
      Cumulative good,
      Cumulative total,
      int prev,
      long p,
      long per,
      int points,
      int lastEnd,
      int n) {
    long[] gb = good.base();
    int[] go = good.off();
    long[] tb = total.base();
    int[] to = total.off();
    long g0 = gb[prev >>> Cumulative.SHIFT] + go[prev];
    long t0 = tb[prev >>> Cumulative.SHIFT] + to[prev];
    long end = p;
    int inner = n - 1; // the last slice ends at lastEnd
    int i = 0;
    while (i < inner) {
      int e;
      if (end > 0 && end < points) {
        // slices ending inside the series: no clamping, a constant stride
        int run = (int) Math.min(inner, i + (points - 1 - end) / per + 1);
        run(gb, go, tb, to, (int) end, (int) per, run - i, g0, t0);
        end += (run - i) * per;
        i = run;
        e = (int) (end - per);
      } else {
        // before the series' first position or after its last
        e = end <= 0 ? 0 : points;
        one(gb[e >>> Cumulative.SHIFT] + go[e] - g0, tb[e >>> Cumulative.SHIFT] + to[e] - t0);
        i++;
        end += per;
      }
      g0 = gb[e >>> Cumulative.SHIFT] + go[e];
      t0 = tb[e >>> Cumulative.SHIFT] + to[e];
    }
    int e = lastEnd;
    one(gb[e >>> Cumulative.SHIFT] + go[e] - g0, tb[e >>> Cumulative.SHIFT] + to[e] - t0);
  }

  /**
   * {@code count} slices read straight from compact prefix sums (see {@link Cumulative}): slice j
   * ends at position {@code e + j × per}, the first starts where the running sums are {@code g0}
   * and {@code t0}. Only when {@link #direct}. The same counts as {@link #accept} of those slices.
   */
  private void run(
      long[] gb, int[] go, long[] tb, int[] to, int e, int per, int count, long g0, long t0) {
    long gPrev = g0;
    long tPrev = t0;
    int pos = e;
    int i = 0;
    while (i < count) {
      if (index == nextAt) {
        record();
      }
      // slices i .. end-1 hold no mark
      int end = nextAt < 0 ? count : (int) Math.min(count, (long) i + nextAt - index);
      int len = end - i;
      int lastPos = pos + (len - 1) * per;
      long gLast = gb[lastPos >>> Cumulative.SHIFT] + go[lastPos];
      long tLast = tb[lastPos >>> Cumulative.SHIFT] + to[lastPos];
      if (tLast - tPrev <= plain) {
        // no slice here holds more events than the shortcut takes: count without a branch
        long acc = plainRun(gb, go, tb, to, pos, per, len, gPrev, tPrev, factor, unscaled);
        withEvents += acc >>> 32;
        good += acc & 0xFFFF_FFFFL;
        index += len;
      } else {
        for (int j = 0, p = pos; j < len; j++, p += per) {
          long g1 = gb[p >>> Cumulative.SHIFT] + go[p];
          long t1 = tb[p >>> Cumulative.SHIFT] + to[p];
          one(g1 - gPrev, t1 - tPrev);
          gPrev = g1;
          tPrev = t1;
        }
      }
      gPrev = gLast;
      tPrev = tLast;
      pos = lastPos + per;
      i = end;
    }
  }

  /**
   * Slices ending at positions {@code pos, pos + per, ...}, the first starting where the running
   * sums are {@code g0} and {@code t0}, none with more than {@link #plain} events: (slices with
   * events << 32) + good slices. Good <=> g × f >= t × u <=> t × u - g × f - 1 < 0, and t > 0 sets
   * the sign bit of -t.
   */
  private static long plainRun(
      long[] gb,
      int[] go,
      long[] tb,
      int[] to,
      int pos,
      int per,
      int count,
      long g0,
      long t0,
      long f,
      long u) {
    long acc = 0;
    long gPrev = g0;
    long tPrev = t0;
    int p = pos;
    for (int j = 0; j < count; j++, p += per) {
      int b = p >>> Cumulative.SHIFT;
      long g1 = gb[b] + go[p];
      long t1 = tb[b] + to[p];
      long t = t1 - tPrev;
      long g = g1 - gPrev;
      gPrev = g1;
      tPrev = t1;
      acc += ((-t >>> 63) << 32) + (((t * u - g * f - 1) & -t) >>> 63);
    }
    return acc;
  }

  // TIMESLICES without corrections; branch-free while good * factor and total * unscaled fit
  private void plainSegment(long[] g, long[] t, int from, int end) {
    long events = withEvents;
    long goods = good;
    long f = factor;
    long u = unscaled;
    long limit = plain;
    for (int i = from; i < end; i++) {
      long ti = t[i];
      long gi = g[i];
      if (ti <= limit) {
        // ti > 0 sets the sign bit of -ti; good <=> gi * f >= ti * u <=> ti * u - gi * f - 1 < 0
        events += -ti >>> 63;
        goods += ((ti * u - gi * f - 1) & -ti) >>> 63;
      } else if (ti > 0) {
        events++;
        if (isGood(gi, ti)) {
          goods++;
        }
      }
    }
    withEvents = events;
    good = goods;
  }

  // RATIO_TIMESLICES without corrections
  private void ratioSegment(long[] g, long[] t, int from, int end) {
    long events = withEvents;
    long goods = good;
    for (int i = from; i < end; i++) {
      long ti = t[i];
      if (ti > 0) {
        events += RATIO_SCALE;
        goods += ratioUnits(g[i], ti);
      }
    }
    withEvents = events;
    good = goods;
  }

  // with corrections: slices that overlap one are excluded whole
  private void cutSegment(long[] g, long[] t, int from, int end) {
    IntPredicate cut = Objects.requireNonNull(cutOut, "corrections");
    int idx = index;
    for (int i = from; i < end; i++, idx++) {
      if (cut.test(idx)) {
        excludedSlices++;
        if (idx >= periodFirst) {
          excludedGood = Math.addExact(excludedGood, g[i]);
          excludedTotal = Math.addExact(excludedTotal, t[i]);
        }
        continue;
      }
      long ti = t[i];
      if (ti > 0) {
        long gi = g[i];
        withEvents += ratio ? RATIO_SCALE : 1;
        if (ratio) {
          good += ratioUnits(gi, ti);
        } else if (isGood(gi, ti)) {
          good++;
        }
      }
    }
  }

  private void record() {
    while (next < marks.length && marks[next] == index) {
      withEventsAt[next] = withEvents;
      goodAt[next] = good;
      excludedAt[next] = excludedSlices;
      next++;
    }
    nextAt = next < marks.length ? marks[next] : -1;
  }

  /** Records the counts at a mark equal to the number of slices seen; call after the last slice. */
  public void finish() {
    record();
  }

  /** The slices seen so far. */
  public int slices() {
    return index;
  }

  /**
   * Slices with events (RATIO_SCALE units each under RATIO_TIMESLICES) before each mark, by the
   * mark's position in {@code marks}; the tally's own array, read after {@link #finish}.
   */
  public long[] withEventsAt() {
    return withEventsAt;
  }

  /** Good slices (units under RATIO_TIMESLICES) before each mark; the tally's own array. */
  public long[] goodAt() {
    return goodAt;
  }

  /** Slices excluded by corrections before each mark; the tally's own array. */
  public long[] excludedAt() {
    return excludedAt;
  }

  /** The events, from the period's first slice on, of the slices excluded by corrections. */
  public EventCounts excludedEvents() {
    return new EventCounts(excludedGood, excludedTotal);
  }

  /** good/total × RATIO_SCALE, rounded half even: a slice's ratio in units. */
  public static long ratioUnits(long g, long t) {
    if (g <= Long.MAX_VALUE / RATIO_SCALE) {
      long x = g * RATIO_SCALE;
      long q = x / t;
      long r = x - q * t; // 0 <= r < t; round up when r > t - r, or on a tie when q is odd
      long rest = t - r;
      return r > rest || (r == rest && (q & 1) != 0) ? q + 1 : q;
    }
    return BigDecimal.valueOf(g)
        .multiply(BigDecimal.valueOf(RATIO_SCALE))
        .divide(BigDecimal.valueOf(t), 0, RoundingMode.HALF_EVEN)
        .longValueExact();
  }

  private boolean isGood(long g, long t) {
    // good / total >= target / 100, i.e. good * 100 * 10^scale >= total * unscaled; exact in
    // longs unless that overflows
    if (t <= plain) { // good <= total, so neither product overflows
      return g * factor >= t * unscaled;
    }
    if (factor != 0) {
      long hg = Math.multiplyHigh(g, factor);
      long ht = Math.multiplyHigh(t, unscaled);
      long lg = g * factor;
      long lt = t * unscaled;
      if ((hg == 0 && lg >= 0) && (ht == 0 && lt >= 0)) {
        return lg >= lt;
      }
    }
    return BigDecimal.valueOf(g).movePointRight(2).compareTo(target.multiply(BigDecimal.valueOf(t)))
        >= 0;
  }
}
