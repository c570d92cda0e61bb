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
import java.util.function.Predicate;

/**
 * Timeslice counts: slices of {@code timeslice_length} on a grid anchored at the period start (and
 * extended backwards as far as the longest window reaches), each good when it has events and its
 * good/total is at least the slice target. Units are slices with events. A window counts the slices
 * that overlap it; the slice holding the evaluation instant ends there. A forecast point counts the
 * whole slices inside the period as it stood then.
 */
final class SliceCounts extends UnitCounts {
  private final Duration length;
  private final BigDecimal sliceTarget;
  private final List<Window> slices = new ArrayList<>();
  private boolean[] hasEvents;
  private boolean[] good;

  SliceCounts(Slo slo, Window period, Instant at) {
    super(slo, period, at);
    this.length = slo.timesliceLength();
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
    long step = length.toNanos();
    long k = (back + step - 1) / step;
    Instant from = elapsed.start().minusNanos(Math.multiplyExact(k, step));
    slices.addAll(EventSource.grid(from, at, length));
    List<EventCounts> counts = source.slices(slo, from, at, length);
    if (counts.size() != slices.size()) {
      throw new dev.slo.core.SourceException(
          "source answered " + counts.size() + " slices for " + slices.size());
    }
    hasEvents = new boolean[slices.size()];
    good = new boolean[slices.size()];
    for (int i = 0; i < slices.size(); i++) {
      EventCounts c = counts.get(i);
      hasEvents[i] = c.total() > 0;
      good[i] =
          hasEvents[i]
              && BigDecimal.valueOf(c.good())
                      .movePointRight(2)
                      .compareTo(sliceTarget.multiply(BigDecimal.valueOf(c.total())))
                  >= 0;
    }
    return this;
  }

  @Override
  EventCounts period() {
    return count(s -> !s.start().isBefore(elapsed.start()));
  }

  /** Slices in the elapsed period, with or without events. */
  long periodSlices() {
    return slices.stream().filter(s -> !s.start().isBefore(elapsed.start())).count();
  }

  @Override
  EventCounts window(Duration d) {
    Instant from = at.minus(d);
    return count(s -> s.end().isAfter(from));
  }

  @Override
  List<Map.Entry<Instant, EventCounts>> forecastPoints() {
    List<Map.Entry<Instant, EventCounts>> out = new ArrayList<>();
    for (Window w : forecastWindows) {
      out.add(
          Map.entry(
              w.end(), count(s -> !s.start().isBefore(w.start()) && !s.end().isAfter(w.end()))));
    }
    return out;
  }

  private EventCounts count(Predicate<Window> in) {
    long g = 0;
    long n = 0;
    for (int i = 0; i < slices.size(); i++) {
      if (hasEvents[i] && in.test(slices.get(i))) {
        n++;
        if (good[i]) {
          g++;
        }
      }
    }
    return new EventCounts(g, n);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
