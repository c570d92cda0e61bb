package dev.slo.server;

import static dev.slo.server.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.jdbc.JdbcStore;
import dev.slo.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real PostgreSQL: a throwaway server of our own that the test stops (the shared one is left
 * alone), and the shared one for concurrent identical alert rules.
 */
@Timeout(180)
class StoreOutageIT {
  @Test
  void shouldNeverAnswer500WhilePostgresIsDown() throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
    try (JdbcStore store = JdbcStore.open(pg.getJdbcUrl("postgres", "postgres"));
        Harness h = new Harness(c -> c, null, new ScriptedSource(), store, b -> b)) {
      h.server.evaluateNow();
      h.tick();
      assertThat(h.get("/api/v1/slos").statusCode()).isEqualTo(200);
      assertThat(json(h.get("/api/v1/slos/api/status")).get("stale").asBoolean()).isFalse();
      pg.close(); // the server stops; the store's connections are lost
      for (int round = 0; round < 2; round++) {
        HttpResponse<String> status = h.get("/api/v1/slos/api/status");
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(json(status).get("stale").asBoolean()).isTrue();
        for (String path : new String[] {"/api/v1/slos", "/api/v1/slos/api/history"}) {
          HttpResponse<String> r = h.get(path);
          assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(503);
          assertThat(r.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(h.get("/metrics").statusCode()).isEqualTo(200);
        try {
          h.tick();
        } catch (dev.slo.core.SourceException e) {
          // the pass fails while the database is down; the values stay, marked stale
        }
      }
    } finally {
      pg.close();
    }
  }

  @Test
  void shouldCreateOneRuleFrom64ConcurrentIdenticalPostsInPostgres() throws Exception {
    String url = TestDatabase.freshSchema("slo_serve_dup_rules");
    try (JdbcStore store = JdbcStore.open(url);
        Harness h = new Harness(c -> c, null, new ScriptedSource(), store, b -> b.threads(8))) {
      DuplicateAlertRuleTest.assertOneRuleFrom64Posts(h);
    }
  }
}
