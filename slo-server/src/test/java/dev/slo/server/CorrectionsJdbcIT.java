package dev.slo.server;

import static dev.slo.server.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.jdbc.JdbcStore;
import dev.slo.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The corrections API on a real PostgreSQL store: the rows outlive the server. */
@Timeout(180)
class CorrectionsJdbcIT {
  private static final String BODY =
      "{\"id\": \"db-upgrade\", \"start\": \"2026-11-20T03:00\", \"duration\": \"90m\","
          + " \"time_zone\": \"Europe/Berlin\", \"category\": \"scheduled_maintenance\","
          + " \"rrule\": \"FREQ=DAILY;COUNT=3\"}";

  @Test
  void shouldKeepPostedCorrectionsInPostgresAndDeleteThem() {
    String url = TestDatabase.freshSchema("slo_corrapi_serve");
    try (JdbcStore store = JdbcStore.open(url);
        Harness h = new Harness(c -> c, null, new ScriptedSource(), store, b -> b)) {
      HttpResponse<String> r = h.post("/api/v1/slos/api/corrections", BODY);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      assertThat(json(r).get("rrule").asText()).isEqualTo("FREQ=DAILY;COUNT=3");
      assertThat(h.post("/api/v1/slos/api/corrections", BODY).statusCode()).isEqualTo(409);
    }
    try (JdbcStore store = JdbcStore.open(url);
        Harness h = new Harness(c -> c, null, new ScriptedSource(), store, b -> b)) {
      // 2026-11-22 03:00-04:30 Berlin is 02:00-03:30 UTC, the third and last occurrence
      HttpResponse<String> listed =
          h.get(
              "/api/v1/slos/api/corrections?start_time=2026-11-22T03:00:00Z"
                  + "&end_time=2026-11-22T04:00:00Z");
      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
      assertThat(json(listed)).hasSize(1);
      assertThat(json(listed).get(0).get("time_zone").asText()).isEqualTo("Europe/Berlin");
      assertThat(
              json(
                  h.get(
                      "/api/v1/slos/api/corrections?start_time=2026-11-23T02:00:00Z"
                          + "&end_time=2026-11-23T03:00:00Z")))
          .isEmpty();
      HttpResponse<String> gone =
          h.send(HttpRequest.newBuilder(h.uri("/api/v1/corrections/db-upgrade")).DELETE().build());
      assertThat(gone.statusCode()).as(gone.body()).isEqualTo(204);
      assertThat(store.corrections().list()).isEmpty();
    }
  }
}
