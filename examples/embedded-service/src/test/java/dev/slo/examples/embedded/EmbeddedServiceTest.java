package dev.slo.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the example as its own JVM: requests come in, the tracker counts them, a burst of errors
 * makes the page tier fire in the Prometheus scrape, and after a restart from the saved snapshot
 * the budget is where it was.
 */
class EmbeddedServiceTest {
  static final String AVAIL = "service=\"checkout\",slo_id=\"checkout-availability\"";
  static final String LATENCY = "service=\"checkout\",slo_id=\"checkout-latency\"";

  @TempDir Path dir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aBurstOfErrorsFiresThePageTierAndTheBudgetSurvivesARestart() throws Exception {
    Path state = dir.resolve("slo-state.bin");
    Process first = start(state);
    int port = port(first);
    for (int i = 0; i < 200; i++) {
      assertThat(get(port, "/checkout").statusCode()).isEqualTo(200);
    }
    String calm = get(port, "/metrics").body();
    assertThat(value(calm, "slo_alert_firing{" + AVAIL + ",tier=\"page_1h_5m\"}")).isZero();
    assertThat(value(calm, "slo_status{" + AVAIL + "}")).isZero();
    assertThat(value(calm, "slo_sli_ratio{" + AVAIL + "}")).isEqualTo(1.0);

    for (int i = 0; i < 30; i++) {
      assertThat(get(port, "/checkout?fail=true").statusCode()).isEqualTo(500);
    }
    String burning = get(port, "/metrics").body();
    assertThat(value(burning, "slo_alert_firing{" + AVAIL + ",tier=\"page_1h_5m\"}"))
        .isEqualTo(1.0);
    assertThat(value(burning, "slo_alert_firing{" + AVAIL + ",tier=\"page_6h_30m\"}"))
        .isEqualTo(1.0);
    assertThat(value(burning, "slo_burn_rate{" + AVAIL + ",window=\"5m\"}"))
        .isEqualTo(30.0 / 230 / 0.001, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(value(burning, "slo_sli_ratio{" + AVAIL + "}")).isEqualTo(200.0 / 230);
    // the latency SLO comes from the service's own timer, as its 300 ms bucket shows in the scrape
    double fast = sum(burning, "http_server_requests_seconds_bucket{", "le=\"0.3\"");
    double all = sum(burning, "http_server_requests_seconds_count{", "uri=\"/checkout\"");
    assertThat(all).isEqualTo(230);
    assertThat(value(burning, "slo_sli_ratio{" + LATENCY + "}")).isEqualTo(fast / all);
    double remaining = value(burning, "slo_error_budget_remaining_ratio{" + AVAIL + "}");
    assertThat(remaining).isLessThan(0);

    first.destroy(); // SIGTERM: the shutdown hook saves the snapshot
    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(state).exists();

    Process second = start(state);
    String restored = get(port(second), "/metrics").body();
    assertThat(value(restored, "slo_error_budget_remaining_ratio{" + AVAIL + "}"))
        .isEqualTo(remaining);
    assertThat(value(restored, "slo_sli_ratio{" + AVAIL + "}")).isEqualTo(200.0 / 230);
  }

  private Process start(Path state) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx128m",
                "-cp",
                cp,
                EmbeddedService.class.getName(),
                "--port",
                "0",
                "--state",
                state.toString())
            .redirectError(dir.resolve("stderr-" + started.size() + ".txt").toFile())
            .start();
    started.add(p);
    return p;
  }

  private static int port(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
    Matcher m = Pattern.compile("listening on port (\\d+)").matcher(String.valueOf(line));
    assertThat(m.matches()).as("first line of the service: " + line).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static String readLine(BufferedReader r) {
    try {
      return r.readLine();
    } catch (IOException e) {
      return "read failed: " + e.getMessage();
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  /** The sum of the sample lines that start with {@code prefix} and contain {@code part}. */
  static double sum(String scrape, String prefix, String part) {
    double s = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(prefix) && line.contains(part)) {
        s += Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split(" ")[0]);
      }
    }
    return s;
  }

  /** The value of one sample line of a Prometheus scrape. */
  static double value(String scrape, String series) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
      }
    }
    throw new AssertionError(series + " is not in the scrape:\n" + scrape);
  }
}
