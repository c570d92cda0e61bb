package dev.slo.server;

import dev.slo.core.store.FleetCoordinator;
import dev.slo.core.store.Shards;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Monitor}'s place in a fleet: rebalances through the coordinator once per pass, keeps the
 * shards owned afterwards, and logs a failed rebalance once per distinct reason (owning nothing
 * until a later one succeeds). Thread-safe.
 */
final class FleetMembership {
  private final FleetCoordinator coordinator;
  private final PrintWriter log;
  private volatile Set<Integer> owned = Set.of();
  private volatile @Nullable String error;
  private final Map<Integer, Instant> evaluatedAt = new ConcurrentHashMap<>();
  private final Duration interval;
  private final PassWatchdog watchdog;

  FleetMembership(FleetCoordinator coordinator, Duration interval, PrintWriter log) {
    this.coordinator = coordinator;
    this.log = log;
    this.watchdog = new PassWatchdog(this, interval, log);
    this.interval = interval;
  }

  /** Starts watching the passes: one that hangs fences this replica ({@link PassWatchdog}). */
  void start() {
    watchdog.start(interval);
  }

  /** The pass that called {@link #rebalance} has ended, completed or failed. */
  void passEnded() {
    watchdog.passEnded();
  }

  /**
   * Gives up every shard at once (the pass in flight is stuck): owns nothing, reports {@code why}
   * as the fleet error, until a later rebalance succeeds.
   */
  void fence(String why) {
    owned = Set.of();
    error = why;
    coordinator.release();
  }

  /** Stops watching and leaves the fleet. */
  void close() {
    watchdog.close();
    coordinator.close();
  }

  FleetCoordinator coordinator() {
    return coordinator;
  }

  /** Rebalances at {@code at}; the shards owned afterwards, none when it failed. */
  Set<Integer> rebalance(Instant at) {
    watchdog.passStarted();
    try {
      owned = coordinator.rebalance(at);
      error = null;
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      if (!why.equals(error)) {
        log.println("slo serve: fleet: " + why);
      }
      error = why;
      owned = Set.of();
    }
    return owned;
  }

  /** True when the SLO's shard was owned after the last rebalance. */
  boolean owns(String sloId) {
    return owned.contains(Shards.of(sloId));
  }

  Set<Integer> owned() {
    return owned;
  }

  /** Records that a pass at {@code at} evaluated (and saved) the SLOs of the owned shards. */
  void evaluated(Instant at) {
    Set<Integer> now = owned;
    evaluatedAt.keySet().retainAll(now);
    now.forEach(s -> evaluatedAt.put(s, at));
  }

  /** When each owned shard's SLOs were last evaluated, for the shards evaluated since owned. */
  Map<Integer, Instant> evaluatedAt() {
    Map<Integer, Instant> out = new TreeMap<>(evaluatedAt);
    out.keySet().retainAll(owned);
    return out;
  }

  /** Why the last rebalance failed, or null when it succeeded. */
  @Nullable String error() {
    return error;
  }
}
