package dev.slo.core.eval;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.source.SliceTally;
import dev.slo.core.window.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

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
  /** Units per slice with events under RATIO_TIMESLICES. */
  static final long RATIO_SCALE = SliceTally.RATIO_SCALE;

  private final long step; // slice length in nanoseconds
  private final boolean ratio;
  private final @Nullable BigDecimal sliceTarget; // null under RATIO_TIMESLICES
  // the grid and running counts below are set by load()
  private Instant from = Instant.EPOCH; // grid origin
  private long atNanos; // nanoseconds from `from` to `at`
  private int n; // slices, the last one ends at `at`
  private int[] marks = new int[0]; // sorted slice indices at which running counts were kept
  private long[] withEvents = new long[0]; // slices with events among slices 0..marks[j]-1
  private long[] goodSlices = new long[0];
  private long[] excludedAt = new long[0]; // slices overlapping a correction before marks[j]
  // forecast point i: slices [forecast[3i], forecast[3i+1]), forecast[3i+2] hours before `at`
  private int[] forecast = new int[0];
  private int forecastSize;

  SliceCounts(Slo slo, Window period, Instant at) {
    super(slo, period, at);
    this.step = Objects.requireNonNull(slo.timesliceLength(), "timeslice_length").toNanos();
    this.ratio = slo.budgetingMethod() == BudgetingMethod.RATIO_TIMESLICES;
    this.sliceTarget =
        ratio
            ? null
            : BigDecimal.valueOf(
                Objects.requireNonNull(
                    slo.timesliceTargetPercentage(), "timeslice_target_percentage"));
  }

  @Override
  UnitCounts load(EventSource source, List<Duration> windows) {
    boolean calendar = slo.timePeriod().isCalendar();
    long periodNanos = period.length().toNanos();
    Instant earliest = elapsed.start();
    for (Duration d : windows) {
      earliest = min(earliest, at.minus(d));
    }
    if (!calendar) { // the first forecast point's period; a calendar one starts with the period
      earliest = min(earliest, at.minus(Duration.ofHours(FORECAST_HOURS)).minusNanos(periodNanos));
    }
    long back = Duration.between(earliest, elapsed.start()).toNanos();
    long k = (back + step - 1) / step;
    from = elapsed.start().minusNanos(Math.multiplyExact(k, step));
    long span = sinceFrom(at);
    atNanos = span;
    n = span <= 0 ? 0 : Math.toIntExact((span + step - 1) / step);
    int periodFirst = firstStartingAtOrAfter(elapsed.start());
    forecastPoints(calendar, periodNanos);
    // the slice indices whose prefix sums some count needs; one pass records them all
    int[] wanted = new int[3 + windows.size() + 2 * forecastSize];
    int w = 0;
    wanted[w++] = 0;
    wanted[w++] = n;
    wanted[w++] = periodFirst;
    for (Duration d : windows) {
      wanted[w++] = windowFirst(d);
    }
    for (int i = 0; i < forecastSize; i++) {
      wanted[w++] = forecast[3 * i];
      wanted[w++] = forecast[3 * i + 1];
    }
    Arrays.sort(wanted);
    int u = 0;
    for (int i = 0; i < wanted.length; i++) {
      if (u == 0 || wanted[i] != wanted[u - 1]) {
        wanted[u++] = wanted[i];
      }
    }
    marks = Arrays.copyOf(wanted, u);
    @Nullable IntPredicate cutOut = cut.isEmpty() ? null : i -> cut.overlaps(slice(i));
    SliceTally tally = new SliceTally(marks, sliceTarget, cutOut, periodFirst);
    int answered = source.forEachSlice(slo, from, at, Duration.ofNanos(step), tally);
    if (answered != n || tally.slices() != n) {
      throw new dev.slo.core.SourceException("source answered " + answered + " slices for " + n);
    }
    tally.finish();
    withEvents = tally.withEventsAt();
    goodSlices = tally.goodAt();
    excludedAt = tally.excludedAt();
    excluded = tally.excludedEvents();
    return this;
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

  /**
   * The forecast points {@code at - 24h, ..., at} (StatusRules#forecastWindows): for each, the
   * whole slices inside the period as it stood then. A rolling period's point reaches its length
   * back, a calendar one's starts with the period and counts only after the period's start.
   */
  private void forecastPoints(boolean calendar, long periodNanos) {
    forecast = new int[3 * (FORECAST_HOURS + 1)];
    forecastSize = 0;
    long periodStart = sinceFrom(elapsed.start());
    for (int hours = FORECAST_HOURS; hours >= 0; hours--) {
      long end = atNanos - hours * 3_600_000_000_000L;
      if (calendar && end <= periodStart) {
        continue;
      }
      int first = firstAt(calendar ? periodStart : end - periodNanos);
      // exclusive: whole slices that end at or before the point; the last slice ends at `at`
      int last = hours == 0 ? n : end < 0 ? 0 : (int) Math.min(n, end / step);
      forecast[3 * forecastSize] = first;
      forecast[3 * forecastSize + 1] = Math.max(first, last);
      forecast[3 * forecastSize + 2] = hours;
      forecastSize++;
    }
  }

  @Override
  int forecastSize() {
    return forecastSize;
  }

  @Override
  long forecastSeconds(int i) {
    return -3600L * forecast[3 * i + 2];
  }

  @Override
  EventCounts forecastUnits(int i) {
    return range(forecast[3 * i], forecast[3 * i + 1]);
  }

  private int firstStartingAtOrAfter(Instant t) {
    return firstAt(sinceFrom(t));
  }

  // the first slice starting at or after `from` + x nanoseconds
  private int firstAt(long x) {
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
