package dev.slo.server;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Self-fencing of a fleet replica (docs/serve.md, "Self-fencing"): when an evaluation pass has run
 * for more than {@link #STUCK_INTERVALS} intervals (its source hangs, or its heartbeat does), the
 * replica gives up every shard through {@link FleetMembership#fence} so that the other replicas
 * take them over, and rejoins with the pass after the stuck one ends. Time is the JVM's monotonic
 * clock, not the monitor's (which tests may stop). Thread-safe.
 */
final class PassWatchdog implements AutoCloseable {
  /** A pass running longer than this many intervals fences the replica. */
  static final int STUCK_INTERVALS = 3;

  private final FleetMembership fleet;
  private final long limitNanos;
  private final PrintWriter log;
  private final LongSupplier nanos;
  private final ScheduledExecutorService timer;
  private volatile long startedAt;
  private volatile boolean inFlight;
  private volatile boolean fenced;

  PassWatchdog(FleetMembership fleet, Duration interval, PrintWriter log) {
    this(fleet, interval, log, System::nanoTime);
  }

  PassWatchdog(FleetMembership fleet, Duration interval, PrintWriter log, LongSupplier nanos) {
    this.fleet = fleet;
    this.limitNanos = interval.multipliedBy(STUCK_INTERVALS).toNanos();
    this.log = log;
    this.nanos = nanos;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "slo-fleet-watchdog");
              t.setDaemon(true);
              return t;
            });
  }

  /** Checks four times per interval (at most every 2 s, at least every 100 ms). */
  void start(Duration interval) {
    long every = Math.max(100, Math.min(2_000, interval.toMillis() / 4));
    timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  /** A pass begins. */
  void passStarted() {
    startedAt = nanos.getAsLong();
    inFlight = true;
  }

  /** The pass ends (completed or failed); a fenced replica rejoins with the next one. */
  void passEnded() {
    inFlight = false;
    if (fenced) {
      fenced = false;
      log.println(
          "slo serve: fleet: the stuck evaluation pass ended after "
              + seconds(nanos.getAsLong() - startedAt)
              + "; claiming shards again with the next pass");
    }
  }

  /** True while the replica has given up its shards because the pass in flight is stuck. */
  boolean fenced() {
    return fenced;
  }

  /** Fences the replica when the pass in flight has run for longer than the limit. */
  void check() {
    long ran = nanos.getAsLong() - startedAt;
    if (!inFlight || fenced || ran <= limitNanos) {
      return;
    }
    fenced = true;
    String why =
        "the evaluation pass has run for "
            + seconds(ran)
            + " (more than "
            + STUCK_INTERVALS
            + " intervals): every shard is released until it ends";
    log.println("slo serve: fleet: " + why);
    try {
      fleet.fence(why);
    } catch (RuntimeException e) {
      log.println("slo serve: fleet: releasing the shards failed: " + e.getMessage());
    }
  }

  private static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1fs", nanos / 1e9);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
