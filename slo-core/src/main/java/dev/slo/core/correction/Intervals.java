package dev.slo.core.correction;

import dev.slo.core.window.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Disjoint, sorted, left-open right-closed intervals: the union of correction occurrences, merged
 * so that no instant is covered twice. Immutable.
 *
 * @param windows the merged intervals, sorted, none touching another
 */
public record Intervals(List<Window> windows) {
  /** No intervals. */
  public static final Intervals NONE = new Intervals(List.of());

  /** Copies the list. */
  public Intervals {
    windows = List.copyOf(windows);
  }

  /**
   * The union of {@code windows}: overlapping or touching intervals ({@code (1, 2]} and {@code (2,
   * 3]}) become one; empty ones are dropped.
   */
  public static Intervals union(List<Window> windows) {
    List<Window> sorted = new ArrayList<>();
    for (Window w : windows) {
      if (w.start().isBefore(w.end())) {
        sorted.add(w);
      }
    }
    sorted.sort(Comparator.comparing(Window::start));
    List<Window> out = new ArrayList<>();
    Window cur = null;
    for (Window w : sorted) {
      if (cur != null && !w.start().isAfter(cur.end())) {
        if (w.end().isAfter(cur.end())) {
          cur = new Window(cur.start(), w.end());
        }
      } else {
        if (cur != null) {
          out.add(cur);
        }
        cur = w;
      }
    }
    if (cur != null) {
      out.add(cur);
    }
    return new Intervals(out);
  }

  /** True when there are no intervals. */
  public boolean isEmpty() {
    return windows.isEmpty();
  }

  /** The non-empty intersections {@code (max(starts), min(ends)]} with {@code w}, in order. */
  public List<Window> within(Window w) {
    List<Window> out = new ArrayList<>();
    for (int i = firstEndingAfter(w); i < windows.size(); i++) {
      Window c = windows.get(i);
      if (!c.start().isBefore(w.end())) {
        break;
      }
      Window cut =
          new Window(
              c.start().isAfter(w.start()) ? c.start() : w.start(),
              c.end().isBefore(w.end()) ? c.end() : w.end());
      if (cut.start().isBefore(cut.end())) {
        out.add(cut);
      }
    }
    return out;
  }

  /** True when some interval shares a non-empty part with {@code w}. */
  public boolean overlaps(Window w) {
    int i = firstEndingAfter(w);
    return i < windows.size()
        && windows.get(i).start().isBefore(w.end())
        && w.start().isBefore(w.end());
  }

  /** The length of the intervals inside {@code w}. */
  public Duration lengthWithin(Window w) {
    Duration d = Duration.ZERO;
    for (Window c : within(w)) {
      d = d.plus(c.length());
    }
    return d;
  }

  // the first interval whose end is after w.start(), by binary search
  private int firstEndingAfter(Window w) {
    int lo = 0;
    int hi = windows.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (windows.get(mid).end().isAfter(w.start())) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
