package dev.slo.server;

import static dev.slo.server.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slo.core.store.InMemoryStore;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** While the store cannot be reached, reads serve the last good values marked stale, or 503. */
@Timeout(60)
class StoreDownTest {
  @Test
  void shouldServeStaleValuesOr503NeverA500WhileTheStoreIsDown() {
    FailingStore store = new FailingStore(new InMemoryStore(java.time.Clock.systemUTC(), 1000));
    try (Harness h = new Harness(c -> c, null, new ScriptedSource(), store, b -> b)) {
      h.server.evaluateNow();
      assertThat(json(h.get("/api/v1/slos/api/status")).get("stale").asBoolean()).isFalse();
      store.down = true;
      // before the next pass: the last values, marked stale
      for (String path :
          new String[] {"/api/v1/slos/api/status", "/api/v1/slos/api/error-budget"}) {
        HttpResponse<String> r = h.get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        JsonNode b = json(r);
        assertThat(b.get("stale").asBoolean()).isTrue();
        assertThat(b.get("source_error").asText()).contains("store cannot be reached");
      }
      // a pass while down fails, keeping the values marked stale
      org.assertj.core.api.Assertions.assertThatThrownBy(h::tick)
          .isInstanceOf(dev.slo.core.SourceException.class);
      assertThat(json(h.get("/api/v1/slos/api/status")).get("stale").asBoolean()).isTrue();
      assertThat(h.get("/metrics").statusCode()).isEqualTo(200);
      for (String path :
          new String[] {
            "/api/v1/slos",
            "/api/v1/slos?service_name=api",
            "/api/v1/slos/api/history",
            "/api/v1/slos/nope/status"
          }) {
        HttpResponse<String> r = h.get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json(r).get("error").asText()).isEqualTo("store_unavailable");
        assertThat(r.body()).doesNotContain("5432");
      }
      HttpResponse<String> w =
          h.post(
              "/api/v1/slos/api/burn-rate-alert",
              "{\"burn_rate_threshold\": 2, \"time_window\": \"1h\"}");
      assertThat(w.statusCode()).isEqualTo(503);
      store.down = false;
      h.tick();
      assertThat(h.get("/api/v1/slos").statusCode()).isEqualTo(200);
      assertThat(json(h.get("/api/v1/slos/api/status")).get("stale").asBoolean()).isFalse();
    }
  }
}
