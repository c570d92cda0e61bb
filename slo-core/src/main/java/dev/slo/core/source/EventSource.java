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
   * The counts of {@link #slices}, streamed to {@code sink} in slice order. Sources that hold their
   * events in memory override this to answer without an object per slice; the default reads {@link
   * #slices}.
   *
   * @return the number of slices
   * @throws dev.slo.core.SourceException when the source cannot be read
   */
  default int forEachSlice(Slo slo, Instant from, Instant to, Duration step, SliceSink sink) {
    List<EventCounts> all = slices(slo, from, to, step);
    long[] good = new long[Math.min(Math.max(all.size(), 1), SliceSink.BLOCK)];
    long[] total = new long[good.length];
    int n = 0;
    for (EventCounts c : all) {
      good[n] = c.good();
      total[n] = c.total();
      if (++n == good.length) {
        sink.accept(good, total, n);
        n = 0;
      }
    }
    if (n > 0) {
      sink.accept(good, total, n);
    }
    return all.size();
  }

  /**
   * The distinct label sets of the {@code group_by} labels of {@code template} seen in its events
   * in {@code (from, to]}, for grouped SLOs (issue 12; {@link dev.slo.core.group.Groups#expand}).
   * Each map has the template's {@code group_by} labels as keys. The default, an empty set, means
   * the source cannot group.
   *
   * @throws dev.slo.core.SourceException when the source cannot be read
   */
  default java.util.Set<java.util.Map<String, String>> groups(
      Slo template, Instant from, Instant to) {
    return java.util.Set.of();
  }

  /** Receives slices' counts in blocks, in slice order. */
  @FunctionalInterface
  interface SliceSink {
    /** The usual block size: slices handed over per call. */
    int BLOCK = 512;

    /**
     * The next {@code count} slices: slice {@code i} has {@code good[i]} good and {@code total[i]}
     * events, {@code 0 <= good <= total}. The arrays are reused once the call returns.
     */
    void accept(long[] good, long[] total, int count);
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
