package dev.slo.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs {@link JdbcStore#maintain} on a daemon thread of its own: first after {@code min(every, 1
 * minute)}, then every {@code every}. Each run logs one line; a failed run is logged and the next
 * one runs as planned, so the process using the store (for example {@code slo serve --jdbc}) keeps
 * serving. Runs of several processes on one database serialize on the store's partition lock and
 * find nothing left to do after the first. Thread-safe; {@link #close} stops it.
 */
public final class MaintenanceSchedule implements AutoCloseable {
  /** Partitions made ahead of now by each run. */
  public static final Duration AHEAD = Duration.ofDays(7);

  private final JdbcStore store;
  private final Clock clock;
  private final Consumer<String> log;
  private final ScheduledExecutorService executor;

  MaintenanceSchedule(JdbcStore store, Clock clock, Duration every, Consumer<String> log) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException(every + " is not a valid maintenance interval: use > 0");
    }
    this.store = store;
    this.clock = clock;
    this.log = log;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "slo-db-maintain");
              t.setDaemon(true);
              return t;
            });
    long ms = every.toMillis();
    executor.scheduleWithFixedDelay(
        this::runOnce, Math.min(ms, 60_000L), ms, TimeUnit.MILLISECONDS);
  }

  /**
   * {@link JdbcStore#scheduleMaintenance} with the time between runs as text such as {@code 1h} or
   * {@code 30m}.
   *
   * @throws dev.slo.core.ValidationException for {@code maintain_every} when the text is not a
   *     positive duration: {@code "soon" is not a duration; ...}
   */
  public static MaintenanceSchedule start(
      JdbcStore store, Clock clock, String every, Consumer<String> log) {
    Duration d;
    try {
      d = dev.slo.core.window.DurationText.parse(every);
    } catch (IllegalArgumentException e) {
      throw dev.slo.core.ValidationException.withMessage(
          "maintain_every", every, String.valueOf(e.getMessage()));
    }
    return store.scheduleMaintenance(clock, d, log);
  }

  /**
   * One run now, in the caller's thread.
   *
   * @return the line logged
   */
  public String runOnce() {
    long t0 = System.nanoTime();
    String line;
    try {
      JdbcStore.MaintenanceReport r = store.maintain(clock.instant(), null, AHEAD);
      line =
          "db maintain: created "
              + r.created().size()
              + " partitions, dropped "
              + r.dropped().size()
              + (r.strayRowsDropped() > 0
                  ? ", removed " + r.strayRowsDropped() + " expired rows from default partitions"
                  : "")
              + "; partitions kept by "
              + r.partitioner()
              + " ("
              + (System.nanoTime() - t0) / 1_000_000
              + " ms)";
    } catch (RuntimeException e) { // any failure: logged, and the next run is still planned
      line = "db maintain failed: " + Failures.firstLine(e.getMessage()) + "; serving goes on";
    }
    log.accept(line);
    return line;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "db maintain schedule of " + store.target();
  }
}
