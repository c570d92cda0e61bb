package dev.slo.cli.serve;

import dev.slo.cli.output.StatusJson;
import dev.slo.core.SloException;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.event.SloStatusUpdated;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.source.EventSource;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Evaluates every enabled SLO on an interval, at the injected clock's time, and keeps each one's
 * latest {@link Snapshot}. Records an {@link SliMetric} per SLO and evaluation with data, applies
 * {@link Hysteresis}, and publishes a {@link Notice} to the sinks when the reported status or the
 * firing tiers change. A failing source marks the SLO stale with the error and keeps its last good
 * values, reported no better than WARNING, until a later pass succeeds. Thread-safe: passes are
 * serialized; reads never lock.
 */
public final class Monitor {
  private final SloRegistry registry;
  private final EventSource source;
  private final HistoryStore history;
  private final List<EventSink> sinks;
  private final Clock clock;
  private final Duration interval;
  private final Hysteresis hysteresis;
  private final PrintWriter log;
  private final Evaluator evaluator = new Evaluator();
  private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
  private final ReentrantLock pass = new ReentrantLock();
  private final ScheduledExecutorService scheduler;
  private volatile boolean ready;

  Monitor(
      SloRegistry registry,
      EventSource source,
      HistoryStore history,
      List<EventSink> sinks,
      Clock clock,
      Duration interval,
      Hysteresis hysteresis,
      PrintWriter log) {
    this.registry = registry;
    this.source = source;
    this.history = history;
    this.sinks = List.copyOf(sinks);
    this.clock = clock;
    this.interval = interval;
    this.hysteresis = hysteresis;
    this.log = log;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "slo-evaluator");
              t.setDaemon(true);
              return t;
            });
  }

  /** Schedules a pass now and then every interval after the previous one ends. */
  void start() {
    scheduler.scheduleWithFixedDelay(
        this::passSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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
  boolean ready() {
    return ready;
  }

  /** The latest state of an SLO, empty before its first pass. */
  Optional<Snapshot> snapshot(String sloId) {
    return Optional.ofNullable(snapshots.get(sloId));
  }

  /** The latest states, in registry order. */
  List<Snapshot> snapshots() {
    List<Snapshot> out = new ArrayList<>();
    for (Slo s : registry.all()) {
      Snapshot x = snapshots.get(s.sloId());
      if (x != null) {
        out.add(x);
      }
    }
    return out;
  }

  /** Runs one pass over every enabled SLO now, in the caller's thread. */
  public void evaluateNow() {
    pass.lock();
    try {
      Instant at = clock.instant();
      for (Slo slo : registry.all()) {
        if (slo.enabled()) {
          evaluate(slo, at);
        }
      }
      List<Snapshot> all = snapshots();
      for (EventSink sink : sinks) {
        try {
          sink.evaluated(at, all);
        } catch (RuntimeException e) {
          log.println("slo serve: event sink failed: " + e.getMessage());
        }
      }
      ready = true;
    } finally {
      pass.unlock();
    }
  }

  /** Stops scheduling, waits for the pass in flight, then flushes the sinks until the deadline. */
  void close(Duration grace) {
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
      for (EventSink sink : sinks) {
        try {
          sink.close(deadline);
        } catch (RuntimeException e) {
          log.println("slo serve: event sink failed to flush: " + e.getMessage());
        }
      }
    } finally {
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

  private void evaluate(Slo slo, Instant at) {
    Snapshot prev = snapshots.get(slo.sloId());
    Evaluation last = prev == null ? null : prev.evaluation();
    Map<String, Hysteresis.AlertState> prevAlerts = prev == null ? Map.of() : prev.alerts();
    Snapshot next;
    try {
      Evaluation raw = evaluator.evaluate(slo, source, at);
      Hysteresis.Outcome o = hysteresis.apply(raw, last == null ? null : last.status(), prevAlerts);
      next =
          Snapshot.of(
              slo, Hysteresis.reported(raw, o.status(), o.alerts().values()), o.alerts(), null, at);
      record(raw);
    } catch (SloException | ArithmeticException | IllegalArgumentException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      if (prev == null || !why.equals(prev.sourceError())) {
        log.println("slo serve: " + slo.sloId() + ": stale: " + why);
      }
      next =
          last == null
              ? Snapshot.of(slo, null, Map.of(), why, at)
              : Snapshot.of(
                  slo,
                  Hysteresis.reported(
                      last, Hysteresis.worst(last.status(), Status.WARNING), prevAlerts.values()),
                  prevAlerts,
                  why,
                  at);
    }
    snapshots.put(slo.sloId(), next);
    notify(prev, next, at);
  }

  private void record(Evaluation e) {
    if (e.noData() || e.currentSliPercent() == null) {
      return;
    }
    try {
      history.append(
          new SliMetric(
              e.slo().sloId(),
              e.at(),
              e.currentSliPercent(),
              e.units().good(),
              e.units().total(),
              e.currentSliPercent() >= e.targetSliPercent()));
    } catch (RuntimeException ex) {
      log.println("slo serve: " + e.slo().sloId() + ": cannot record SLI: " + ex.getMessage());
    }
  }

  private void notify(Snapshot prev, Snapshot next, Instant at) {
    if (next.evaluation() == null) {
      return;
    }
    Status before = prev == null || prev.evaluation() == null ? null : prev.evaluation().status();
    Map<String, Hysteresis.AlertState> was = prev == null ? Map.of() : prev.alerts();
    List<Hysteresis.AlertState> fired =
        next.alerts().values().stream()
            .filter(a -> !was.containsKey(a.alert().tier().name()))
            .toList();
    List<Hysteresis.AlertState> resolved =
        was.values().stream()
            .filter(a -> !next.alerts().containsKey(a.alert().tier().name()))
            .toList();
    if (before == next.evaluation().status() && fired.isEmpty() && resolved.isEmpty()) {
      return;
    }
    Notice n =
        new Notice(
            next,
            StatusJson.event(SloStatusUpdated.of(next.evaluation(), UUID.randomUUID())),
            fired,
            resolved,
            at);
    for (EventSink sink : sinks) {
      try {
        sink.publish(n);
      } catch (RuntimeException e) {
        log.println("slo serve: event sink failed: " + e.getMessage());
      }
    }
  }
}
