package dev.slo.server;

import dev.slo.core.ValidationException;
import dev.slo.core.correction.Corrections;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.store.FleetCoordinator;
import dev.slo.core.store.InMemoryStore;
import dev.slo.core.store.SloStore;
import dev.slo.core.store.StatusOutbox;
import dev.slo.core.window.DurationText;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link Monitor} and their checks: the body of {@link Monitor.Builder}, its only
 * subclass, so that the public name stays {@code Monitor.Builder} while the settings live in their
 * own file. Every setter returns the {@link Monitor.Builder} it was called on; the monitor's
 * constructor reads the fields.
 *
 * <p>Not thread-safe; {@link #build} validates and the monitor copies what it keeps.
 */
abstract sealed class MonitorBuilder permits Monitor.Builder {
  @Nullable EventSource source;
  @Nullable SloStore store;
  List<Slo> slos = List.of();
  boolean writeHistory = true;
  final List<EventSink> sinks = new ArrayList<>();
  Clock clock = Clock.systemUTC();
  Duration interval = Duration.ofSeconds(60);
  int resolveAfter = 3;
  PrintWriter log = new PrintWriter(System.err, true);
  @Nullable FleetCoordinator fleet;
  Corrections corrections = Corrections.NONE;
  @Nullable StatusOutbox outbox;
  OutboxSender.Limits outboxLimits = OutboxSender.Limits.DEFAULT;
  private boolean outboxBounded;

  MonitorBuilder() {}

  private Monitor.Builder self() {
    return (Monitor.Builder) this; // the only subclass
  }

  /**
   * Saves each evaluated SLO's snapshot and the event it causes through {@code outbox} in one
   * transaction per pass, sends the events of the owned shards to the durable sinks ({@link
   * EventSink#durable}) from it, and resumes an SLO that moved here from its saved state (docs/
   * serve.md, "A fleet of replicas"). Default none: events go straight to the sinks.
   */
  public Monitor.Builder outbox(StatusOutbox outbox) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    return self();
  }

  /** Bounds of the outbox; see {@link OutboxSender.Limits#DEFAULT}. */
  Monitor.Builder outboxLimits(OutboxSender.Limits limits) {
    this.outboxLimits = Objects.requireNonNull(limits, "limits");
    return self();
  }

  /**
   * Bounds of the outbox: undelivered events older than {@code maxAge} (1m to 365d, default 24h) or
   * beyond the newest {@code maxEvents} (1 to 100,000,000, default 100,000) are abandoned.
   *
   * @throws dev.slo.core.ValidationException naming outbox_max_age or outbox_max_events; {@link
   *     #build} refuses bounds without an {@link #outbox}
   */
  public Monitor.Builder outboxBounds(Duration maxAge, int maxEvents) {
    outboxLimits(OutboxBounds.apply(outboxLimits, maxAge, maxEvents));
    outboxBounded = true;
    return self();
  }

  /**
   * Joins a fleet: each pass evaluates only the SLOs of the shards {@code fleet} assigns this
   * replica and saves their status in the store. The monitor closes it on {@link Monitor#close}.
   * Default none: every enabled SLO is evaluated.
   */
  public Monitor.Builder fleet(FleetCoordinator fleet) {
    this.fleet = Objects.requireNonNull(fleet, "fleet");
    return self();
  }

  /** Where events are read from. Required. */
  public Monitor.Builder source(EventSource source) {
    this.source = source;
    return self();
  }

  /** Where SLOs, alert rules and history live; default a new {@link InMemoryStore}. */
  public Monitor.Builder store(SloStore store) {
    this.store = store;
    return self();
  }

  /** SLOs stored at build time: created, or updated when the store has them. */
  public Monitor.Builder slos(List<Slo> slos) {
    this.slos = List.copyOf(slos);
    return self();
  }

  /**
   * Whether each evaluation appends the events since the previous one to the store's history
   * (default true). Set false when the source reads that history, so nothing is counted twice.
   */
  public Monitor.Builder writeHistory(boolean write) {
    this.writeHistory = write;
    return self();
  }

  /** Budget corrections applied to every evaluation (docs/math.md, "Corrections"); default none. */
  public Monitor.Builder corrections(Corrections corrections) {
    this.corrections = Objects.requireNonNull(corrections, "corrections");
    return self();
  }

  /** Adds a sink for events. */
  public Monitor.Builder sink(EventSink sink) {
    sinks.add(Objects.requireNonNull(sink, "sink"));
    return self();
  }

  /** The clock evaluations read; default the system UTC clock. */
  public Monitor.Builder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /** Time between the end of one pass and the start of the next; at least 1s (default 60s). */
  public Monitor.Builder interval(Duration interval) {
    this.interval = interval;
    return self();
  }

  /** Clear evaluations before a firing tier resolves; at least 1 (default 3). */
  public Monitor.Builder resolveAfter(int evaluations) {
    this.resolveAfter = evaluations;
    return self();
  }

  /** Where one-line warnings go (stale sources, sink failures); default standard error. */
  public Monitor.Builder log(PrintWriter log) {
    this.log = Objects.requireNonNull(log, "log");
    return self();
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
    if (outboxBounded && outbox == null) {
      String age = DurationText.format(outboxLimits.maxAge());
      throw ValidationException.withMessage(
          "outbox_max_age",
          age,
          age + ": outbox bounds need an outbox; only a fleet sends its events through one");
    }
    return new Monitor(this);
  }
}
