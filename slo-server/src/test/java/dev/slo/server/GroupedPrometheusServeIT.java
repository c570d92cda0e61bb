package dev.slo.server;

import static dev.slo.server.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slo.core.data.DataFileReader;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.store.InMemoryStore;
import dev.slo.prometheus.PrometheusClient;
import dev.slo.prometheus.PrometheusSource;
import dev.slo.testing.GroupedWorkload;
import dev.slo.testing.MutableClock;
import dev.slo.testing.PrometheusServer;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slo serve} over a real Prometheus (both modes) with a grouped SLO: each route is
 * discovered, evaluated and served as the same counts from a data file with a labels column give.
 */
class GroupedPrometheusServeIT {
  private static final String SPEC =
      """
      slos:
        - slo_id: shop
          slo_name: Shop availability
          service_name: shop
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_7D
          group_by: [route]
          bad_counter: 'shop_requests_total{service="shop",code="500"}'
          total_counter: 'shop_requests_total{service="shop"}'
      """;

  @TempDir Path dir;

  @Test
  void shouldServeEveryRouteAsTheDataFileGivesIt() throws Exception {
    PrometheusServer.assumeInstalled();
    GroupedWorkload w = new GroupedWorkload();
    Instant at = GroupedWorkload.END.minus(Duration.ofMinutes(20));
    Slo template = SpecParser.parse("s.yaml", SPEC).slos().get(0);
    EventSource file =
        DataFileReader.read(
                "shop.csv",
                new BufferedReader(new StringReader(w.csv("shop"))),
                null,
                Map.of("shop", List.of("route")))
            .source();
    HttpClient http = HttpClient.newHttpClient();
    try (PrometheusServer prom = PrometheusServer.start(dir, w.openMetrics())) {
      for (PrometheusSource.Mode mode : PrometheusSource.Mode.values()) {
        MutableClock clock = new MutableClock(at);
        PrometheusSource source =
            new PrometheusSource(
                PrometheusClient.builder(prom.url).build(), mode, Duration.ofMinutes(5));
        SloServer server =
            Harness.server(
                Harness.config(),
                new InMemoryStore(clock, 1000),
                true,
                source,
                List.of(template),
                clock,
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true));
        try {
          server.evaluateNow();
          JsonNode list = json(get(http, server, "/api/v1/slos"));
          List<String> groups = new ArrayList<>();
          list.get(0).get("groups").forEach(n -> groups.add(n.asText()));
          assertThat(groups)
              .as(mode.name())
              .containsExactly(
                  "shop{route=\"/cart\"}", "shop{route=\"/pay\"}", "shop{route=\"/search\"}");
          for (String route : GroupedWorkload.ROUTES) {
            Slo g = template.forGroup(Map.of("route", route));
            Evaluation expected = new Evaluator().evaluate(g, file, at);
            JsonNode status =
                json(
                    get(
                        http,
                        server,
                        "/api/v1/slos/"
                            + URLEncoder.encode(g.sloId(), StandardCharsets.UTF_8)
                            + "/status"));
            assertThat(status.get("group_labels").get("route").asText()).isEqualTo(route);
            assertThat(status.get("status").asText())
                .as(mode + " " + route)
                .isEqualTo(expected.status().name());
            assertThat(status.get("error_budget_remaining").asDouble())
                .as(mode + " " + route)
                .isEqualTo(expected.errorBudgetRemaining());
          }
        } finally {
          server.close();
        }
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, SloServer s, String path)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
