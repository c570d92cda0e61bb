package dev.slo.server;

import dev.slo.core.SloException;
import dev.slo.core.SourceException;
import dev.slo.core.composite.CompositeEvaluator;
import dev.slo.core.correction.Corrections;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.event.SloStatusUpdated;
import dev.slo.core.json.StatusJson;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.source.EventSource;
import dev.slo.core.store.SloFilter;
import dev.slo.core.store.SloStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation pass of a {@link Monitor}: lists the store's SLOs, expands the grouped ones,
 * evaluates each it owns (with a fleet) at the clock's time, applies hysteresis, keeps the result
 * in the {@link LatestSnapshots}, has the {@link HistoryWriter} append the SLI, and publishes a
 * {@link Notice} when the reported status or the firing tiers change. With an outbox it also
 * resumes the state of an SLO taken over from another replica, stages each snapshot with its
 * notice, and commits them together at the end of the pass, reverting what was not kept.
 *
 * <p>Not thread-safe: the monitor serializes {@link #run} under its pass lock; {@link #ready} may
 * be read from any thread.
 */
final class MonitorPass {
  private final SloStore store;
  private final EventSource source;
  private final List<EventSink> sinks;
  private final Clock clock;
  private final Hysteresis hysteresis;
  private final PrintWriter log;
  private final Corrections specCorrections;
  private final LatestSnapshots snapshots;
  private final GroupTracker groups;
  private final HistoryWriter history;
  private final @Nullable FleetMembership fleet;
  private final @Nullable Outbox outbox;
  private final @Nullable OutboxSender sender;
  private volatile boolean ready;

  MonitorPass(
      SloStore store,
      EventSource source,
      List<EventSink> sinks,
      Clock clock,
      Hysteresis hysteresis,
      PrintWriter log,
      Corrections specCorrections,
      LatestSnapshots snapshots,
      GroupTracker groups,
      HistoryWriter history,
      @Nullable FleetMembership fleet,
      @Nullable Outbox outbox,
      @Nullable OutboxSender sender) {
    this.store = store;
    this.source = source;
    this.sinks = sinks;
    this.clock = clock;
    this.hysteresis = hysteresis;
    this.log = log;
    this.specCorrections = specCorrections;
    this.snapshots = snapshots;
    this.groups = groups;
    this.history = history;
    this.fleet = fleet;
    this.outbox = outbox;
    this.sender = sender;
  }

  /** True once the first pass has finished. */
  boolean ready() {
    return ready;
  }

  /**
   * Runs one pass in the caller's thread, over every enabled SLO, or with a fleet over those of the
   * shards owned after rebalancing. The caller holds the monitor's pass lock.
   */
  void run() {
    try {
      Instant at = clock.instant();
      if (fleet != null) {
        fleet.rebalance(at);
      }
      List<Slo> slos;
      try {
        slos = store.slos().list(SloFilter.ALL);
      } catch (SourceException e) {
        markStale(e, at);
        throw e;
      }
      Map<String, Slo> byId = new java.util.HashMap<>();
      slos.forEach(s -> byId.putIfAbsent(s.sloId(), s));
      Corrections corrections = corrections();
      CompositeEvaluator composites =
          new CompositeEvaluator(new Evaluator(corrections), corrections);
      if (outbox != null) { // the SLOs this pass resumes, read at once
        outbox.prefetch(
            slos.stream()
                .map(Slo::sloId)
                .filter(id -> !snapshots.containsKey(id) && (fleet == null || fleet.owns(id)))
                .toList());
      }
      Set<String> grouped = new java.util.HashSet<>(groups.templates());
      for (Slo slo : slos) {
        if (fleet != null && !fleet.owns(slo.sloId())) {
          snapshots.remove(slo.sloId());
          history.forget(slo.sloId());
        } else if (slo.enabled()) {
          grouped.remove(slo.sloId());
          List<String> dropped = new ArrayList<>();
          for (Slo one : groups.expand(slo, source, at, log, dropped)) {
            evaluate(composites, one, byId, at);
          }
          forget(dropped);
        }
      }
      grouped.forEach(id -> forget(groups.forget(id))); // deleted, disabled or not owned
      if (outbox != null) {
        commitOutbox(at);
      } else if (fleet != null) {
        fleet.evaluated(at);
      }
      List<Snapshot> all = snapshots.list();
      for (EventSink sink : sinks) {
        try {
          sink.evaluated(at, all);
        } catch (RuntimeException e) {
          log.println("slo serve: event sink failed: " + e.getMessage());
        }
      }
      ready = true;
    } finally {
      if (outbox != null) {
        revert(outbox.drop()); // a pass that failed before committing keeps nothing
      }
      if (fleet != null) {
        fleet.passEnded();
      }
    }
  }

  private void forget(List<String> ids) {
    ids.forEach(
        id -> {
          snapshots.remove(id);
          history.forget(id);
        });
  }

  /**
   * Commits the pass's snapshots and events; the SLOs not kept go back to their previous snapshot,
   * so the next pass finds their change again and emits it then.
   */
  private void commitOutbox(Instant at) {
    Outbox outbox = Objects.requireNonNull(this.outbox, "outbox");
    List<Outbox.Staged> lost;
    try {
      lost = outbox.commit();
      if (fleet != null) {
        fleet.evaluated(at);
      }
    } catch (RuntimeException e) {
      lost = outbox.drop();
      log.println("slo serve: cannot save the pass's statuses and events: " + e.getMessage());
    }
    revert(lost);
    Objects.requireNonNull(sender, "sender").wake();
  }

  private void revert(List<Outbox.Staged> lost) {
    for (Outbox.Staged s : lost) {
      if (s.prev() == null) {
        snapshots.remove(s.next().slo().sloId());
      } else {
        snapshots.put(s.next().slo().sloId(), s.prev());
      }
    }
  }

  /** Keeps every SLO's last values but marks them stale: the store cannot be read. */
  private void markStale(SourceException e, Instant at) {
    for (Snapshot prev : new ArrayList<>(snapshots.values())) {
      if (!prev.stale() && prev.evaluation() != null) {
        snapshots.put(
            prev.slo().sloId(),
            Snapshot.of(prev.slo(), prev.evaluation(), prev.alerts(), SloApi.STORE_DOWN, at));
      }
    }
    log.println("slo serve: the store cannot be read: " + e.getMessage());
  }

  /**
   * The corrections of this pass: the spec's, then those stored (through the API or {@code slo
   * corrections add}); the spec's alone, logged, when the store's cannot be read.
   */
  private Corrections corrections() {
    List<dev.slo.core.correction.Correction> stored;
    try {
      stored = store.corrections().list();
    } catch (SloException e) {
      log.println("slo serve: stored corrections cannot be read: " + e.getMessage());
      return specCorrections;
    }
    if (stored.isEmpty()) {
      return specCorrections;
    }
    List<dev.slo.core.correction.Correction> all = new ArrayList<>(specCorrections.all());
    all.addAll(stored);
    return new Corrections(all);
  }

  private void evaluate(CompositeEvaluator composites, Slo slo, Map<String, Slo> byId, Instant at) {
    Snapshot prev = snapshots.get(slo.sloId());
    Evaluation last = prev == null ? null : prev.evaluation();
    Map<String, AlertState> prevAlerts = prev == null ? Map.of() : prev.alerts();
    Status lastStatus = last == null ? null : last.status();
    if (prev == null && outbox != null) { // moved here: resume the previous owner's state
      try {
        Optional<Outbox.Resumed> r = outbox.resume(slo.sloId());
        if (r.isPresent()) {
          lastStatus = r.get().status();
          prevAlerts = r.get().alerts();
        }
      } catch (RuntimeException e) {
        log.println(
            "slo serve: " + slo.sloId() + ": cannot read its saved state: " + e.getMessage());
      }
    }
    Snapshot next;
    try {
      // a composite whose component was deleted is refused here and reported stale
      Evaluation raw = composites.evaluate(slo, byId, source, at);
      Hysteresis.Outcome o = hysteresis.apply(raw, lastStatus, prevAlerts);
      next =
          Snapshot.of(
              slo, Hysteresis.reported(raw, o.status(), o.alerts().values()), o.alerts(), null, at);
      history.record(slo, raw);
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
    if (slo.isGroup() && groups.vanished(slo.sloId())) {
      next = next.groupNotSeen();
    }
    snapshots.put(slo.sloId(), next);
    if (outbox != null) { // a group's status and events too, in its SLO's shard
      outbox.stage(prev, next, notify(lastStatus, prevAlerts, next, at));
      return;
    }
    if (fleet != null && next.evaluation() != null) {
      try {
        store.slos().saveStatus(next.evaluation().toStatus());
      } catch (RuntimeException e) {
        log.println("slo serve: " + slo.sloId() + ": cannot save status: " + e.getMessage());
      }
    }
    notify(lastStatus, prevAlerts, next, at);
  }

  /**
   * Publishes the change from the previous reported state to {@code next}, if any, to the sinks
   * (with an outbox, to those that are not durable: the outbox sends to the others).
   *
   * @return the notice, null when nothing changed
   */
  private @Nullable Notice notify(
      @Nullable Status before, Map<String, AlertState> was, Snapshot next, Instant at) {
    if (next.evaluation() == null) {
      return null;
    }
    List<AlertState> fired =
        next.alerts().values().stream()
            .filter(a -> !was.containsKey(a.alert().tier().name()))
            .toList();
    List<AlertState> resolved =
        was.values().stream()
            .filter(a -> !next.alerts().containsKey(a.alert().tier().name()))
            .toList();
    if (before == next.evaluation().status() && fired.isEmpty() && resolved.isEmpty()) {
      return null;
    }
    Notice n =
        new Notice(
            next,
            StatusJson.event(SloStatusUpdated.of(next.evaluation(), UUID.randomUUID())),
            fired,
            resolved,
            at);
    for (EventSink sink : sinks) {
      if (outbox != null && sink.durable()) {
        continue;
      }
      try {
        sink.publish(n);
      } catch (RuntimeException e) {
        log.println("slo serve: event sink failed: " + e.getMessage());
      }
    }
    return n;
  }
}
