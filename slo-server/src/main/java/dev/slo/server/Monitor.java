package dev.slo.server;

import dev.slo.core.SloException;
import dev.slo.core.SourceException;
import dev.slo.core.ValidationException;
import dev.slo.core.composite.CompositeEvaluator;
import dev.slo.core.correction.Corrections;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.event.SloStatusUpdated;
import dev.slo.core.json.StatusJson;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.store.ConflictException;
import dev.slo.core.store.FleetCoordinator;
import dev.slo.core.store.InMemoryStore;
import dev.slo.core.store.SliMetric;
import dev.slo.core.store.SloFilter;
import dev.slo.core.store.SloStore;
import dev.slo.core.store.StatusOutbox;
import dev.slo.core.window.DurationText;
import dev.slo.core.window.Window;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

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
 */
public final class Monitor implements AutoCloseable {
  private final SloStore store;
  private final EventSource source;
  private final boolean writeHistory;
  private final List<EventSink> sinks;
  private final Clock clock;
  private final Duration interval;
  private final Hysteresis hysteresis;
  private final PrintWriter log;
  private final Corrections specCorrections;
  private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();
  private final GroupTracker groups;
  private final ReentrantLock pass = new ReentrantLock();
  private final ScheduledExecutorService scheduler;
  private final FleetMembership fleet;
  private final Outbox outbox;
  private final OutboxSender sender;
  private volatile boolean ready;

  private Monitor(Builder b) {
    this.store = b.store == null ? new InMemoryStore(b.clock) : b.store;
    SloStore remembered = this.store;
    this.groups = new GroupTracker((t, from, to) -> remembered.history().groups(t, from, to));
    this.source = b.source;
    this.writeHistory = b.writeHistory;
    this.sinks = List.copyOf(b.sinks);
    this.clock = b.clock;
    this.interval = b.interval;
    this.hysteresis = new Hysteresis(b.resolveAfter);
    this.log = b.log;
    this.fleet = b.fleet == null ? null : new FleetMembership(b.fleet, b.interval, b.log);
    this.specCorrections = b.corrections;
    this.outbox = b.outbox == null ? null : new Outbox(b.outbox);
    this.sender =
        b.outbox == null
            ? null
            : new OutboxSender(b.outbox, sinks, this::sendableShards, clock, log, b.outboxLimits);
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

  /** Settings of a {@link Monitor}. Not thread-safe; {@link #build} validates and copies. */
  public static final class Builder {
    private EventSource source;
    private SloStore store;
    private List<Slo> slos = List.of();
    private boolean writeHistory = true;
    private final List<EventSink> sinks = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Duration interval = Duration.ofSeconds(60);
    private int resolveAfter = 3;
    private PrintWriter log = new PrintWriter(System.err, true);
    private FleetCoordinator fleet;
    private Corrections corrections = Corrections.NONE;
    private StatusOutbox outbox;
    private OutboxSender.Limits outboxLimits = OutboxSender.Limits.DEFAULT;

    private Builder() {}

    /**
     * Saves each evaluated SLO's snapshot and the event it causes through {@code outbox} in one
     * transaction per pass, sends the events of the owned shards to the durable sinks ({@link
     * EventSink#durable}) from it, and resumes an SLO that moved here from its saved state (docs/
     * serve.md, "A fleet of replicas"). Default none: events go straight to the sinks.
     */
    public Builder outbox(StatusOutbox outbox) {
      this.outbox = Objects.requireNonNull(outbox, "outbox");
      return this;
    }

    /** Bounds of the outbox; see {@link OutboxSender.Limits#DEFAULT}. */
    Builder outboxLimits(OutboxSender.Limits limits) {
      this.outboxLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Bounds of the outbox: undelivered events older than {@code maxAge} (1m to 365d, default 24h)
     * or beyond the newest {@code maxEvents} (1 to 100,000,000, default 100,000) are abandoned.
     *
     * @throws dev.slo.core.ValidationException naming outbox_max_age or outbox_max_events
     */
    public Builder outboxBounds(Duration maxAge, int maxEvents) {
      return outboxLimits(OutboxBounds.apply(outboxLimits, maxAge, maxEvents));
    }

    /**
     * Joins a fleet: each pass evaluates only the SLOs of the shards {@code fleet} assigns this
     * replica and saves their status in the store. The monitor closes it on {@link Monitor#close}.
     * Default none: every enabled SLO is evaluated.
     */
    public Builder fleet(FleetCoordinator fleet) {
      this.fleet = Objects.requireNonNull(fleet, "fleet");
      return this;
    }

    /** Where events are read from. Required. */
    public Builder source(EventSource source) {
      this.source = source;
      return this;
    }

    /** Where SLOs, alert rules and history live; default a new {@link InMemoryStore}. */
    public Builder store(SloStore store) {
      this.store = store;
      return this;
    }

    /** SLOs stored at build time: created, or updated when the store has them. */
    public Builder slos(List<Slo> slos) {
      this.slos = List.copyOf(slos);
      return this;
    }

    /**
     * Whether each evaluation appends the events since the previous one to the store's history
     * (default true). Set false when the source reads that history, so nothing is counted twice.
     */
    public Builder writeHistory(boolean write) {
      this.writeHistory = write;
      return this;
    }

    /**
     * Budget corrections applied to every evaluation (docs/math.md, "Corrections"); default none.
     */
    public Builder corrections(Corrections corrections) {
      this.corrections = Objects.requireNonNull(corrections, "corrections");
      return this;
    }

    /** Adds a sink for events. */
    public Builder sink(EventSink sink) {
      sinks.add(Objects.requireNonNull(sink, "sink"));
      return this;
    }

    /** The clock evaluations read; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Time between the end of one pass and the start of the next; at least 1s (default 60s). */
    public Builder interval(Duration interval) {
      this.interval = interval;
      return this;
    }

    /** Clear evaluations before a firing tier resolves; at least 1 (default 3). */
    public Builder resolveAfter(int evaluations) {
      this.resolveAfter = evaluations;
      return this;
    }

    /** Where one-line warnings go (stale sources, sink failures); default standard error. */
    public Builder log(PrintWriter log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * A monitor; nothing is scheduled until {@link Monitor#start()}.
     *
     * @throws dev.slo.core.ValidationException naming the first bad setting
     */
    public Monitor build() {
      if (source == null) {
        throw ValidationException.required("source");
      }
      if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new ValidationException(
            "interval", interval == null ? null : DurationText.format(interval), "use at least 1s");
      }
      if (resolveAfter < 1) {
        throw new ValidationException("resolve_after", resolveAfter, "use at least 1");
      }
      return new Monitor(this);
    }
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
  OutboxSender outboxSender() {
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
    return ready;
  }

  /** The latest state of an SLO, empty before its first pass. */
  public Optional<Snapshot> snapshot(String sloId) {
    return Optional.ofNullable(snapshots.get(sloId));
  }

  /** The latest states, ordered by slo_id. */
  public List<Snapshot> snapshots() {
    List<Snapshot> out = new ArrayList<>();
    List<Slo> slos;
    try {
      slos = store.slos().list(SloFilter.ALL);
    } catch (SourceException e) {
      // the store is down: every SLO known from earlier passes
      out.addAll(new java.util.TreeMap<>(snapshots).values());
      return out;
    }
    for (Slo s : slos) {
      Snapshot x = snapshots.get(s.sloId());
      if (x != null) {
        out.add(x);
      }
      for (String g : groups.groups(s.sloId())) { // a grouped SLO's groups follow it
        Snapshot y = snapshots.get(g);
        if (y != null) {
          out.add(y);
        }
      }
    }
    return out;
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
  String fleetError() {
    return fleet == null ? null : fleet.error();
  }

  /**
   * Runs one pass now, in the caller's thread, over every enabled SLO, or with a fleet over those
   * of the shards owned after rebalancing.
   */
  public void evaluateNow() {
    pass.lock();
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
          lastRecorded.remove(slo.sloId());
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
      if (outbox != null) {
        revert(outbox.drop()); // a pass that failed before committing keeps nothing
      }
      if (fleet != null) {
        fleet.passEnded();
      }
      pass.unlock();
    }
  }

  private void forget(List<String> ids) {
    ids.forEach(
        id -> {
          snapshots.remove(id);
          lastRecorded.remove(id);
        });
  }

  /**
   * Commits the pass's snapshots and events; the SLOs not kept go back to their previous snapshot,
   * so the next pass finds their change again and emits it then.
   */
  private void commitOutbox(Instant at) {
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
    sender.wake();
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
      record(slo, raw);
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
   * Appends the events since this process last recorded the SLO as one history row; the first
   * evaluation of a process only anchors the next. The row also carries the SLO's state at this
   * evaluation (budget consumed, 1-hour burn rate).
   */
  private void record(Slo slo, Evaluation e) {
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

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /**
   * Publishes the change from the previous reported state to {@code next}, if any, to the sinks
   * (with an outbox, to those that are not durable: the outbox sends to the others).
   *
   * @return the notice, null when nothing changed
   */
  private Notice notify(Status before, Map<String, AlertState> was, Snapshot next, Instant at) {
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
