package dev.slo.server;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.store.ConflictException;
import dev.slo.core.store.FleetCoordinator;
import dev.slo.core.store.InMemoryStore;
import dev.slo.core.store.SloStore;
import dev.slo.core.store.StatusOutbox;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates every enabled SLO of a store on an interval, at the clock's time, and keeps each one's
 * latest {@link Snapshot}: {@code slo serve} without HTTP. After each evaluation it appends the
 * events since the previous one to the store's SLI history (unless the source is the store itself),
 * applies hysteresis, and publishes a {@link Notice} to the sinks when the reported status or the
 * firing tiers change. A failing source marks the SLO stale with the error and keeps its last good
 * values, reported no better than WARNING, until a later pass succeeds.
 *
 * <p>With a {@link FleetCoordinator} (docs/serve.md, "A fleet of replicas") each pass first
 * rebalances, then evaluates only the SLOs of the shards this replica owns, saves their status in
 * the store, and forgets the others' snapshots.
 *
 * <p>Build one with {@link #builder()}; {@link #start()} schedules passes, {@link #evaluateNow()}
 * runs one in the caller's thread. Thread-safe: passes are serialized; reads never lock.
 *
 * <p>The work is shared out: {@code MonitorBuilder} holds the settings, {@code MonitorPass} runs a
 * pass, {@code HistoryWriter} appends the SLI history, {@code LatestSnapshots} keeps the snapshots;
 * this class wires them, schedules passes and closes.
 */
public final class Monitor implements AutoCloseable {
  private final SloStore store;
  private final EventSource source;
  private final List<EventSink> sinks;
  private final Duration interval;
  private final PrintWriter log;
  private final LatestSnapshots snapshots;
  private final GroupTracker groups;
  private final ReentrantLock pass = new ReentrantLock();
  private final ScheduledExecutorService scheduler;
  private final @Nullable FleetMembership fleet;
  private final @Nullable Outbox outbox;
  private final @Nullable OutboxSender sender;
  private final MonitorPass passes;

  Monitor(MonitorBuilder b) {
    this.store = b.store == null ? new InMemoryStore(b.clock) : b.store;
    SloStore remembered = this.store;
    this.groups = new GroupTracker((t, from, to) -> remembered.history().groups(t, from, to));
    this.source = Objects.requireNonNull(b.source, "source");
    this.sinks = List.copyOf(b.sinks);
    this.interval = b.interval;
    this.log = b.log;
    this.fleet = b.fleet == null ? null : new FleetMembership(b.fleet, b.interval, b.log);
    this.outbox = b.outbox == null ? null : new Outbox(b.outbox);
    this.sender =
        b.outbox == null
            ? null
            : new OutboxSender(b.outbox, sinks, this::sendableShards, b.clock, log, b.outboxLimits);
    this.snapshots = new LatestSnapshots(store, groups);
    this.passes =
        new MonitorPass(
            store,
            source,
            sinks,
            b.clock,
            new Hysteresis(b.resolveAfter),
            log,
            b.corrections,
            snapshots,
            groups,
            new HistoryWriter(b.writeHistory, source, store, log),
            fleet,
            outbox,
            sender);
    for (Slo s : b.slos) {
      if (store.slos().get(s.sloId()).isPresent()) {
        store.slos().update(s);
      } else {
        try {
          store.slos().create(s);
        } catch (ConflictException e) {
          store.slos().update(s); // another replica stored it first
        }
      }
    }
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "slo-evaluator");
              t.setDaemon(true);
              return t;
            });
  }

  /** A builder with the defaults: interval 60s, resolve after 3, an in-memory store. */
  public static Builder builder() {
    return new Builder();
  }

  /** The store the monitor reads SLOs from and writes history to. */
  public SloStore store() {
    return store;
  }

  /** The event source. */
  EventSource source() {
    return source;
  }

  /**
   * Settings of a {@link Monitor}. Not thread-safe; {@link #build} validates and copies. The
   * setters are inherited from the package's {@code MonitorBuilder}.
   */
  public static final class Builder extends MonitorBuilder {
    private Builder() {}
  }

  /** Schedules a pass now and then every interval after the previous one ends. */
  public void start() {
    scheduler.scheduleWithFixedDelay(
        this::passSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    if (sender != null) {
      sender.start();
    }
    if (fleet != null) {
      fleet.start(); // watches for a stuck pass (self-fencing)
    }
  }

  /** The time between passes. */
  Duration interval() {
    return interval;
  }

  /** The saved snapshots and outbox; empty without {@link Builder#outbox}. */
  Optional<StatusOutbox> outbox() {
    return outbox == null ? Optional.empty() : Optional.of(outbox.port());
  }

  /** The outbox's sender; null without {@link Builder#outbox}. */
  @Nullable OutboxSender outboxSender() {
    return sender;
  }

  /** When each owned shard's SLOs were last evaluated and saved, by shard; empty without fleet. */
  Map<Integer, Instant> shardsEvaluatedAt() {
    return fleet == null ? Map.of() : fleet.evaluatedAt();
  }

  private Set<Integer> sendableShards() {
    return fleet == null ? dev.slo.core.store.Shards.all() : fleet.owned();
  }

  /** Schedules one extra pass soon, e.g. after an SLO was added; no-op after close. */
  void requestEvaluation() {
    try {
      scheduler.execute(this::passSafely);
    } catch (RejectedExecutionException e) {
      // closing: the pass is not needed
    }
  }

  /** True once the first pass has finished. */
  public boolean ready() {
    return passes.ready();
  }

  /** The latest state of an SLO, empty before its first pass. */
  public Optional<Snapshot> snapshot(String sloId) {
    return Optional.ofNullable(snapshots.get(sloId));
  }

  /** The latest states, ordered by slo_id. */
  public List<Snapshot> snapshots() {
    return snapshots.list();
  }

  /** The group ids kept for the grouped SLO {@code sloId}; empty for any other. */
  public List<String> groupIds(String sloId) {
    return groups.groups(sloId);
  }

  /** The fleet coordinator; empty without a fleet. */
  public Optional<FleetCoordinator> fleet() {
    return fleet == null ? Optional.empty() : Optional.of(fleet.coordinator());
  }

  /** The shards this replica owned in the last pass, empty before the first or without a fleet. */
  public Set<Integer> ownedShards() {
    return fleet == null ? Set.of() : fleet.owned();
  }

  /** Why the last rebalance failed, or null when it succeeded or without a fleet. */
  @Nullable String fleetError() {
    return fleet == null ? null : fleet.error();
  }

  /**
   * Runs one pass now, in the caller's thread, over every enabled SLO, or with a fleet over those
   * of the shards owned after rebalancing.
   */
  public void evaluateNow() {
    pass.lock();
    try {
      passes.run();
    } finally {
      pass.unlock();
    }
  }

  /** As {@link #close(Duration)} with ten seconds' grace. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  /** Stops scheduling, waits for the pass in flight, then flushes the sinks until the deadline. */
  public void close(Duration grace) {
    Instant deadline = Instant.now().plus(grace);
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
    boolean locked = false;
    try {
      locked =
          pass.tryLock(
              Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
              TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!locked) {
      log.println("slo serve: the evaluation in flight did not finish in " + grace + "; closing");
    }
    try {
      if (sender != null) {
        sender.close(deadline);
      }
      for (EventSink sink : sinks) {
        try {
          sink.close(deadline);
        } catch (RuntimeException e) {
          log.println("slo serve: event sink failed to flush: " + e.getMessage());
        }
      }
    } finally {
      if (fleet != null) {
        fleet.close();
      }
      if (locked) {
        pass.unlock();
      }
    }
  }

  private void passSafely() {
    try {
      evaluateNow();
    } catch (RuntimeException e) {
      log.println("slo serve: evaluation pass failed: " + e);
    }
  }
}
