package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.Window;
import dev.slo.jdbc.JdbcStore;
import dev.slo.prometheus.PrometheusClient;
import dev.slo.prometheus.PrometheusSource;
import dev.slo.testing.MutableClock;
import dev.slo.testing.PrometheusServer;
import dev.slo.testing.TestDatabase;
import dev.slo.testing.Workload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** slo serve over a real Prometheus (exact mode) with a real PostgreSQL store. */
class EndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPEC =
      """
      slos:
        - slo_id: checkout
          slo_name: Checkout availability
          service_name: checkout
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_30D
          bad_counter: 'http_requests_total{service="checkout",code="500"}'
          total_counter: 'http_requests_total{service="checkout"}'
      """;

  @TempDir Path dir;

  @Test
  void shouldServeStatusFromPrometheusAndKeepExactHistoryInPostgres() throws Exception {
    PrometheusServer.assumeInstalled();
    String url = TestDatabase.freshSchema("slo_serve_e2e");
    Workload w = new Workload();
    Instant t0 = Workload.END.minus(Duration.ofHours(4));
    MutableClock clock = new MutableClock(t0);
    try (PrometheusServer prom = PrometheusServer.start(dir, w.openMetrics());
        JdbcStore store = JdbcStore.open(url)) {
      PrometheusSource source =
          new PrometheusSource(
              PrometheusClient.builder(prom.url).build(),
              PrometheusSource.Mode.EXACT,
              Duration.ofMinutes(5));
      SloServer server =
          Harness.server(
              Harness.config(),
              store,
              true,
              source,
              SpecParser.parse("e2e.yaml", SPEC).slos(),
              clock,
              new PrintWriter(new StringWriter(), true),
              new PrintWriter(new StringWriter(), true));
      try {
        server.evaluateNow();
        clock.advance(Duration.ofMinutes(50)); // into the incident
        server.evaluateNow();
        Instant t1 = t0.plus(Duration.ofMinutes(50));
        JsonNode status = get(server, "/api/v1/slos/checkout/status");
        assertThat(status.get("status").asText()).isEqualTo("CRITICAL");
        assertThat(status.get("last_updated").asText()).isEqualTo("2026-10-30T20:50:00.000Z");
        // the same numbers as the library gives for that instant
        var expected =
            new dev.slo.core.eval.Evaluator()
                .evaluate(store.slos().get("checkout").orElseThrow(), source, t1);
        assertThat(status.get("error_budget_remaining").asDouble())
            .isEqualTo(expected.errorBudgetRemaining());
        assertThat(status.get("burn_rate").asDouble()).isEqualTo(expected.burnRate());
        // the store holds exactly the events of (t0, t1], from Prometheus
        List<SliMetric> rows = store.history().history("checkout", new Window(t0, t1));
        assertThat(rows).hasSize(1);
        long good = 0;
        long total = 0;
        for (int i = 1; i <= Workload.MINUTES; i++) {
          Instant at = w.at(i);
          if (at.isAfter(t0) && !at.isAfter(t1)) {
            good += w.good[i];
            total += w.good[i] + w.bad[i];
          }
        }
        assertThat(rows.get(0).goodEvents()).isEqualTo(good);
        assertThat(rows.get(0).totalEvents()).isEqualTo(total);
        JsonNode history =
            get(
                server,
                "/api/v1/slos/checkout/history?start_time=2026-10-30T00:00:00Z&end_time=2026-10-31T00:00:00Z");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("total_events").asLong()).isEqualTo(total);
        // an SLO created through the API lands in the database
        HttpResponse<String> created =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(uri(server, "/api/v1/slos"))
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"slo_id\": \"checkout-7d\", \"slo_name\": \"Checkout 7d\","
                                    + " \"service_name\": \"checkout\", \"slo_type\": \"AVAILABILITY\","
                                    + " \"target_percentage\": 99.5, \"time_period\": \"ROLLING_7D\","
                                    + " \"bad_counter\": \"http_requests_total{code=\\\"500\\\"}\","
                                    + " \"total_counter\": \"http_requests_total\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(store.slos().get("checkout-7d")).isPresent();
      } finally {
        server.close();
      }
    }
  }

  private static URI uri(SloServer s, String path) {
    return URI.create("http://127.0.0.1:" + s.port() + path);
  }

  private static JsonNode get(SloServer s, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri(s, path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
