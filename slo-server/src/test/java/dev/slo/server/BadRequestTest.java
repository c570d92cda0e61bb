package dev.slo.server;

import static dev.slo.server.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BadRequestTest {
  private static final String SLO =
      "{\"slo_id\": \"x\", \"slo_name\": \"X\", \"service_name\": \"s\", \"slo_type\":"
          + " \"AVAILABILITY\", \"target_percentage\": %s, \"time_period\": \"ROLLING_7D\"%s}";
  private static Harness h;

  @BeforeAll
  static void start() {
    h = new Harness();
    h.server.evaluateNow();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static Stream<Arguments> cases() {
    String big = "{\"slo_id\": \"" + "a".repeat(ApiServer.MAX_BODY) + "\"}";
    return Stream.of(
        // method, path, body, status, error, field
        Arguments.of("GET", "/nope", null, 404, "not_found", null),
        Arguments.of("GET", "/api/v1/slos/", null, 404, "not_found", null),
        Arguments.of("GET", "/api/v1/slos//status", null, 404, "not_found", null),
        Arguments.of("GET", "/api/v1/slos/api/status/x", null, 404, "not_found", null),
        Arguments.of("GET", "/api/v1/slos/nope/status", null, 404, "not_found", null),
        Arguments.of("GET", "/api/v1/slos/nope/error-budget", null, 404, "not_found", null),
        Arguments.of("GET", "/api/v1/slos/nope/history", null, 404, "not_found", null),
        Arguments.of(
            "POST",
            "/api/v1/slos/nope/burn-rate-alert",
            "{\"burn_rate_threshold\": 2, \"time_window\": \"1h\"}",
            404,
            "not_found",
            null),
        Arguments.of("GET", "/api/v1/slos/off/status", null, 409, "slo_disabled", null),
        Arguments.of("DELETE", "/api/v1/slos", null, 405, "method_not_allowed", null),
        Arguments.of("PUT", "/api/v1/slos/api/status", "{}", 405, "method_not_allowed", null),
        Arguments.of("POST", "/metrics", "", 405, "method_not_allowed", null),
        Arguments.of("POST", "/healthz", "", 405, "method_not_allowed", null),
        Arguments.of(
            "GET", "/api/v1/slos/api/burn-rate-alert", null, 405, "method_not_allowed", null),
        Arguments.of("POST", "/api/v1/slos", "", 400, "invalid_body", null),
        Arguments.of("POST", "/api/v1/slos", "{\"slo_id\": ", 400, "malformed_json", null),
        Arguments.of("POST", "/api/v1/slos", "not json", 400, "malformed_json", null),
        Arguments.of("POST", "/api/v1/slos", "[1, 2]", 400, "invalid_body", null),
        Arguments.of("POST", "/api/v1/slos", "{}", 400, "invalid_field", "slo_id"),
        Arguments.of(
            "POST",
            "/api/v1/slos",
            SLO.formatted("100", ""),
            400,
            "invalid_field",
            "target_percentage"),
        Arguments.of(
            "POST",
            "/api/v1/slos",
            SLO.formatted("\"high\"", ""),
            400,
            "invalid_field",
            "target_percentage"),
        Arguments.of(
            "POST",
            "/api/v1/slos",
            SLO.formatted("99", ", \"colour\": \"red\""),
            400,
            "invalid_field",
            "colour"),
        Arguments.of(
            "POST",
            "/api/v1/slos",
            SLO.replace("ROLLING_7D", "FOREVER").formatted("99", ""),
            400,
            "invalid_field",
            "time_period"),
        Arguments.of("POST", "/api/v1/slos", big, 413, "payload_too_large", null),
        Arguments.of("GET", "/api/v1/slos?slo_type=FAST", null, 400, "invalid_field", "slo_type"),
        Arguments.of("GET", "/api/v1/slos?status=GREEN", null, 400, "invalid_field", "status"),
        Arguments.of("GET", "/api/v1/slos?service=api", null, 400, "invalid_field", "service"),
        Arguments.of("GET", "/api/v1/slos/api/status?x=1", null, 400, "invalid_field", "x"),
        Arguments.of(
            "GET",
            "/api/v1/slos/api/history?start_time=yesterday",
            null,
            400,
            "invalid_field",
            "start_time"),
        Arguments.of(
            "GET",
            "/api/v1/slos/api/history?start_time=2026-11-20T00:00:00Z&end_time=2026-11-19T00:00:00Z",
            null,
            400,
            "invalid_field",
            "start_time"),
        alert("{}", "burn_rate_threshold"),
        alert("{\"burn_rate_threshold\": -1, \"time_window\": \"1h\"}", "burn_rate_threshold"),
        alert(
            "{\"burn_rate_threshold\": \"fast\", \"time_window\": \"1h\"}", "burn_rate_threshold"),
        alert("{\"burn_rate_threshold\": 2}", "time_window"),
        alert("{\"burn_rate_threshold\": 2, \"time_window\": \"soon\"}", "time_window"),
        alert("{\"burn_rate_threshold\": 2, \"time_window\": 60}", "time_window"),
        alert(
            "{\"burn_rate_threshold\": 2, \"time_window\": \"1h\", \"short_window\": \"2h\"}",
            "short_window"),
        alert(
            "{\"burn_rate_threshold\": 2, \"time_window\": \"1h\", \"severity\": \"urgent\"}",
            "severity"),
        alert("{\"burn_rate_threshold\": 2, \"time_window\": \"1h\", \"x\": 1}", "x"));
  }

  private static Arguments alert(String body, String field) {
    return Arguments.of(
        "POST", "/api/v1/slos/api/burn-rate-alert", body, 400, "invalid_field", field);
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("cases")
  void shouldAnswerBadRequestsWithAJsonError(
      String method, String path, String body, int status, String error, String field) {
    HttpResponse<String> r =
        h.send(
            HttpRequest.newBuilder(h.uri(path))
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode e = json(r);
    assertThat(e.get("error").asText()).as(r.body()).isEqualTo(error);
    assertThat(e.get("message").asText()).isNotBlank();
    assertThat(r.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("dev.slo");
    if (field != null) {
      assertThat(e.get("field").asText()).as(r.body()).isEqualTo(field);
      assertThat(e.get("message").asText()).contains(field);
    }
    if (status == 405) {
      assertThat(r.headers().firstValue("Allow")).isPresent();
    }
  }

  @Test
  void shouldListAllowedMethods() {
    HttpResponse<String> r =
        h.send(
            HttpRequest.newBuilder(h.uri("/api/v1/slos"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(r.headers().firstValue("Allow")).hasValue("GET, POST");
  }

  @Test
  void shouldRequireTheBearerTokenOnWriteEndpoints(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("token"), "s3cret\n");
    try (Harness secured = new Harness(c -> Harness.with(c, "s3cret", null, null, null))) {
      String body = SLO.formatted("99", "");
      for (String token : new String[] {null, "wrong", ""}) {
        HttpResponse<String> r = secured.post("/api/v1/slos", body, token);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error").asText()).isEqualTo("unauthorized");
        assertThat(r.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      }
      HttpResponse<String> alert =
          secured.post(
              "/api/v1/slos/api/burn-rate-alert",
              "{\"burn_rate_threshold\": 2, \"time_window\": \"1h\"}");
      assertThat(alert.statusCode()).isEqualTo(401);
      assertThat(secured.post("/api/v1/slos", body, "s3cret").statusCode()).isEqualTo(201);
      assertThat(secured.get("/api/v1/slos").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void shouldAnswer503BeforeTheFirstEvaluationOfAnSlo() {
    try (Harness fresh = new Harness()) {
      HttpResponse<String> r = fresh.get("/api/v1/slos/api/status");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(json(r).get("error").asText()).isEqualTo("not_evaluated");
    }
  }
}
