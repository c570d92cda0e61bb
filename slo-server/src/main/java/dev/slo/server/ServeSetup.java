package dev.slo.server;

import dev.slo.core.InvalidInputException;
import dev.slo.core.ValidationException;
import dev.slo.core.correction.Corrections;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.store.SharedStore;
import dev.slo.core.window.DurationText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A server as {@code slo serve} describes it: one event source (a data file, a Prometheus source or
 * a database shared by replicas, {@link SharedStore}), settings given as text, event outputs, an
 * optional fleet and the store's maintenance schedule. The setters only keep their values; {@link
 * #build} checks them together, in a fixed order, opens what they name and builds the {@link
 * SloServer}.
 *
 * <p>Every refusal is an {@link InvalidInputException} with a one-line message. A bad value of one
 * setting is a {@link ValidationException} whose {@link ValidationException#field() field} is the
 * setting's snake_case name ({@code interval}, {@code data}, {@code events_file}, {@code
 * outbox_max_age}, {@code listen_address} for an address that cannot be bound, ...) and whose
 * message leads with the value, so a caller puts its own name for the setting in front, as {@code
 * slo serve} puts its flag. Messages about more than one setting name them as {@code slo serve}'s
 * flags ({@code fleet}: {@code needs --jdbc URL: ...}; {@code give one source: --data FILE or
 * --prometheus URL, not both}), as {@link SloServer.Builder#build} does for a token.
 */
public final class ServeSetup {
  private final List<Slo> slos;
  private final Corrections corrections;
  private final Clock clock;
  private final PrintWriter log;
  private @Nullable Path data;
  private @Nullable Supplier<EventSource> prometheus;
  private @Nullable Supplier<SharedStore> shared;
  private String host = "127.0.0.1";
  private int port = 8080;
  private @Nullable Integer threads;
  private String interval = "60s";
  private int resolveAfter = 3;
  private @Nullable Path tokenFile;
  private @Nullable Path readTokenFile;
  private List<String> origins = List.of();
  private boolean anonymousWrites;
  private String requestTimeout = "10s";
  private String idleTimeout = "30s";
  private int maxConnections = 1000;
  private @Nullable Path eventsFile;
  private @Nullable PrintWriter eventsStream;
  private @Nullable String webhook;
  private @Nullable String alertmanager;
  private boolean fleet;
  private @Nullable String outboxMaxAge;
  private @Nullable Integer outboxMaxEvents;
  private @Nullable String maintainEvery = "1h";

  /**
   * A setup serving {@code slos} with {@code corrections} applied, "now" from {@code clock}, log
   * lines (warnings, maintenance runs) to {@code log}.
   */
  public ServeSetup(List<Slo> slos, Corrections corrections, Clock clock, PrintWriter log) {
    this.slos = List.copyOf(slos);
    this.corrections = Objects.requireNonNull(corrections, "corrections");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * The event sources given: a data file (re-read when it changes) or a Prometheus source, not
   * both; with a {@code shared} database, it keeps SLOs and history, and is the source when neither
   * of the others is given. A supplier is called once, by {@link #build}, when its turn comes.
   */
  public ServeSetup sources(
      @Nullable Path data,
      @Nullable Supplier<EventSource> prometheus,
      @Nullable Supplier<SharedStore> shared) {
    this.data = data;
    this.prometheus = prometheus;
    this.shared = shared;
    return this;
  }

  /** Host and port to listen on (port 0 picks a free one); null threads for the default. */
  public ServeSetup listen(String host, int port, @Nullable Integer threads) {
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.threads = threads;
    return this;
  }

  /** Time between evaluations as text ({@code 60s}) and clear evaluations before resolving. */
  public ServeSetup evaluation(String interval, int resolveAfter) {
    this.interval = Objects.requireNonNull(interval, "interval");
    this.resolveAfter = resolveAfter;
    return this;
  }

  /** See {@link SloServer.Builder#tokenFile}, {@code readTokenFile} and {@code allowOrigins}. */
  public ServeSetup access(
      @Nullable Path tokenFile,
      @Nullable Path readTokenFile,
      List<String> origins,
      boolean anonymousWrites) {
    this.tokenFile = tokenFile;
    this.readTokenFile = readTokenFile;
    this.origins = List.copyOf(origins);
    this.anonymousWrites = anonymousWrites;
    return this;
  }

  /** See {@link SloServer.Builder#timeouts(String, String, int)}. */
  public ServeSetup timeouts(String request, String idle, int maxConnections) {
    this.requestTimeout = Objects.requireNonNull(request, "request");
    this.idleTimeout = Objects.requireNonNull(idle, "idle");
    this.maxConnections = maxConnections;
    return this;
  }

  /**
   * Where events go: a JSON Lines file, a stream, a webhook URL and an Alertmanager base URL; null
   * for each left out.
   */
  public ServeSetup events(
      @Nullable Path file,
      @Nullable PrintWriter stream,
      @Nullable String webhook,
      @Nullable String alertmanager) {
    this.eventsFile = file;
    this.eventsStream = stream;
    this.webhook = webhook;
    this.alertmanager = alertmanager;
    return this;
  }

  /**
   * True to join the fleet of replicas on the store's database; the outbox bounds (null for the
   * default) need it. See {@link SloServer.Builder#outboxBounds(String, Integer)}.
   */
  public ServeSetup fleet(
      boolean fleet, @Nullable String outboxMaxAge, @Nullable Integer outboxMaxEvents) {
    this.fleet = fleet;
    this.outboxMaxAge = outboxMaxAge;
    this.outboxMaxEvents = outboxMaxEvents;
    return this;
  }

  /**
   * With a shared database, run its upkeep this often ({@link SharedStore#upkeep}); default {@code
   * 1h}, null for never.
   */
  public ServeSetup maintenance(@Nullable String every) {
    this.maintainEvery = every;
    return this;
  }

  /**
   * Checks the settings in this order (the first bad one is named): a source; interval, address,
   * resolve-after, token files, timeouts and threads; outbox bounds without a fleet; a fleet
   * without a store; the outbox bounds; the events file, webhook and Alertmanager URLs; the data
   * file; then opens the Prometheus source and the database, joins the fleet, starts the upkeep and
   * builds the server (access rules, binding the address).
   *
   * @return the server, bound and not yet started
   * @throws InvalidInputException naming the first bad setting, as the class comment says
   */
  public SloServer build() {
    Supplier<EventSource> prom = prometheus;
    Supplier<SharedStore> db = shared;
    if (data != null && prom != null) {
      throw new InvalidInputException("give one source: --data FILE or --prometheus URL, not both");
    }
    if (data == null && prom == null && db == null) {
      throw new InvalidInputException(
          "no source given: use --data FILE, --prometheus URL or --jdbc URL");
    }
    SloServer.Builder b =
        SloServer.builder().slos(slos).corrections(corrections).clock(clock).log(log);
    b.interval(interval)
        .bind(host, port)
        .resolveAfter(resolveAfter)
        .tokenFile(tokenFile)
        .readTokenFile(readTokenFile)
        .timeouts(requestTimeout, idleTimeout, maxConnections);
    if (threads != null) {
      b.threads(threads);
    }
    if (!fleet && (outboxMaxAge != null || outboxMaxEvents != null)) {
      throw outboxMaxAge != null
          ? ValidationException.withMessage("outbox_max_age", outboxMaxAge, NEEDS_FLEET)
          : ValidationException.withMessage("outbox_max_events", outboxMaxEvents, NEEDS_FLEET);
    }
    if (fleet && db == null) {
      throw ValidationException.withMessage(
          "fleet", true, "needs --jdbc URL: the replicas of a fleet coordinate through PostgreSQL");
    }
    if (fleet) { // checked before the database is opened
      field("outbox_max_age", outboxMaxAge, () -> b.outboxBounds(outboxMaxAge, outboxMaxEvents));
    }
    b.allowOrigins(origins).allowAnonymousWrites(anonymousWrites);
    Path events = eventsFile;
    if (events != null) {
      b.sink(field("events_file", events, () -> EventSinks.file(events)));
    }
    if (eventsStream != null) {
      b.sink(EventSinks.stream(eventsStream));
    }
    b.webhook(webhook).alertmanager(alertmanager);
    Path file = data;
    if (file != null) {
      b.source(field("data", file, () -> new FileEventSource(file)));
    } else if (prom != null) {
      b.source(prom.get());
    }
    if (db != null) {
      storeParts(b, db.get(), file == null && prom == null);
    }
    return field("listen_address", host + ":" + port, b::build);
  }

  private static final String NEEDS_FLEET =
      "needs --fleet: only a fleet sends its events through an outbox";

  /** The store, as the source when it is the only one, the fleet and the maintenance schedule. */
  private void storeParts(SloServer.Builder b, SharedStore db, boolean source) {
    b.store(db.store());
    if (source) {
      b.source(db.eventSource()).writeHistory(false);
    }
    if (fleet) { // the interval was checked before
      var m = db.join(SloServer.Builder.replicaId(), DurationText.parse(interval));
      b.fleet(m.fleet()).outbox(m.outbox());
    }
    String every = maintainEvery;
    if (every != null) {
      Consumer<String> line = text -> log.printf("slo serve: %s%n", text).flush();
      b.closeWith(db.upkeep(clock, every, line));
    }
  }

  /**
   * Runs {@code action}; an {@link InvalidInputException} that names no field becomes a {@link
   * ValidationException} for {@code field} with the same message.
   */
  private static <T> T field(String field, @Nullable Object value, Supplier<T> action) {
    try {
      return action.get();
    } catch (ValidationException e) {
      throw e;
    } catch (InvalidInputException e) {
      throw ValidationException.withMessage(field, value, String.valueOf(e.getMessage()));
    }
  }
}
