package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slo.testing.Servers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real Alertmanager (Debian package prometheus-alertmanager), started on loopback. */
class AlertmanagerIT {
  private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private Process alertmanager;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    Servers.require(
        Files.isExecutable(BINARY),
        "prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager)");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path config =
        Files.writeString(
            dir.resolve("alertmanager.yml"),
            "route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n");
    alertmanager =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    base = URI.create("http://127.0.0.1:" + port);
    await(() -> get("/-/ready").statusCode() == 200, "Alertmanager ready");
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (alertmanager != null) {
      alertmanager.destroy();
      alertmanager.waitFor();
    }
  }

  private HttpResponse<String> get(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(base.resolve(path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<JsonNode> alerts() {
    HttpResponse<String> r = get("/api/v2/alerts?active=true");
    List<JsonNode> out = new ArrayList<>();
    if (r != null && r.statusCode() == 200) {
      Harness.json(r).forEach(out::add);
    }
    return out;
  }

  private void await(Check c, String what) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < until) {
      try {
        if (c.ok()) {
          return;
        }
      } catch (NullPointerException e) {
        // not up yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "timed out waiting for "
            + what
            + "; log: "
            + Files.readString(dir.resolve("alertmanager.log")));
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static Predicate<JsonNode> tier(String name) {
    return a -> a.get("labels").get("tier").asText().equals(name);
  }

  @Test
  void shouldSendAnAlertThatArrivesAndResolves() throws Exception {
    // Alertmanager judges endsAt against its own clock, so this server runs on the real one.
    try (Harness h = new Harness(c -> Harness.with(c, null, null, null, base), Clock.systemUTC())) {
      h.source.burn();
      h.server.evaluateNow();
      await(() -> alerts().stream().anyMatch(tier("page_1h_5m")), "the page alert");
      JsonNode a = alerts().stream().filter(tier("page_1h_5m")).findFirst().orElseThrow();
      assertThat(a.get("labels").get("alertname").asText()).isEqualTo("SloErrorBudgetBurn");
      assertThat(a.get("labels").get("slo_id").asText()).isEqualTo("api");
      assertThat(a.get("labels").get("service").asText()).isEqualTo("api");
      assertThat(a.get("labels").get("severity").asText()).isEqualTo("page");
      assertThat(a.get("status").get("state").asText()).isEqualTo("active");
      assertThat(a.get("annotations").get("summary").asText()).contains("20.00x over 1h");

      h.source.calm();
      for (int i = 0; i < 3; i++) { // --resolve-after 3
        h.server.evaluateNow();
      }
      await(
          () ->
              alerts().stream()
                  .noneMatch(x -> x.get("labels").get("slo_id").asText().equals("api")),
          "the alerts to resolve");
    }
  }
}
