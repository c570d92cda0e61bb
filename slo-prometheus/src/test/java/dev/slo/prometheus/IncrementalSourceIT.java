package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.testing.PrometheusServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental source against a real Prometheus that scrapes live counters every second (with
 * their own timestamps and an out-of-order window, so a test can write a sample late): every pass
 * must give the same evaluation as a full exact read at the same instant, across a counter reset, a
 * sample written late inside the refetch span, and a restart (a new source).
 */
class IncrementalSourceIT {
  @TempDir Path dir;
  HttpServer target;
  Process prometheus;
  URI url;
  volatile String exposition = "";

  @BeforeEach
  void start() throws Exception {
    PrometheusServer.assumeInstalled();
    target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.createContext(
        "/metrics",
        x -> {
          byte[] body = exposition.getBytes(StandardCharsets.UTF_8);
          x.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
          x.sendResponseHeaders(200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    target.start();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
            + "storage:\n  tsdb:\n    out_of_order_time_window: 2h\n"
            + "scrape_configs:\n  - job_name: live\n    honor_timestamps: true\n"
            + "    static_configs:\n      - targets: ['127.0.0.1:"
            + target.getAddress().getPort()
            + "']\n");
    int port = PrometheusServer.freePort();
    prometheus =
        new ProcessBuilder(
                PrometheusServer.PROMETHEUS.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    url = URI.create("http://127.0.0.1:" + port);
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(url.resolve("/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          break;
        }
      } catch (java.io.IOException e) {
        // not up yet
      }
      if (System.nanoTime() > deadline || !prometheus.isAlive()) {
        throw new IllegalStateException(
            "prometheus did not start: " + Files.readString(dir.resolve("prometheus.log")));
      }
      Thread.sleep(100);
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly();
      }
    }
    if (target != null) {
      target.stop(0);
    }
  }

  /** Exposes one sample of each series and waits until Prometheus has it. */
  private void expose(PrometheusClient client, Instant ts, long ok, long failed) throws Exception {
    long ms = ts.toEpochMilli();
    exposition =
        "http_requests_total{service=\"checkout\",code=\"200\"} "
            + ok
            + " "
            + ms
            + "\nhttp_requests_total{service=\"checkout\",code=\"500\"} "
            + failed
            + " "
            + ms
            + "\n";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String q = "http_requests_total{service=\"checkout\"}[1d]";
    while (true) {
      int seen = 0;
      for (QueryResult.Series s : client.query(q, Instant.now()).series()) {
        for (long t : s.millis()) {
          seen += t == ms ? 1 : 0;
        }
      }
      if (seen == 2) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("prometheus did not scrape the sample at " + ts);
      }
      Thread.sleep(200);
    }
  }

  private static Evaluation full(PrometheusClient client, Slo slo, Instant at) {
    return new Evaluator()
        .evaluate(
            slo,
            new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5)),
            at);
  }

  @Test
  void everyPassEqualsAFullReadAcrossAResetALateSampleAndARestart() throws Exception {
    PrometheusClient client = PrometheusClient.builder(url).build();
    Slo slo = PrometheusSourceIT.counters("live", TimePeriod.ROLLING_7D);
    Instant base =
        Instant.now()
            .minus(Duration.ofMinutes(40))
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    PrometheusSource inc =
        new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5))
            .incremental();
    long ok = 1000;
    long failed = 10;
    for (int m = 0; m <= 30; m++) {
      ok += 100 + m;
      failed += m % 4 == 0 ? 3 : 0;
      if (m == 12) {
        ok = 40; // the service restarted: its counters start again
        failed = 1;
      }
      Instant ts = base.plusSeconds(60L * m);
      expose(client, ts, ok, failed);
      if (m % 5 == 0 || m == 12 || m == 13 || m == 21) {
        Instant at = ts.plusSeconds(1);
        Evaluation got = new Evaluator().evaluate(slo, inc, at);
        assertThat(got).as("pass at minute " + m).isEqualTo(full(client, slo, at));
      }
      if (m == 20) {
        // written after the pass at minute 20 read past it, between two samples that pass read,
        // with a dip the increase counts as a reset: the next pass must see it
        Instant late = ts.minusSeconds(30);
        Evaluation before = full(client, slo, ts.plusSeconds(1));
        expose(client, late, 5, 0);
        assertThat(full(client, slo, ts.plusSeconds(1))).isNotEqualTo(before);
      }
    }
    // three series (the total's two and the failed one), 31 samples and the late one each
    assertThat(inc.keptSamples()).isEqualTo(3L * 32);
    // a restart: a new source reads everything once, then goes on incrementally
    PrometheusSource restarted =
        new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5))
            .incremental();
    for (int m = 31; m <= 33; m++) {
      ok += 7;
      Instant ts = base.plusSeconds(60L * m);
      expose(client, ts, ok, failed);
      Instant at = ts.plusSeconds(1);
      assertThat(new Evaluator().evaluate(slo, restarted, at))
          .as("after the restart, minute " + m)
          .isEqualTo(full(client, slo, at))
          .isEqualTo(new Evaluator().evaluate(slo, inc, at));
    }
  }
}
