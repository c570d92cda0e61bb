package dev.slo.core.tracker;

import dev.slo.core.SloException;
import dev.slo.core.store.SliHistory;
import dev.slo.core.store.SliMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Writes a tracker's closed steps with events to an SLI history store (for example the PostgreSQL
 * store of {@code slo-jdbc}), one row per step timestamped at the step's end, so that the store
 * holds the same events the tracker evaluates. Each {@link #flush} writes the steps closed since
 * the last successful one; the store's append is idempotent per (slo_id, timestamp), so a retried
 * flush never counts twice. Thread-safe.
 */
public final class HistoryWriter {
  private final SloTracker tracker;
  private final SliHistory history;
  private final Map<String, Instant> written = new HashMap<>();
  private volatile @Nullable SloException lastError;

  /** A writer from {@code tracker} to {@code history}; nothing is written until {@link #flush}. */
  public HistoryWriter(SloTracker tracker, SliHistory history) {
    this.tracker = tracker;
    this.history = history;
  }

  /**
   * Appends every closed step with events not yet written, in one store call.
   *
   * @return the number of rows written
   * @throws SloException when the store fails; the same steps are tried again next time
   */
  public synchronized int flush() {
    List<SliMetric> rows = new ArrayList<>();
    Map<String, Instant> marks = new HashMap<>();
    for (var slo : tracker.slos()) {
      String id = slo.sloId();
      Instant mark = written.get(id);
      for (StepCount c : tracker.steps(id)) {
        if (!c.open() && (mark == null || c.timestamp().isAfter(mark))) {
          rows.add(SliMetric.ofCounts(id, c.timestamp(), c.counts().good(), c.counts().total()));
          marks.put(id, c.timestamp());
        }
      }
    }
    if (!rows.isEmpty()) {
      history.append(rows);
      written.putAll(marks);
    }
    return rows.size();
  }

  /**
   * Flushes every {@code every} on {@code executor} until the returned future is cancelled. A
   * failed flush is kept in {@link #lastError()} and retried at the next tick.
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration every) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException(every + " is not a valid flush interval: use > 0");
    }
    long ms = every.toMillis();
    return executor.scheduleWithFixedDelay(
        () -> {
          try {
            flush();
            lastError = null;
          } catch (SloException e) {
            lastError = e;
          }
        },
        ms,
        ms,
        TimeUnit.MILLISECONDS);
  }

  /** The error of the last scheduled flush, or null when it succeeded or none ran. */
  public @Nullable SloException lastError() {
    return lastError;
  }
}
