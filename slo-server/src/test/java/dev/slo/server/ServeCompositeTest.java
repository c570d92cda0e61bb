package dev.slo.server;

import static dev.slo.server.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Composite SLOs through {@code slo serve}: created, checked against the store, evaluated. */
class ServeCompositeTest {
  private final Harness h = new Harness();

  @AfterEach
  void stop() {
    h.close();
  }

  private static String composite(String id, String period, String component) {
    return """
        {"slo_id": "%s", "slo_name": "Journey", "service_name": "shop",
         "slo_type": "AVAILABILITY", "target_percentage": 99.5, "time_period": "%s",
         "composite": {"components": [{"slo_id": "%s", "weight": 2}]}}
        """
        .formatted(id, period, component);
  }

  @Test
  void shouldEvaluateACompositeFromItsComponentWithTheComponentListed() {
    HttpResponse<String> r = h.post("/api/v1/slos", composite("journey", "ROLLING_30D", "api"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(json(r).get("composite").get("components").get(0).get("weight").asInt())
        .isEqualTo(2);
    h.server.evaluateNow();

    JsonNode api = json(h.get("/api/v1/slos/api/status"));
    JsonNode journey = json(h.get("/api/v1/slos/journey/status"));
    // one component: the composite burns exactly as the component does, whatever its own target
    assertThat(journey.get("burn_rate").asDouble()).isEqualTo(api.get("burn_rate").asDouble());
    assertThat(journey.get("error_budget_remaining").asDouble())
        .isEqualTo(api.get("error_budget_remaining").asDouble());
    JsonNode part = journey.get("components").get(0);
    assertThat(part.get("slo_id").asText()).isEqualTo("api");
    assertThat(part.get("weight").asInt()).isEqualTo(2);
    assertThat(part.get("current_sli").asDouble()).isEqualTo(api.get("current_sli").asDouble());
  }

  @Test
  void shouldRefuseAMissingComponentAndAnotherPeriodWith400() {
    HttpResponse<String> missing =
        h.post("/api/v1/slos", composite("journey", "ROLLING_30D", "ghost"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json(missing).get("message").asText())
        .contains("composite.components[0].slo_id: \"ghost\" is not an SLO");

    HttpResponse<String> period =
        h.post("/api/v1/slos", composite("journey", "ROLLING_30D", "web"));
    assertThat(period.statusCode()).isEqualTo(400);
    assertThat(json(period).get("message").asText())
        .contains("\"web\" has time_period ROLLING_24H but the composite has ROLLING_30D");
    assertThat(h.get("/api/v1/slos/journey/status").statusCode()).isEqualTo(404);
  }
}
