package dev.slo.server;

import dev.slo.core.ValidationException;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.store.SloStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code slo serve} as a library: a {@link Monitor} and the REST API (docs/openapi.json), {@code
 * /metrics}, {@code /healthz} and {@code /readyz} on a small non-blocking HTTP/1.1 server (see
 * {@link HttpLimits}).
 *
 * <pre>{@code
 * SloServer server = SloServer.builder()
 *     .slos(spec.slos())
 *     .source(source)
 *     .port(8080)
 *     .sink(EventSinks.webhook(uri, DeliveryPolicy.DEFAULT, log))
 *     .build()
 *     .start();
 * ...
 * server.close();
 * }</pre>
 *
 * {@link #close} is graceful and idempotent: it stops accepting requests, finishes the evaluation
 * in flight and flushes the sinks. Thread-safe.
 */
public final class SloServer implements AutoCloseable {
  private final Monitor monitor;
  private final ApiServer http;
  private final ServerLifecycle lifecycle;

  private SloServer(Builder b, Monitor monitor) {
    this.monitor = monitor;
    Access access = b.access();
    SloApi api =
        new SloApi(
            monitor.store(),
            monitor,
            FleetStatus.exposition(new ExporterExposition(), monitor),
            b.clock,
            access,
            openApi());
    this.http = new ApiServer(b.bind, api, access, b.limits, b.threads, b.log);
    this.lifecycle = new ServerLifecycle(http, monitor, b.grace, b.schedule, b.companions, b.log);
  }

  /** A builder with the defaults: 127.0.0.1:8080, interval 60s, an in-memory store, no token. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts serving, and evaluating every interval unless scheduling was turned off.
   *
   * @return this server
   * @throws IllegalStateException when called twice
   */
  public SloServer start() {
    lifecycle.start();
    return this;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return http.port();
  }

  /** Open HTTP connections, for tests. */
  int connections() throws Exception {
    return http.connections();
  }

  /** Runs one evaluation pass now, in the caller's thread. */
  public void evaluateNow() {
    monitor.evaluateNow();
  }

  /** The monitor behind the API. */
  public Monitor monitor() {
    return monitor;
  }

  /**
   * Closes this server when the JVM shuts down (SIGTERM, Ctrl-C, {@code System.exit}), then runs
   * {@code then} in the same thread, for example to end the process with a code of its own. Closing
   * the server otherwise removes the hook. Call it once.
   *
   * @return this server
   */
  public SloServer closeOnShutdown(Runnable then) {
    lifecycle.closeOnShutdown(then);
    return this;
  }

  /** Blocks until {@link #close} has finished. */
  public void awaitClosed() throws InterruptedException {
    lifecycle.awaitClosed();
  }

  @Override
  public void close() {
    lifecycle.close();
  }

  /** The OpenAPI document, the same bytes as docs/openapi.json. */
  static byte[] openApi() {
    try (InputStream in = SloServer.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Settings of a {@link SloServer}. Not thread-safe; {@link #build} validates and copies. */
  public static final class Builder extends TextSettings {
    private final Monitor.Builder monitor = Monitor.builder();
    private InetSocketAddress bind = new InetSocketAddress("127.0.0.1", 8080);
    private int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private HttpLimits limits = HttpLimits.DEFAULT;
    private boolean schedule = true;
    private Duration grace = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private PrintWriter log = new PrintWriter(System.err, true);
    private final List<AutoCloseable> companions = new java.util.ArrayList<>();
    private Duration interval = Duration.ofSeconds(60);
    private final List<URI> alertmanagers = new ArrayList<>();

    private Builder() {}

    /**
     * Something that lives as long as the server (a scheduled job, say): closed by {@link
     * SloServer#close} after the monitor, in the order added.
     */
    public Builder closeWith(AutoCloseable companion) {
      companions.add(Objects.requireNonNull(companion, "companion"));
      return this;
    }

    /** Where events are read from. Required. */
    public Builder source(EventSource source) {
      monitor.source(source);
      return this;
    }

    /** Where SLOs, alert rules and history live; default a new in-memory store. */
    public Builder store(SloStore store) {
      monitor.store(store);
      return this;
    }

    /** See {@link Monitor.Builder#fleet}: evaluate only the SLOs of the shards owned. */
    public Builder fleet(dev.slo.core.store.FleetCoordinator fleet) {
      monitor.fleet(fleet);
      return this;
    }

    /**
     * See {@link Monitor.Builder#outbox}: statuses and events saved together, events sent from the
     * outbox, and status and error-budget reads answered from the saved snapshots.
     */
    public Builder outbox(dev.slo.core.store.StatusOutbox outbox) {
      monitor.outbox(outbox);
      return this;
    }

    /** See {@link Monitor.Builder#outboxBounds}. */
    @Override
    public Builder outboxBounds(Duration maxAge, int maxEvents) {
      monitor.outboxBounds(maxAge, maxEvents);
      return this;
    }

    /** SLOs stored at build time: created, or updated when the store has them. */
    public Builder slos(List<Slo> slos) {
      monitor.slos(slos);
      return this;
    }

    /** See {@link Monitor.Builder#writeHistory}. */
    public Builder writeHistory(boolean write) {
      monitor.writeHistory(write);
      return this;
    }

    /** Budget corrections applied to every evaluation; default none. */
    public Builder corrections(dev.slo.core.correction.Corrections corrections) {
      monitor.corrections(corrections);
      return this;
    }

    /** Adds a sink for events; see {@link EventSinks}. */
    @Override
    public Builder sink(EventSink sink) {
      monitor.sink(sink);
      return this;
    }

    /** The clock evaluations and the API read; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      monitor.clock(clock);
      return this;
    }

    /** Time between evaluations; at least 1s (default 60s), checked by {@link #build}. */
    @Override
    public Builder interval(Duration interval) {
      this.interval = interval;
      monitor.interval(interval);
      return this;
    }

    /**
     * Clear evaluations before a firing tier resolves; at least 1 (default 3).
     *
     * @throws ValidationException for {@code resolve_after}: {@code 0: use at least 1}
     */
    public Builder resolveAfter(int evaluations) {
      monitor.resolveAfter(SettingText.atLeastOne("resolve_after", evaluations));
      return this;
    }

    /** Address and port to listen on; port 0 picks a free one. */
    @Override
    public Builder bind(InetSocketAddress address) {
      this.bind = Objects.requireNonNull(address, "bind");
      return this;
    }

    /**
     * Listens on the address set so far (default 127.0.0.1) at {@code port}, 0 to 65535 (0 picks a
     * free one).
     *
     * @throws ValidationException for {@code port}: {@code 70000: use 0 to 65535}
     */
    public Builder port(int port) {
      this.bind = new InetSocketAddress(bind.getHostString(), SettingText.port(port));
      return this;
    }

    /**
     * HTTP worker threads, at least 1 (default two per CPU, at least 4).
     *
     * @throws ValidationException for {@code threads}: {@code 0: use at least 1}
     */
    public Builder threads(int threads) {
      this.threads = SettingText.atLeastOne("threads", threads);
      return this;
    }

    /**
     * Sends firing alert tiers to Alertmanager at {@code baseUrl} ({@link EventSinks#alertmanager}
     * with {@link DeliveryPolicy#DEFAULT}); like Prometheus, an alert expires four intervals (at
     * least five minutes) after the last send. The sink is made at {@link #build}, after the
     * others.
     */
    @Override
    public Builder alertmanager(URI baseUrl) {
      alertmanagers.add(Objects.requireNonNull(baseUrl, "alertmanager"));
      return this;
    }

    /** How long Alertmanager keeps an alert sent every {@code interval}: 4 intervals, >= 5 min. */
    static Duration alertmanagerTtl(Duration interval) {
      if (interval == null) {
        return Duration.ofMinutes(5); // build refuses the missing interval
      }
      Duration ttl = interval.multipliedBy(4);
      return ttl.compareTo(Duration.ofMinutes(5)) < 0 ? Duration.ofMinutes(5) : ttl;
    }

    /**
     * HTTP deadlines and the connection cap: {@code request} for a request's headers, for its body
     * and for writing the answer, {@code idle} for a keep-alive connection between requests; sizes
     * keep {@link HttpLimits#DEFAULT}'s.
     */
    @Override
    public Builder timeouts(Duration request, Duration idle, int maxConnections) {
      HttpLimits d = HttpLimits.DEFAULT;
      return limits(
          new HttpLimits(
              request,
              request,
              idle,
              request,
              maxConnections,
              d.maxHeaderBytes(),
              d.maxBodyBytes()));
    }

    /**
     * An id for this process as a fleet replica ({@link #fleet}): the host name ({@code HOSTNAME},
     * else "slo"), the process id and eight random hex digits, so a restarted replica is new.
     */
    public static String replicaId() {
      return System.getenv().getOrDefault("HOSTNAME", "slo")
          + "-"
          + ProcessHandle.current().pid()
          + "-"
          + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Deadlines and sizes of HTTP requests (default {@link HttpLimits#DEFAULT}). */
    public Builder limits(HttpLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** False to evaluate only through {@link SloServer#evaluateNow} (default true). */
    public Builder schedule(boolean schedule) {
      this.schedule = schedule;
      return this;
    }

    /** How long {@link SloServer#close} waits for the pass in flight and the sinks (10s). */
    public Builder grace(Duration grace) {
      this.grace = Objects.requireNonNull(grace, "grace");
      return this;
    }

    @Override
    PrintWriter log() {
      return log;
    }

    /** Where one-line warnings go; default standard error. */
    public Builder log(PrintWriter log) {
      this.log = Objects.requireNonNull(log, "log");
      monitor.log(log);
      return this;
    }

    /**
     * Binds the port and builds the server; call {@link SloServer#start} to serve.
     *
     * @throws ValidationException naming the first bad setting
     * @throws dev.slo.core.InvalidInputException when the address cannot be bound
     */
    public SloServer build() {
      checkAccess(bind, log);
      for (URI am : alertmanagers) {
        monitor.sink(
            EventSinks.alertmanager(am, DeliveryPolicy.DEFAULT, alertmanagerTtl(interval), log));
      }
      return new SloServer(this, monitor.build());
    }
  }
}
