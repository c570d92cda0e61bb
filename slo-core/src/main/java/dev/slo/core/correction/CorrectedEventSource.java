package dev.slo.core.correction;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link EventSource} without the events inside corrections: each window's counts minus the
 * counts of the merged correction intervals inside it, read from the wrapped source in the same
 * call; a slice that overlaps a correction is answered empty. Exact for every source whose counts
 * add up over adjacent intervals. As thread-safe as the wrapped source.
 */
public final class CorrectedEventSource implements EventSource {
  private final EventSource source;
  private final Corrections corrections;

  /** {@code source} without the events inside {@code corrections}. */
  public CorrectedEventSource(EventSource source, Corrections corrections) {
    this.source = source;
    this.corrections = corrections;
  }

  @Override
  public List<EventCounts> counts(Slo slo, List<Window> windows) {
    if (windows.isEmpty()) {
      return List.of();
    }
    Intervals cut = corrections.intervals(slo, span(windows));
    return split(source, slo, windows, cut).stream().map(Split::kept).toList();
  }

  @Override
  public List<EventCounts> slices(Slo slo, Instant from, Instant to, Duration step) {
    List<EventCounts> raw = source.slices(slo, from, to, step);
    if (!from.isBefore(to)) {
      return raw;
    }
    Intervals cut = corrections.intervals(slo, new Window(from, to));
    List<Window> grid = EventSource.grid(from, to, step);
    List<EventCounts> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      out.add(i < grid.size() && cut.overlaps(grid.get(i)) ? EventCounts.ZERO : raw.get(i));
    }
    return out;
  }

  /**
   * Each window's events split into those kept and those inside {@code cut}, with one call to
   * {@code source} for the windows and every piece of {@code cut} inside them.
   */
  public static List<Split> split(
      EventSource source, Slo slo, List<Window> windows, Intervals cut) {
    if (cut.isEmpty()) {
      return source.counts(slo, windows).stream().map(c -> new Split(c, EventCounts.ZERO)).toList();
    }
    Map<Window, Integer> index = new LinkedHashMap<>();
    for (Window w : windows) {
      index.putIfAbsent(w, index.size());
    }
    List<List<Window>> pieces = new ArrayList<>(windows.size());
    for (Window w : windows) {
      List<Window> p = cut.within(w);
      pieces.add(p);
      for (Window x : p) {
        index.putIfAbsent(x, index.size());
      }
    }
    List<Window> keys = new ArrayList<>(index.keySet());
    List<EventCounts> counts = source.counts(slo, keys);
    if (counts.size() != keys.size()) {
      throw new dev.slo.core.SourceException(
          "source answered " + counts.size() + " counts for " + keys.size() + " windows");
    }
    List<Split> out = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      EventCounts all = counts.get(index.get(windows.get(i)));
      long good = 0;
      long total = 0;
      for (Window x : pieces.get(i)) {
        EventCounts c = counts.get(index.get(x));
        good = Math.addExact(good, c.good());
        total = Math.addExact(total, c.total());
      }
      // exact sources never need the clamps; they keep estimates (pushdown) consistent
      long keptTotal = Math.max(0, all.total() - total);
      long keptGood = Math.min(keptTotal, Math.max(0, all.good() - good));
      EventCounts kept = new EventCounts(keptGood, keptTotal);
      long exTotal = all.total() - keptTotal;
      long exGood = Math.min(exTotal, Math.max(0, all.good() - keptGood));
      out.add(new Split(kept, new EventCounts(exGood, exTotal)));
    }
    return out;
  }

  private static Window span(List<Window> windows) {
    Instant lo = windows.get(0).start();
    Instant hi = windows.get(0).end();
    for (Window w : windows) {
      lo = w.start().isBefore(lo) ? w.start() : lo;
      hi = w.end().isAfter(hi) ? w.end() : hi;
    }
    return new Window(lo, hi);
  }

  /**
   * One window's events, split.
   *
   * @param kept the events outside every correction
   * @param excluded the events inside a correction
   */
  public record Split(EventCounts kept, EventCounts excluded) {}

  /** The wrapped source's groups: corrections remove events, not groups. */
  @Override
  public java.util.Set<java.util.Map<String, String>> groups(
      Slo template, java.time.Instant from, java.time.Instant to) {
    return source.groups(template, from, to);
  }
}
