package dev.slo.core.source;

import dev.slo.core.model.Slo;
import dev.slo.core.window.DurationText;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The port through which the evaluator reads an SLO's events: a file, a Prometheus server or a
 * database implements it. Implementations must be safe for use by one evaluation at a time; those
 * that are thread-safe say so.
 */
public interface EventSource {

  /**
   * The good and total events of {@code slo} in each window, in the order given.
   *
   * @throws dev.slo.core.SourceException when the source cannot be read
   */
  List<EventCounts> counts(Slo slo, List<Window> windows);

  /**
   * The events in consecutive slices {@code (from + k*step, from + (k+1)*step]} for {@code k = 0,
   * 1, ...} up to {@code to}; the last slice ends at {@code to} and may be shorter. Sources that
   * can answer a regular grid in one request (a Prometheus range query) override this.
   */
  default List<EventCounts> slices(Slo slo, Instant from, Instant to, Duration step) {
    return counts(slo, grid(from, to, step));
  }

  /**
   * The windows of {@link #slices}: consecutive, of length {@code step}, the last cut at {@code
   * to}.
   */
  static List<Window> grid(Instant from, Instant to, Duration step) {
    if (step.isZero() || step.isNegative()) {
      throw new IllegalArgumentException(
          DurationText.format(step) + " is not a valid slice step: it must be positive");
    }
    List<Window> out = new ArrayList<>();
    Instant s = from;
    while (s.isBefore(to)) {
      Instant e = s.plus(step);
      if (e.isAfter(to)) {
        e = to;
      }
      out.add(new Window(s, e));
      s = e;
    }
    return out;
  }
}
