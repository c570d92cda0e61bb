package dev.slo.examples.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.tracker.SloRecorder;
import dev.slo.core.tracker.SloTracker;
import dev.slo.micrometer.MeterSli;
import dev.slo.micrometer.MeterSliFeeder;
import dev.slo.micrometer.SloMeterBinder;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A small service that tracks two SLOs of its own {@code /checkout} endpoint:
 *
 * <ul>
 *   <li>{@code checkout-availability}: 99.9% of requests answered without a 5xx, counted by the
 *       handler with {@link SloRecorder#recordGood()} / {@link SloRecorder#recordBad()};
 *   <li>{@code checkout-latency}: 99% of requests within 300 ms, read from the service's own
 *       Micrometer timer {@code http.server.requests} by a {@link MeterSliFeeder}.
 * </ul>
 *
 * {@code GET /metrics} is the Prometheus scrape, with the {@code slo_*} gauges beside the service's
 * own meters. With {@code --state FILE} the tracker's counts are saved on shutdown and restored at
 * start, so the budget survives a restart.
 *
 * <p>Run: {@code java -cp ... dev.slo.examples.embedded.EmbeddedService --port 8080 --state
 * slo-state.bin}, then {@code curl localhost:8080/checkout}, {@code curl
 * 'localhost:8080/checkout?fail=true'} and {@code curl localhost:8080/metrics}.
 */
public final class EmbeddedService {
  private final HttpServer server;
  private final SloTracker tracker;
  private final @Nullable Path state; // null: counts are not kept across restarts

  private EmbeddedService(int port, @Nullable Path state) throws IOException {
    this.state = state;
    Clock clock = Clock.systemUTC();
    List<Slo> slos =
        List.of(
            Slo.builder()
                .sloId("checkout-availability")
                .sloName("Checkout availability")
                .serviceName("checkout")
                .sloType(SloType.AVAILABILITY)
                .targetPercentage(99.9)
                .timePeriod(TimePeriod.ROLLING_30D)
                .build(),
            Slo.builder()
                .sloId("checkout-latency")
                .sloName("Checkout within 300 ms")
                .serviceName("checkout")
                .sloType(SloType.LATENCY)
                .targetPercentage(99)
                .timePeriod(TimePeriod.ROLLING_7D)
                .build());
    SloTracker.Builder builder = SloTracker.builder(clock).addAll(slos);
    this.tracker =
        state != null && Files.exists(state)
            ? SloTracker.restore(Files.readAllBytes(state), builder)
            : builder.build();

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // evaluate on every scrape: one evaluation costs microseconds
    SloMeterBinder.of(tracker, Duration.ZERO).bindTo(registry);
    MeterSliFeeder feeder =
        MeterSliFeeder.builder(registry, tracker)
            .add(
                "checkout-latency",
                MeterSli.latency("http.server.requests{uri=\"/checkout\"}", Duration.ofMillis(300)))
            .build();
    SloRecorder availability = tracker.recorder("checkout-availability");

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/checkout",
        ex -> {
          long start = System.nanoTime();
          boolean fail = String.valueOf(ex.getRequestURI().getQuery()).contains("fail=true");
          int status = fail ? 500 : 200;
          respond(ex, status, fail ? "payment backend down\n" : "ok\n", "text/plain");
          if (status < 500) {
            availability.recordGood();
          } else {
            availability.recordBad();
          }
          Timer.builder("http.server.requests")
              .tags("uri", "/checkout", "status", Integer.toString(status))
              .serviceLevelObjectives(Duration.ofMillis(300))
              .register(registry)
              .record(Duration.ofNanos(System.nanoTime() - start));
        });
    server.createContext(
        "/metrics",
        ex -> {
          feeder.poll();
          respond(ex, 200, registry.scrape(), "text/plain; version=0.0.4; charset=utf-8");
        });
  }

  private static void respond(HttpExchange ex, int status, String body, String type)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void start() {
    server.start();
    System.out.println("listening on port " + server.getAddress().getPort());
    System.out.flush();
  }

  /** Stops serving and writes the tracker's snapshot to the state file, if one was given. */
  private void stop() {
    server.stop(0);
    if (state != null) {
      try {
        Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
        Files.write(tmp, tracker.snapshot());
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        System.err.println(state + ": cannot save the SLO snapshot: " + e.getMessage());
      }
    }
  }

  /**
   * Starts the service.
   *
   * @param args {@code [--port N] [--state FILE]}; port 0 picks a free one
   */
  public static void main(String[] args) throws Exception {
    int port = 8080;
    @Nullable Path state = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--state" -> state = Path.of(args[++i]);
        default -> {
          System.err.println(args[i] + " is not an option: use --port N and --state FILE");
          System.exit(2);
        }
      }
    }
    EmbeddedService service = new EmbeddedService(port, state);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.stop();
                  stopped.countDown();
                }));
    service.start();
    stopped.await();
  }
}
