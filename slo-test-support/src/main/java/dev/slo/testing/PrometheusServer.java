package dev.slo.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Servers.awaitReady(
        process, url.resolve("/-/ready"), dir.resolve("prometheus.log"), "prometheus");
  }

  @Override
  public void close() {
    Servers.stop(process);
  }
}
