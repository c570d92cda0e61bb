package dev.slo.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Prometheus on a free loopback port over a backfilled data directory. */
public final class PrometheusServer implements AutoCloseable {
  public static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  public static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  private final Process process;
  public final URI url;
  public final Path dir;

  private PrometheusServer(Process process, URI url, Path dir) {
    this.process = process;
    this.url = url;
    this.dir = dir;
  }

  /** Skips the test (fails it under CI=true) when the binaries are not installed. */
  public static void assumeInstalled() {
    Servers.require(
        Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL),
        "prometheus and promtool are not installed (apt-get install prometheus)");
  }

  /** Backfills {@code openMetrics} into a new data dir and starts Prometheus over it. */
  public static PrometheusServer start(Path dir, String openMetrics) throws Exception {
    assumeInstalled();
    Path input = dir.resolve("input.om");
    Files.writeString(input, openMetrics);
    Path data = dir.resolve("data");
    run(
        dir,
        List.of(
            PROMTOOL.toString(),
            "tsdb",
            "create-blocks-from",
            "openmetrics",
            "--max-block-duration=1458h",
            input.toString(),
            data.toString()));
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  scrape_interval: 1h\nscrape_configs: []\n");
    int port = freePort();
    Process p =
        new ProcessBuilder(
                PROMETHEUS.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + data,
                "--storage.tsdb.retention.time=100y",
                "--web.listen-address=127.0.0.1:" + port,
                "--query.lookback-delta=5m")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    PrometheusServer s = new PrometheusServer(p, URI.create("http://127.0.0.1:" + port), dir);
    s.awaitReady();
    return s;
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public static String run(Path dir, List<String> command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }

  private void awaitReady() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(url.resolve("/-/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("prometheus not ready within 60 s");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
