package dev.slo.core.eval;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Timeslice counts: slices of {@code timeslice_length} on a grid anchored at the period start (and
 * extended backwards as far as the longest window reaches), each good when it has events and its
 * good/total is at least the slice target. Units are slices with events. A window counts the slices
 * that overlap it; the slice holding the evaluation instant ends there. A forecast point counts the
 * whole slices inside the period as it stood then. Prefix sums make every count O(1); the slices
 * themselves are streamed from the source, never held.
 *
 * <p>For RATIO_TIMESLICES a slice with events counts {@link #RATIO_SCALE} units, of which {@code
 * good/total × RATIO_SCALE} (rounded half even) are good, so good/total over a range of slices is
 * the mean of their ratios to nine decimals.
 */
final class SliceCounts extends UnitCounts {
  private static final long[] POW10 = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
  };

  /** Units per slice with events under RATIO_TIMESLICES. */
  static final long RATIO_SCALE = 1_000_000_000L;

  private final long step; // slice length in nanoseconds
  private final boolean ratio;
  private final BigDecimal sliceTarget;
  private Instant from; // grid origin
  private long atNanos; // nanoseconds from `from` to `at`
  private int n; // slices, the last one ends at `at`
  private int[] marks; // sorted slice indices at which running counts were kept
  private long[] withEvents; // withEvents[j] = slices with events among slices 0..marks[j]-1
  private long[] goodSlices;
  private long[] excludedAt; // excludedAt[j] = slices overlapping a correction before marks[j]

  SliceCounts(Slo slo, Window period, Instant at) {
    super(slo, period, at);
    this.step = slo.timesliceLength().toNanos();
    this.ratio = slo.budgetingMethod() == BudgetingMethod.RATIO_TIMESLICES;
    this.sliceTarget =
        ratio ? BigDecimal.ZERO : BigDecimal.valueOf(slo.timesliceTargetPercentage());
  }

  @Override
  UnitCounts load(EventSource source, List<Duration> windows) {
    Instant earliest = elapsed.start();
    for (Duration d : windows) {
      earliest = min(earliest, at.minus(d));
    }
    for (Window w : forecastWindows) {
      earliest = min(earliest, w.start());
    }
    long back = Duration.between(earliest, elapsed.start()).toNanos();
    long k = (back + step - 1) / step;
    from = elapsed.start().minusNanos(Math.multiplyExact(k, step));
    long span = sinceFrom(at);
    atNanos = span;
    n = span <= 0 ? 0 : Math.toIntExact((span + step - 1) / step);
    // the slice indices whose prefix sums some count needs; one pass records them all
    int[] wanted = new int[3 + windows.size() + 2 * forecastWindows.size()];
    int w = 0;
    wanted[w++] = 0;
    wanted[w++] = n;
    wanted[w++] = firstStartingAtOrAfter(elapsed.start());
    for (Duration d : windows) {
      wanted[w++] = windowFirst(d);
    }
    for (Window f : forecastWindows) {
      int first = firstStartingAtOrAfter(f.start());
      wanted[w++] = first;
      wanted[w++] = Math.max(first, forecastEnd(f));
    }
    Arrays.sort(wanted);
    int u = 0;
    for (int i = 0; i < wanted.length; i++) {
      if (u == 0 || wanted[i] != wanted[u - 1]) {
        wanted[u++] = wanted[i];
      }
    }
    marks = Arrays.copyOf(wanted, u);
    int periodFirst = firstStartingAtOrAfter(elapsed.start());
    IntPredicate cutOut = cut.isEmpty() ? null : i -> cut.overlaps(slice(i));
    Tally tally = new Tally(marks, sliceTarget, cutOut, periodFirst, ratio);
    int answered = source.forEachSlice(slo, from, at, Duration.ofNanos(step), tally);
    if (answered != n || tally.index != n) {
      throw new dev.slo.core.SourceException("source answered " + answered + " slices for " + n);
    }
    tally.finish();
    withEvents = tally.withEventsAt;
    goodSlices = tally.goodAt;
    excludedAt = tally.excludedAt;
    excluded = new EventCounts(tally.excludedGood, tally.excludedTotal);
    return this;
  }

  /**
   * Counts slices with events and good slices, keeping the running counts at the marks. Slices that
   * overlap a correction are excluded whole: counted as excluded, never as units, and their events
   * (within the period) summed as excluded events.
   */
  static final class Tally implements EventSource.SliceSink {
    private final int[] marks;
    private final long[] withEventsAt;
    private final long[] goodAt;
    private final long[] excludedAt;
    private final IntPredicate cutOut; // null without corrections
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

    Tally(int[] marks, BigDecimal target, IntPredicate cutOut, int periodFirst, boolean ratio) {
      this.ratio = ratio;
      this.marks = marks;
      this.withEventsAt = new long[marks.length];
      this.goodAt = new long[marks.length];
      this.excludedAt = new long[marks.length];
      this.cutOut = cutOut;
      this.periodFirst = periodFirst;
      this.target = target;
      int scale = target.scale();
      boolean small = scale >= 0 && scale <= 9 && target.unscaledValue().bitLength() < 63;
      this.factor = small ? 100L * POW10[scale] : 0;
      this.unscaled = small ? target.unscaledValue().longValueExact() : 0;
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
      int idx = index;
      for (int i = from; i < end; i++, idx++) {
        if (cutOut.test(idx)) {
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

    void finish() {
      record();
    }

    /** good/total × RATIO_SCALE, rounded half even: the slice's ratio in units. */
    static long ratioUnits(long g, long t) {
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
      return BigDecimal.valueOf(g)
              .movePointRight(2)
              .compareTo(target.multiply(BigDecimal.valueOf(t)))
          >= 0;
    }
  }

  /** True under RATIO_TIMESLICES, where units are {@link #RATIO_SCALE} per slice. */
  boolean ratio() {
    return ratio;
  }

  @Override
  EventCounts period() {
    return range(firstStartingAtOrAfter(elapsed.start()), n);
  }

  /** Slices in the elapsed period, with or without events, less those excluded by corrections. */
  long periodSlices() {
    return n - firstStartingAtOrAfter(elapsed.start()) - excludedSlices();
  }

  @Override
  long excludedSlices() {
    return excludedAt[mark(n)] - excludedAt[mark(firstStartingAtOrAfter(elapsed.start()))];
  }

  // slice i: (from + i*step, from + (i+1)*step], the last one cut at `at`
  private Window slice(int i) {
    Instant s = from.plusNanos(Math.multiplyExact((long) i, step));
    Instant e = s.plusNanos(step);
    return new Window(s, e.isAfter(at) ? at : e);
  }

  @Override
  EventCounts window(Duration d) {
    return range(windowFirst(d), n);
  }

  // slice i ends at from + (i+1)*step (the last at `at`); it overlaps when its end > at - d
  private int windowFirst(Duration d) {
    long x = Math.subtractExact(atNanos, d.toNanos());
    return x < 0 ? 0 : (int) Math.min(n, x / step);
  }

  // exclusive: whole slices that end at or before w.end()
  private int forecastEnd(Window w) {
    if (!w.end().isBefore(at)) {
      return n;
    }
    long y = sinceFrom(w.end());
    return y < 0 ? 0 : (int) Math.min(n, y / step);
  }

  @Override
  List<Map.Entry<Instant, EventCounts>> forecastPoints() {
    List<Map.Entry<Instant, EventCounts>> out = new ArrayList<>();
    for (Window w : forecastWindows) {
      int first = firstStartingAtOrAfter(w.start());
      out.add(Map.entry(w.end(), range(first, Math.max(first, forecastEnd(w)))));
    }
    return out;
  }

  private int firstStartingAtOrAfter(Instant t) {
    long x = sinceFrom(t);
    if (x <= 0) {
      return 0;
    }
    return (int) Math.min(n, (x + step - 1) / step);
  }

  private EventCounts range(int first, int end) {
    if (end <= first) {
      return EventCounts.ZERO;
    }
    int e = mark(end);
    int f = mark(first);
    return new EventCounts(goodSlices[e] - goodSlices[f], withEvents[e] - withEvents[f]);
  }

  private int mark(int slice) {
    int j = Arrays.binarySearch(marks, slice);
    if (j < 0) {
      throw new IllegalStateException("slice " + slice + " was not marked");
    }
    return j;
  }

  // Duration.between(from, t).toNanos() without the Duration
  private long sinceFrom(Instant t) {
    long s = Math.subtractExact(t.getEpochSecond(), from.getEpochSecond());
    return Math.addExact(Math.multiplyExact(s, 1_000_000_000L), t.getNano() - from.getNano());
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
