package dev.slo.prometheus;

import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds windows that one range query can answer: at least three of the same length whose ends are
 * evenly spaced by whole milliseconds (the evaluator's hourly forecast points are such a grid).
 */
final class RangeGrid {
  static final int MIN_POINTS = 3;

  private RangeGrid() {}

  /** Groups of windows, each sorted by end and evenly spaced. */
  static List<List<Window>> of(List<Window> windows) {
    Map<Duration, List<Window>> byLength = new LinkedHashMap<>();
    for (Window w : windows) {
      if (w.end().isAfter(w.start()) && w.length().toNanos() % 1_000_000 == 0) {
        byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
      }
    }
    List<List<Window>> out = new ArrayList<>();
    for (List<Window> same : byLength.values()) {
      List<Window> sorted = new ArrayList<>(same.stream().distinct().toList());
      sorted.sort((a, b) -> a.end().compareTo(b.end()));
      if (sorted.size() < MIN_POINTS) {
        continue;
      }
      Duration step = Duration.between(sorted.get(0).end(), sorted.get(1).end());
      boolean even = step.toNanos() % 1_000_000 == 0 && !step.isZero();
      for (int i = 2; i < sorted.size() && even; i++) {
        Instant prev = sorted.get(i - 1).end();
        even = Duration.between(prev, sorted.get(i).end()).equals(step);
      }
      if (even && sorted.get(0).end().getNano() % 1_000_000 == 0) {
        out.add(sorted);
      }
    }
    return out;
  }
}
