package dev.slo.core.eval;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Timeslice counts: slices of {@code timeslice_length} on a grid anchored at the period start (and
 * extended backwards as far as the longest window reaches), each good when it has events and its
 * good/total is at least the slice target. Units are slices with events. A window counts the slices
 * that overlap it; the slice holding the evaluation instant ends there. A forecast point counts the
 * whole slices inside the period as it stood then. Prefix sums make every count O(1).
 */
final class SliceCounts extends UnitCounts {
  private static final long[] POW10 = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
  };

  private final long step; // slice length in nanoseconds
  private final BigDecimal sliceTarget;
  private Instant from; // grid origin
  private int n; // slices, the last one ends at `at`
  private long[] withEvents; // withEvents[i] = slices with events among slices 0..i-1
  private long[] goodSlices;
  private long[] excludedSlices; // excludedSlices[i] = slices overlapping a correction among 0..i-1

  SliceCounts(Slo slo, Window period, Instant at) {
    super(slo, period, at);
    this.step = slo.timesliceLength().toNanos();
    this.sliceTarget = BigDecimal.valueOf(slo.timesliceTargetPercentage());
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
    long span = Duration.between(from, at).toNanos();
    n = span <= 0 ? 0 : Math.toIntExact((span + step - 1) / step);
    List<EventCounts> counts = source.slices(slo, from, at, Duration.ofNanos(step));
    if (counts.size() != n) {
      throw new dev.slo.core.SourceException(
          "source answered " + counts.size() + " slices for " + n);
    }
    withEvents = new long[n + 1];
    goodSlices = new long[n + 1];
    excludedSlices = new long[n + 1];
    int periodFirst = firstStartingAtOrAfter(elapsed.start());
    EventCounts out = EventCounts.ZERO;
    for (int i = 0; i < n; i++) {
      EventCounts c = counts.get(i);
      boolean cutOut = !cut.isEmpty() && cut.overlaps(slice(i));
      if (cutOut && i >= periodFirst) {
        out = out.plus(c);
      }
      boolean has = c.total() > 0 && !cutOut;
      withEvents[i + 1] = withEvents[i] + (has ? 1 : 0);
      goodSlices[i + 1] = goodSlices[i] + (has && isGood(c) ? 1 : 0);
      excludedSlices[i + 1] = excludedSlices[i] + (cutOut ? 1 : 0);
    }
    excluded = out;
    return this;
  }

  private boolean isGood(EventCounts c) {
    // good / total >= target / 100, i.e. good * 100 * 10^scale >= total * unscaled; exact in longs
    // unless that overflows
    int scale = sliceTarget.scale();
    if (scale >= 0 && scale <= 9) {
      try {
        long lhs = Math.multiplyExact(Math.multiplyExact(c.good(), 100L), POW10[scale]);
        long rhs = Math.multiplyExact(c.total(), sliceTarget.unscaledValue().longValueExact());
        return lhs >= rhs;
      } catch (ArithmeticException overflow) {
        // fall through to decimals
      }
    }
    return BigDecimal.valueOf(c.good())
            .movePointRight(2)
            .compareTo(sliceTarget.multiply(BigDecimal.valueOf(c.total())))
        >= 0;
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
    return excludedSlices[n] - excludedSlices[firstStartingAtOrAfter(elapsed.start())];
  }

  // slice i: (from + i*step, from + (i+1)*step], the last one cut at `at`
  private Window slice(int i) {
    Instant s = from.plusNanos(Math.multiplyExact((long) i, step));
    Instant e = s.plusNanos(step);
    return new Window(s, e.isAfter(at) ? at : e);
  }

  @Override
  EventCounts window(Duration d) {
    // slice i ends at from + (i+1)*step (the last at `at`); it overlaps when its end > at - d
    long x = Duration.between(from, at.minus(d)).toNanos();
    int first = x < 0 ? 0 : (int) Math.min(n, x / step);
    return range(first, n);
  }

  @Override
  List<Map.Entry<Instant, EventCounts>> forecastPoints() {
    List<Map.Entry<Instant, EventCounts>> out = new ArrayList<>();
    for (Window w : forecastWindows) {
      int first = firstStartingAtOrAfter(w.start());
      int end; // exclusive: whole slices that end at or before w.end()
      if (!w.end().isBefore(at)) {
        end = n;
      } else {
        long y = Duration.between(from, w.end()).toNanos();
        end = y < 0 ? 0 : (int) Math.min(n, y / step);
      }
      out.add(Map.entry(w.end(), range(first, Math.max(first, end))));
    }
    return out;
  }

  private int firstStartingAtOrAfter(Instant t) {
    long x = Duration.between(from, t).toNanos();
    if (x <= 0) {
      return 0;
    }
    return (int) Math.min(n, (x + step - 1) / step);
  }

  private EventCounts range(int first, int end) {
    if (end <= first) {
      return EventCounts.ZERO;
    }
    return new EventCounts(
        goodSlices[end] - goodSlices[first], withEvents[end] - withEvents[first]);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
