package dev.slo.cli.serve;

import dev.slo.core.source.EventSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A running {@code slo serve}: monitor, sinks and HTTP server wired together. {@link #close} is
 * graceful and idempotent: it stops accepting requests, finishes the evaluation in flight and
 * flushes the sinks. Thread-safe.
 */
public final class SloServer implements AutoCloseable {
  /**
   * Server settings.
   *
   * @param bind address and port (0: any free port)
   * @param interval time between the end of one pass and the start of the next
   * @param schedule false to evaluate only through {@link #evaluateNow} (tests)
   * @param resolveAfter clear evaluations before a firing tier resolves
   * @param threads HTTP worker threads
   * @param token bearer token for write endpoints, or null for none
   * @param eventsFile JSON Lines file for events, or null
   * @param eventsStdout true to print events to {@code out}
   * @param webhook URL to POST each event to, or null
   * @param alertmanager Alertmanager base URL, or null
   * @param delivery webhook and Alertmanager delivery policy
   * @param grace how long close waits for the pass in flight and the sinks
   */
  public record Config(
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

  private final Monitor monitor;
  private final ApiServer http;
  private final Duration grace;
  private final CountDownLatch closed = new CountDownLatch(1);
  private boolean closing;

  private SloServer(Monitor monitor, ApiServer http, Duration grace) {
    this.monitor = monitor;
    this.http = http;
    this.grace = grace;
  }

  /** Binds, and starts serving and (when configured) evaluating. */
  public static SloServer start(
      Config c,
      SloRegistry registry,
      EventSource source,
      HistoryStore history,
      Clock clock,
      PrintWriter out,
      PrintWriter log) {
    List<EventSink> sinks = new ArrayList<>();
    if (c.eventsFile() != null) {
      sinks.add(LineSink.file(c.eventsFile()));
    }
    if (c.eventsStdout()) {
      sinks.add(LineSink.stream(out));
    }
    if (c.webhook() != null) {
      sinks.add(new WebhookSink(new HttpDelivery("webhook", c.webhook(), c.delivery(), log)));
    }
    if (c.alertmanager() != null) {
      URI am = URI.create(c.alertmanager().toString().replaceAll("/+$", "") + "/api/v2/alerts");
      // Like Prometheus: firing alerts expire 4 intervals (at least 5 minutes) after the last send.
      java.time.Duration ttl = c.interval().multipliedBy(4);
      if (ttl.compareTo(java.time.Duration.ofMinutes(5)) < 0) {
        ttl = java.time.Duration.ofMinutes(5);
      }
      sinks.add(new AlertmanagerSink(new HttpDelivery("alertmanager", am, c.delivery(), log), ttl));
    }
    Monitor monitor =
        new Monitor(
            registry,
            source,
            history,
            sinks,
            clock,
            c.interval(),
            new Hysteresis(c.resolveAfter()),
            log);
    SloApi api =
        new SloApi(
            registry, history, monitor, new ExporterExposition(), clock, c.token(), openApi());
    ApiServer http = new ApiServer(c.bind(), api, c.threads(), log);
    http.start();
    if (c.schedule()) {
      monitor.start();
    }
    return new SloServer(monitor, http, c.grace());
  }

  /** The bound port. */
  public int port() {
    return http.port();
  }

  /** Runs one evaluation pass now, in the caller's thread. */
  public void evaluateNow() {
    monitor.evaluateNow();
  }

  Monitor monitor() {
    return monitor;
  }

  /** Blocks until {@link #close} has finished. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
    }
    try {
      http.stop(grace.compareTo(Duration.ofSeconds(1)) < 0 ? 0 : 1);
      monitor.close(grace);
    } finally {
      closed.countDown();
    }
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
}
