package dev.slo.server;

import static dev.slo.server.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServeApiTest {
  private final Harness h = new Harness();

  @AfterEach
  void stop() {
    h.close();
  }

  private static List<String> ids(HttpResponse<String> r) {
    List<String> out = new ArrayList<>();
    json(r).forEach(n -> out.add(n.get("slo_id").asText()));
    return out;
  }

  @Test
  void shouldBeLiveAtOnceAndReadyAfterTheFirstEvaluation() {
    assertThat(h.get("/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> notReady = h.get("/readyz");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(json(notReady).get("error").asText()).isEqualTo("not_ready");
    h.server.evaluateNow();
    assertThat(h.get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldServeStatusWithSeedFields() {
    h.server.evaluateNow();
    HttpResponse<String> r = h.get("/api/v1/slos/api/status");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode s = json(r);
    for (String f :
        List.of(
            "slo_id",
            "current_sli",
            "target_sli",
            "status",
            "error_budget_remaining",
            "error_budget_consumed",
            "burn_rate",
            "time_to_exhaustion",
            "last_updated")) {
      assertThat(s.has(f)).as(f).isTrue();
    }
    assertThat(s.get("slo_id").asText()).isEqualTo("api");
    assertThat(s.get("target_sli").asDouble()).isEqualTo(99.9);
    assertThat(s.get("current_sli").asDouble()).isEqualTo(99.99);
    assertThat(s.get("burn_rate").asDouble())
        .isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.get("status").asText()).isEqualTo("HEALTHY");
    assertThat(s.get("last_updated").asText()).isEqualTo("2026-11-20T12:00:00.000Z");
    assertThat(s.get("stale").asBoolean()).isFalse();
    assertThat(s.has("source_error")).isFalse();
  }

  @Test
  void shouldServeErrorBudgetWithSeedFields() {
    h.server.evaluateNow();
    JsonNode b = json(h.get("/api/v1/slos/api/error-budget"));
    assertThat(b.get("slo_id").asText()).isEqualTo("api");
    // 30 days x 1000 events a minute, 0.01% bad: budget 43,200 events, 4,320 spent.
    assertThat(b.get("total_budget").asDouble())
        .isCloseTo(43_200, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(b.get("consumed_budget").asDouble()).isEqualTo(4320.0);
    assertThat(b.get("remaining_budget").asDouble())
        .isCloseTo(38_880, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(b.has("burn_rate_1h")).isTrue();
    assertThat(b.has("burn_rate_24h")).isTrue();
    assertThat(b.has("projected_exhaustion")).isTrue();
  }

  @Test
  void shouldListAndFilterSlos() {
    h.source.burn();
    h.server.evaluateNow();
    assertThat(ids(h.get("/api/v1/slos"))).containsExactly("api", "off", "web"); // by slo_id
    assertThat(ids(h.get("/api/v1/slos?service_name=web"))).containsExactly("off", "web");
    assertThat(ids(h.get("/api/v1/slos?slo_type=latency"))).containsExactly("web");
    assertThat(ids(h.get("/api/v1/slos?status=CRITICAL"))).containsExactly("api");
    assertThat(ids(h.get("/api/v1/slos?status=WARNING&service_name=web"))).containsExactly("web");
    JsonNode first = json(h.get("/api/v1/slos")).get(0);
    assertThat(first.get("slo_name").asText()).isEqualTo("API availability");
    assertThat(first.get("time_period").asText()).isEqualTo("ROLLING_30D");
    assertThat(first.get("enabled").asBoolean()).isTrue();
  }

  @Test
  void shouldCreateAnSloEvaluateItAndRefuseADuplicate() throws Exception {
    String body =
        """
        {"slo_id": "checkout", "slo_name": "Checkout", "service_name": "shop",
         "slo_type": "AVAILABILITY", "target_percentage": 99.5, "time_period": "ROLLING_7D",
         "sli_query": "", "description": "d", "enabled": true,
         "good_counter": "http_ok_total", "total_counter": "http_total"}
        """;
    HttpResponse<String> r = h.post("/api/v1/slos", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/slos/checkout/status");
    JsonNode slo = json(r);
    assertThat(slo.get("slo_id").asText()).isEqualTo("checkout");
    assertThat(slo.get("target_percentage").asDouble()).isEqualTo(99.5);
    assertThat(slo.get("good_counter").asText()).isEqualTo("http_ok_total");
    assertThat(json(h.get("/api/v1/slos?service_name=shop")).get(0)).isEqualTo(slo);
    h.server.evaluateNow();
    assertThat(json(h.get("/api/v1/slos/checkout/status")).get("status").asText())
        .isEqualTo("HEALTHY");
    HttpResponse<String> dup = h.post("/api/v1/slos", body);
    assertThat(dup.statusCode()).isEqualTo(409);
    assertThat(json(dup).get("error").asText()).isEqualTo("conflict");
  }

  @Test
  void shouldRecordOneSliMetricPerEvaluationAndFilterByTime() {
    h.server.evaluateNow();
    h.clock.advance(Duration.ofMinutes(1));
    h.server.evaluateNow();
    h.clock.advance(Duration.ofMinutes(1));
    h.server.evaluateNow();
    // the first evaluation anchors; each later one records the events since the previous one
    JsonNode all = json(h.get("/api/v1/slos/api/history"));
    assertThat(all).hasSize(2);
    JsonNode m = all.get(0);
    assertThat(m.get("slo_id").asText()).isEqualTo("api");
    assertThat(m.get("timestamp").asText()).isEqualTo("2026-11-20T12:01:00.000Z");
    assertThat(m.get("good_events").asLong()).isEqualTo(1000); // one minute of the script
    assertThat(m.get("total_events").asLong()).isEqualTo(1000);
    assertThat(m.get("sli_value").asDouble()).isEqualTo(100.0);
    assertThat(m.get("is_good").asBoolean()).isTrue();
    assertThat(h.store.history().latest("api"))
        .contains(java.time.Instant.parse("2026-11-20T12:02:00Z"));
    assertThat(
            json(
                h.get(
                    "/api/v1/slos/api/history?start_time=2026-11-20T12:01:00Z"
                        + "&end_time=2026-11-20T12:01:00Z")))
        .hasSize(1);
    assertThat(json(h.get("/api/v1/slos/api/history?start_time=1795176060"))).hasSize(2);
    assertThat(json(h.get("/api/v1/slos/api/history?start_time=1795176061"))).hasSize(1);
  }

  @Test
  void shouldStoreABurnRateAlertRuleWithItsPrometheusExpression() {
    HttpResponse<String> r =
        h.post(
            "/api/v1/slos/api/burn-rate-alert",
            "{\"burn_rate_threshold\": 14.4, \"time_window\": \"1h\", \"short_window\": \"5m\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode rule = json(r);
    assertThat(rule.get("id").asText()).hasSize(36);
    assertThat(rule.get("alert_rule_id").asText()).isEqualTo("burn_rate:14.4:1h:5m:page");
    assertThat(rule.get("slo_id").asText()).isEqualTo("api");
    assertThat(rule.get("burn_rate_threshold").asDouble()).isEqualTo(14.4);
    assertThat(rule.get("time_window").asText()).isEqualTo("1h");
    assertThat(rule.get("severity").asText()).isEqualTo("page");
    assertThat(rule.get("enabled").asBoolean()).isTrue();
    assertThat(rule.get("expr").asText())
        .isEqualTo(
            "(slo:sli_error:ratio_rate1h{slo_id=\"api\"}) >= 0.0144"
                + " and (slo:sli_error:ratio_rate5m{slo_id=\"api\"}) >= 0.0144");
    assertThat(rule.get("prometheus_rule").get("labels").get("severity").asText())
        .isEqualTo("page");
  }

  @Test
  void shouldBuildTheExpressionFromCounters() {
    h.post(
        "/api/v1/slos",
        "{\"slo_id\": \"c\", \"slo_name\": \"C\", \"service_name\": \"s\", \"slo_type\":"
            + " \"AVAILABILITY\", \"target_percentage\": 99, \"time_period\": \"ROLLING_30D\","
            + " \"bad_counter\": \"errors_total\", \"total_counter\": \"requests_total\"}");
    JsonNode rule =
        json(
            h.post(
                "/api/v1/slos/c/burn-rate-alert",
                "{\"burn_rate_threshold\": 6, \"time_window\": \"6h\", \"severity\": \"ticket\"}"));
    assertThat(rule.get("expr").asText())
        .isEqualTo(
            "((sum(increase(errors_total[21600s])) or 0 * sum(increase(requests_total[21600s])))"
                + " / sum(increase(requests_total[21600s]))) >= 0.06");
    assertThat(rule.get("short_window").isNull()).isTrue();
    assertThat(rule.get("severity").asText()).isEqualTo("ticket");
  }

  @Test
  void shouldExposePrometheusGauges() {
    h.source.burn();
    h.server.evaluateNow();
    HttpResponse<String> r = h.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(r.body())
        .contains("# TYPE slo_sli_ratio gauge\n")
        .contains("slo_objective_ratio{service=\"api\",slo_id=\"api\"} 0.999\n")
        .contains("slo_burn_rate{service=\"api\",slo_id=\"api\",window=\"1h\"} 20.0\n")
        .contains("slo_status{service=\"api\",slo_id=\"api\",status=\"CRITICAL\"} 1.0\n")
        .contains("slo_status{service=\"api\",slo_id=\"api\",status=\"HEALTHY\"} 0.0\n")
        .contains(
            "slo_alert_firing{service=\"api\",severity=\"page\",slo_id=\"api\",tier=\"page_1h_5m\"} 1.0\n")
        .contains(
            "slo_alert_firing{service=\"api\",severity=\"ticket\",slo_id=\"api\",tier=\"ticket_3d_6h\"} 0.0\n")
        .contains("slo_error_budget_remaining_ratio{service=\"api\",slo_id=\"api\"} 0.9")
        .contains("slo_stale{service=\"web\",slo_id=\"web\"} 0.0\n")
        .doesNotContain("slo_id=\"off\"");
  }

  @Test
  void shouldServeTheOpenApiDocument() {
    HttpResponse<String> r = h.get("/api/v1/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("openapi").asText()).startsWith("3.");
  }
}
