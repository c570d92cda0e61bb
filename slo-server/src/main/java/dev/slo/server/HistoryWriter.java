package dev.slo.server;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.store.SliMetric;
import dev.slo.core.store.SloStore;
import dev.slo.core.window.Window;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Monitor}'s SLI history: after each evaluation, the events since this process last
 * recorded the SLO, read from the source, as one row of the store's history. Does nothing when the
 * monitor's source reads that history ({@link Monitor.Builder#writeHistory} false).
 *
 * <p>Thread-safe for distinct SLOs; the monitor calls it from its serialized passes.
 */
final class HistoryWriter {
  private final boolean writeHistory;
  private final EventSource source;
  private final SloStore store;
  private final PrintWriter log;
  private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();

  HistoryWriter(boolean writeHistory, EventSource source, SloStore store, PrintWriter log) {
    this.writeHistory = writeHistory;
    this.source = source;
    this.store = store;
    this.log = log;
  }

  /** Forgets when the SLO was last recorded: its next evaluation only anchors the one after. */
  void forget(String sloId) {
    lastRecorded.remove(sloId);
  }

  /**
   * Appends the events since this process last recorded the SLO as one history row; the first
   * evaluation of a process only anchors the next. The row also carries the SLO's state at this
   * evaluation (budget consumed, 1-hour burn rate).
   */
  void record(Slo slo, Evaluation e) {
    if (!writeHistory) {
      return;
    }
    Instant prev = lastRecorded.put(slo.sloId(), e.at());
    if (prev == null || !prev.isBefore(e.at())) {
      return;
    }
    try {
      EventCounts c = source.counts(slo, List.of(new Window(prev, e.at()))).get(0);
      if (c.total() == 0) {
        return;
      }
      double sli = 100.0 * c.good() / c.total();
      store
          .history()
          .append(
              List.of(
                  new SliMetric(
                      slo.sloId(),
                      e.at().truncatedTo(ChronoUnit.MICROS),
                      sli,
                      c.good(),
                      c.total(),
                      sli >= slo.targetPercentage(),
                      finite(e.errorBudgetConsumed()),
                      finite(e.burnRate()))));
    } catch (RuntimeException ex) {
      lastRecorded.put(slo.sloId(), prev);
      log.println("slo serve: " + slo.sloId() + ": cannot record SLI: " + ex.getMessage());
    }
  }

  private static @Nullable Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
