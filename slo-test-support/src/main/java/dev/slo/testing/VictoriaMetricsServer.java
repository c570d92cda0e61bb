package dev.slo.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real single-node VictoriaMetrics on a free loopback port, in its own data directory, loaded
 * with the same samples as {@link PrometheusServer} through {@code /api/v1/import/prometheus} (the
 * Prometheus exposition format, timestamps in milliseconds).
 */
public final class VictoriaMetricsServer implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/bin/victoria-metrics");

  private final Process process;
  public final URI url;
  private final Path dir;

  private VictoriaMetricsServer(Process process, URI url, Path dir) {
    this.process = process;
    this.url = url;
    this.dir = dir;
  }

  /** Skips the test (fails it under CI=true) when the binary is not installed. */
  public static void assumeInstalled() {
    Servers.require(
        Files.isExecutable(BINARY),
        "victoria-metrics is not installed (apt-get install victoria-metrics)");
  }

  /** Starts VictoriaMetrics and imports {@code openMetrics} (timestamps in seconds). */
  public static VictoriaMetricsServer start(Path dir, String openMetrics) throws Exception {
    assumeInstalled();
    int port = PrometheusServer.freePort();
    Process p =
        new ProcessBuilder(
                BINARY.toString(),
                "-storageDataPath=" + dir.resolve("vm-data"),
                "-retentionPeriod=100y",
                "-httpListenAddr=127.0.0.1:" + port,
                "-search.latencyOffset=0s",
                "-search.disableCache")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("victoria-metrics.log").toFile())
            .start();
    VictoriaMetricsServer s =
        new VictoriaMetricsServer(p, URI.create("http://127.0.0.1:" + port), dir);
    try {
      s.awaitReady();
      s.importExposition(exposition(openMetrics));
    } catch (Exception e) {
      s.close();
      throw e;
    }
    return s;
  }

  /** The same samples in the Prometheus exposition format: no {@code # EOF}, milliseconds. */
  static String exposition(String openMetrics) {
    StringBuilder b = new StringBuilder(openMetrics.length() + openMetrics.length() / 8);
    for (String line : openMetrics.split("\n")) {
      if (line.startsWith("#")) {
        if (!line.equals("# EOF")) {
          b.append(line).append('\n');
        }
        continue;
      }
      b.append(line).append("000\n");
    }
    return b.toString();
  }

  private void importExposition(String text) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(url.resolve("/api/v1/import/prometheus"))
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("import failed: HTTP " + r.statusCode() + " " + r.body());
    }
    http.send(
        HttpRequest.newBuilder(url.resolve("/internal/force_flush")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void awaitReady() throws Exception {
    Servers.awaitReady(
        process, url.resolve("/health"), dir.resolve("victoria-metrics.log"), "victoria-metrics");
  }

  @Override
  public void close() {
    Servers.stop(process);
  }
}
