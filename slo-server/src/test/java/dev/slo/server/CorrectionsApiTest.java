package dev.slo.server;

import static dev.slo.server.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CorrectionsApiTest {
  private static final String TOKEN = "w";
  private static final String PAGE_FIRING =
      "slo_alert_firing{service=\"api\",severity=\"page\",slo_id=\"api\",tier=\"page_1h_5m\"} 1.0\n";
  private static final String PAGE_SILENT =
      "slo_alert_firing{service=\"api\",severity=\"page\",slo_id=\"api\",tier=\"page_1h_5m\"} 0.0\n";

  private final Harness h = new Harness(c -> Harness.with(c, TOKEN, null, null, null));

  @AfterEach
  void stop() {
    h.close();
  }

  private HttpResponse<String> post(String sloId, String body) {
    return h.post("/api/v1/slos/" + sloId + "/corrections", body, TOKEN);
  }

  private HttpResponse<String> delete(String id, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(h.uri("/api/v1/corrections/" + id)).DELETE();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return h.send(b.build());
  }

  private List<String> listed(String query) {
    HttpResponse<String> r = h.get("/api/v1/slos/api/corrections" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    json(r).forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  @Test
  void shouldCreateListByOverlapAndDelete() {
    HttpResponse<String> r =
        post(
            "api",
            "{\"id\": \"deploy-1\", \"start\": \"2026-11-20T10:00:00Z\", \"end\":"
                + " \"2026-11-20T11:00:00Z\", \"category\": \"deployment\", \"description\":"
                + " \"blue/green\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/corrections/deploy-1");
    JsonNode c = json(r);
    assertThat(c.get("slo_ids").get(0).asText()).isEqualTo("api");
    assertThat(c.get("start").asText()).isEqualTo("2026-11-20T10:00:00Z");
    assertThat(c.get("end").asText()).isEqualTo("2026-11-20T11:00:00Z");
    assertThat(c.get("duration").asText()).isEqualTo("1h");
    assertThat(c.get("category").asText()).isEqualTo("deployment");
    assertThat(c.get("description").asText()).isEqualTo("blue/green");
    HttpResponse<String> weekly =
        post(
            "api",
            "{\"start\": \"2026-11-01T02:00\", \"duration\": \"2h\", \"time_zone\":"
                + " \"Europe/Berlin\", \"rrule\": \"FREQ=WEEKLY;BYDAY=SU\"}");
    assertThat(weekly.statusCode()).as(weekly.body()).isEqualTo(201);
    String weeklyId = json(weekly).get("id").asText();
    assertThat(weeklyId).hasSize(36);
    assertThat(json(weekly).get("rrule").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=SU");

    assertThat(listed("")).containsExactly(weeklyId, "deploy-1");
    // (10:00, 11:00] overlaps a range ending at 10:30, not one starting at 11:00
    assertThat(listed("?start_time=2026-11-20T10:30:00Z&end_time=2026-11-20T12:00:00Z"))
        .containsExactly("deploy-1");
    assertThat(listed("?start_time=2026-11-20T11:00:00Z&end_time=2026-11-20T12:00:00Z")).isEmpty();
    // Sunday 2026-11-22 02:00-04:00 Berlin is 01:00-03:00 UTC
    assertThat(listed("?start_time=2026-11-22T02:00:00Z&end_time=2026-11-22T02:30:00Z"))
        .containsExactly(weeklyId);
    assertThat(listed("?start_time=2026-11-22T03:00:00Z&end_time=2026-11-22T05:00:00Z")).isEmpty();
    assertThat(json(h.get("/api/v1/slos/web/corrections"))).isEmpty();

    HttpResponse<String> gone = delete("deploy-1", TOKEN);
    assertThat(gone.statusCode()).as(gone.body()).isEqualTo(204);
    assertThat(gone.body()).isEmpty();
    assertThat(listed("")).containsExactly(weeklyId);
    HttpResponse<String> again = delete("deploy-1", TOKEN);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(json(again).get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void shouldRefuseBadFieldsNamingThem() {
    String[][] cases = {
      {
        "{\"start\": \"2026-11-20T10:00:00Z\", \"end\": \"2026-11-20T09:00:00Z\"}",
        "end",
        "is not after start"
      },
      {"{\"start\": \"yesterday\", \"duration\": \"1h\"}", "start", "\"yesterday\""},
      {"{\"start\": \"2026-11-20T10:00:00Z\", \"duration\": \"1x\"}", "duration", "1x"},
      {
        "{\"start\": \"2026-11-20T10:00\", \"duration\": \"1h\", \"time_zone\": \"Mars/Olympus\"}",
        "time_zone",
        "Mars/Olympus"
      },
      {
        "{\"start\": \"2026-11-20T10:00:00Z\", \"duration\": \"1h\", \"rrule\": \"FREQ=SOMETIMES\"}",
        "rrule",
        "SOMETIMES"
      },
      {
        "{\"start\": \"2026-11-20T10:00:00Z\", \"duration\": \"1h\", \"category\": \"holiday\"}",
        "category",
        "holiday"
      },
      {"{\"start\": \"2026-11-20T10:00:00Z\", \"duration\": \"1h\", \"slo\": 1}", "slo", "slo"},
      {"{\"start\": \"2026-11-20T10:00:00Z\"}", null, "no end"},
    };
    for (String[] c : cases) {
      HttpResponse<String> r = post("api", c[0]);
      assertThat(r.statusCode()).as(c[0] + " -> " + r.body()).isEqualTo(400);
      JsonNode e = json(r);
      assertThat(e.get("error").asText()).isEqualTo("invalid_field");
      assertThat(e.get("message").asText()).as(c[0]).contains(c[2]);
      if (c[1] != null) {
        assertThat(e.get("field").asText()).as(c[0]).isEqualTo(c[1]);
        assertThat(e.get("message").asText()).startsWith(c[1] + ": ");
      }
    }
    assertThat(post("api", "").statusCode()).isEqualTo(400);
    assertThat(post("api", "[1]").statusCode()).isEqualTo(400);
    HttpResponse<String> dup =
        post("api", "{\"id\": \"x\", \"start\": \"2026-11-20T10:00:00Z\", \"duration\": \"1h\"}");
    assertThat(dup.statusCode()).isEqualTo(201);
    assertThat(
            post(
                    "api",
                    "{\"id\": \"x\", \"start\": \"2026-11-20T10:00:00Z\", \"duration\": \"1h\"}")
                .statusCode())
        .isEqualTo(409);
    assertThat(h.get("/api/v1/slos/api/corrections?start_time=soon").statusCode()).isEqualTo(400);
    assertThat(
            h.get(
                    "/api/v1/slos/api/corrections?start_time=2026-11-21T00:00:00Z"
                        + "&end_time=2026-11-20T00:00:00Z")
                .statusCode())
        .isEqualTo(400);
    assertThat(listed("")).containsExactly("x");
  }

  @Test
  void shouldAnswer404ForUnknownSlosAndCorrectionsAnd401WithoutTheToken() {
    String body = "{\"start\": \"2026-11-20T10:00:00Z\", \"duration\": \"1h\"}";
    HttpResponse<String> unknown = post("nope", body);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("message").asText()).contains("\"nope\"");
    assertThat(h.get("/api/v1/slos/nope/corrections").statusCode()).isEqualTo(404);
    assertThat(delete("nope", TOKEN).statusCode()).isEqualTo(404);

    assertThat(h.post("/api/v1/slos/api/corrections", body, null).statusCode()).isEqualTo(401);
    assertThat(h.post("/api/v1/slos/api/corrections", body, "wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> created = post("api", body);
    String id = json(created).get("id").asText();
    assertThat(delete(id, null).statusCode()).isEqualTo(401);
    assertThat(delete(id, "wrong").statusCode()).isEqualTo(401);
    assertThat(listed("")).containsExactly(id);
    assertThat(
            h.send(HttpRequest.newBuilder(h.uri("/api/v1/corrections/" + id)).GET().build())
                .statusCode())
        .isEqualTo(405);
  }

  @Test
  void shouldSilenceAPageAlertFromTheNextEvaluationAndFireAgainOnceDeleted() {
    h.close();
    try (Harness one = new Harness(CorrectionsApiTest::resolveAtOnce)) {
      silenceAndFireAgain(one);
    }
  }

  /** resolve_after 1, so that a tier that stops firing is reported resolved at once. */
  private static Harness.Config resolveAtOnce(Harness.Config c) {
    Harness.Config t = Harness.with(c, TOKEN, null, null, null);
    return new Harness.Config(
        t.bind(),
        t.interval(),
        t.schedule(),
        1,
        t.threads(),
        t.token(),
        t.eventsFile(),
        t.eventsStdout(),
        t.webhook(),
        t.alertmanager(),
        t.delivery(),
        t.grace());
  }

  private static void silenceAndFireAgain(Harness h) {
    h.source.burn();
    h.server.evaluateNow();
    assertThat(h.get("/metrics").body()).contains(PAGE_FIRING);

    // the clock reads 2026-11-20T12:00:00Z: a correction over the last two hours of the burn
    HttpResponse<String> r =
        h.post(
            "/api/v1/slos/api/corrections",
            "{\"id\": \"incident-7\", \"start\": \"2026-11-20T10:00:00Z\", \"end\":"
                + " \"2026-11-20T12:30:00Z\", \"category\": \"false_alarm\"}",
            TOKEN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    h.server.evaluateNow();
    assertThat(h.get("/metrics").body()).contains(PAGE_SILENT).doesNotContain(PAGE_FIRING);

    HttpResponse<String> gone =
        h.send(
            HttpRequest.newBuilder(h.uri("/api/v1/corrections/incident-7"))
                .DELETE()
                .header("Authorization", "Bearer " + TOKEN)
                .build());
    assertThat(gone.statusCode()).isEqualTo(204);
    h.server.evaluateNow();
    assertThat(h.get("/metrics").body()).contains(PAGE_FIRING);
  }
}
