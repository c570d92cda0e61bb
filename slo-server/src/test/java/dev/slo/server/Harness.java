package dev.slo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.store.InMemoryStore;
import dev.slo.core.store.SloStore;
import dev.slo.testing.MutableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** A server on a free loopback port with a scripted source and a hand-moved clock. */
final class Harness implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant START = Instant.parse("2026-11-20T12:00:00Z");
  static final String SPEC =
      """
      slos:
        - slo_id: api
          slo_name: API availability
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_30D
        - slo_id: web
          slo_name: Web latency
          service_name: web
          slo_type: LATENCY
          target_percentage: 99
          time_period: ROLLING_24H
        - slo_id: off
          slo_name: Disabled
          service_name: web
          slo_type: CUSTOM
          target_percentage: 90
          time_period: ROLLING_1H
          enabled: false
      """;

  final ScriptedSource source;
  final MutableClock clock = new MutableClock(START);
  final SloStore store;
  final StringWriter out = new StringWriter();
  final StringWriter log = new StringWriter();
  final SloServer server;
  final HttpClient http = HttpClient.newHttpClient();

  Harness() {
    this(c -> c);
  }

  /**
   * The settings tests vary, mapped onto {@link SloServer.Builder} by {@link #server}.
   *
   * @param schedule false to evaluate only through evaluateNow
   */
  record Config(
      InetSocketAddress bind,
      Duration interval,
      boolean schedule,
      int resolveAfter,
      int threads,
      String token,
      Path eventsFile,
      boolean eventsStdout,
      URI webhook,
      URI alertmanager,
      DeliveryPolicy delivery,
      Duration grace) {}

  /** A started server with the settings of {@code c}. */
  static SloServer server(
      Config c,
      SloStore store,
      boolean writeHistory,
      EventSource source,
      List<Slo> slos,
      Clock clock,
      PrintWriter out,
      PrintWriter log) {
    return server(c, store, writeHistory, source, slos, clock, out, log, b -> b);
  }

  /** As above, with {@code more} applied to the builder last. */
  static SloServer server(
      Config c,
      SloStore store,
      boolean writeHistory,
      EventSource source,
      List<Slo> slos,
      Clock clock,
      PrintWriter out,
      PrintWriter log,
      UnaryOperator<SloServer.Builder> more) {
    SloServer.Builder b =
        SloServer.builder()
            .bind(c.bind())
            .interval(c.interval())
            .schedule(c.schedule())
            .resolveAfter(c.resolveAfter())
            .threads(c.threads())
            .token(c.token())
            .grace(c.grace())
            .store(store)
            .writeHistory(writeHistory)
            .source(source)
            .slos(slos)
            .clock(clock)
            .log(log);
    if (c.eventsFile() != null) {
      b.sink(EventSinks.file(c.eventsFile()));
    }
    if (c.eventsStdout()) {
      b.sink(EventSinks.stream(out));
    }
    if (c.webhook() != null) {
      b.sink(EventSinks.webhook(c.webhook(), c.delivery(), log));
    }
    if (c.alertmanager() != null) {
      Duration ttl = c.interval().multipliedBy(4);
      b.sink(
          EventSinks.alertmanager(
              c.alertmanager(),
              c.delivery(),
              ttl.compareTo(Duration.ofMinutes(5)) < 0 ? Duration.ofMinutes(5) : ttl,
              log));
    }
    return more.apply(b).build().start();
  }

  Harness(UnaryOperator<Config> tweak) {
    this(tweak, (Clock) null);
  }

  Harness(UnaryOperator<Config> tweak, UnaryOperator<SloServer.Builder> more) {
    this(tweak, null, new ScriptedSource(), null, more);
  }

  Harness(UnaryOperator<Config> tweak, Clock realClock) {
    this(tweak, realClock, new ScriptedSource());
  }

  Harness(UnaryOperator<Config> tweak, Clock realClock, ScriptedSource source) {
    this(tweak, realClock, source, null, b -> b);
  }

  Harness(
      UnaryOperator<Config> tweak,
      Clock realClock,
      ScriptedSource source,
      SloStore backing,
      UnaryOperator<SloServer.Builder> more) {
    this.source = source;
    this.store = backing == null ? new InMemoryStore(clock, 1000) : backing;
    server =
        server(
            tweak.apply(config()),
            store,
            true,
            source,
            SpecParser.parse("test.yaml", SPEC).slos(),
            realClock == null ? clock : realClock,
            new PrintWriter(out, true),
            new PrintWriter(log, true),
            more);
  }

  static Config config() {
    return new Config(
        new InetSocketAddress("127.0.0.1", 0),
        Duration.ofMinutes(1),
        false,
        3,
        4,
        null,
        null,
        false,
        null,
        null,
        new DeliveryPolicy(100, 4, Duration.ofMillis(50), Duration.ofSeconds(2)),
        Duration.ofMillis(900));
  }

  static Config with(Config c, String token, Path events, URI webhook, URI am) {
    return new Config(
        c.bind(),
        c.interval(),
        c.schedule(),
        c.resolveAfter(),
        c.threads(),
        token,
        events,
        c.eventsStdout(),
        webhook,
        am,
        c.delivery(),
        c.grace());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> post(String path, String body) {
    return post(path, body, null);
  }

  HttpResponse<String> post(String path, String body, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.build());
  }

  HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves the clock one minute and evaluates. */
  void tick() {
    clock.advance(Duration.ofMinutes(1));
    server.evaluateNow();
  }

  @Override
  public void close() {
    server.close();
  }
}
