package dev.slo.server;

import static dev.slo.server.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsTest {
  @TempDir Path dir;

  private static List<JsonNode> events(Path file) {
    try {
      List<JsonNode> out = new ArrayList<>();
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file)) {
          out.add(Harness.JSON.readTree(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> statuses(List<JsonNode> events, String sloId) {
    return events.stream()
        .map(e -> e.get("slo_status_update"))
        .filter(u -> u.get("slo_id").asText().equals(sloId))
        .map(u -> u.get("status").asText() + (u.get("alert_triggered").asBoolean() ? "!" : ""))
        .toList();
  }

  @Test
  void shouldEmitOnlyWhenStatusOrFiringTiersChange() {
    Path file = dir.resolve("events.jsonl");
    try (Harness h = new Harness(c -> Harness.with(c, null, file, null, null))) {
      h.server.evaluateNow(); // first evaluation: one event per SLO
      h.tick();
      h.tick();
      assertThat(statuses(events(file), "api")).containsExactly("HEALTHY");
      h.source.burn();
      h.tick();
      h.tick();
      assertThat(statuses(events(file), "api")).containsExactly("HEALTHY", "CRITICAL!");
      h.source.calm();
      h.tick(); // clear 1 of 3: the tiers stay firing, nothing changes
      h.tick(); // clear 2 of 3
      assertThat(statuses(events(file), "api")).hasSize(2);
      assertThat(json(h.get("/api/v1/slos/api/status")).get("status").asText())
          .isEqualTo("CRITICAL");
      h.tick(); // clear 3 of 3: resolved
      h.tick();
      assertThat(statuses(events(file), "api")).containsExactly("HEALTHY", "CRITICAL!", "HEALTHY");
      JsonNode last = events(file).get(events(file).size() - 1);
      assertThat(last.get("event_id").asText()).hasSize(36);
      assertThat(last.get("timestamp").asText()).isEqualTo("2026-11-20T12:07:00.000Z");
      JsonNode u = last.get("slo_status_update");
      for (String f :
          List.of(
              "slo_id",
              "slo_name",
              "service_name",
              "slo_type",
              "target_percentage",
              "current_sli",
              "status",
              "error_budget_remaining",
              "error_budget_consumed",
              "burn_rate",
              "time_to_exhaustion",
              "alert_triggered",
              "recommendations")) {
        assertThat(u.has(f)).as(f).isTrue();
      }
    }
  }

  @Test
  void shouldNotFlapWhenTheBudgetHoversAtAThreshold() {
    Path file = dir.resolve("events.jsonl");
    try (Harness h = new Harness(c -> Harness.with(c, null, file, null, null))) {
      // api: remaining = 1 - background / 0.001; warning below 0.25.
      h.source.background = 0.000751; // remaining 0.249: WARNING
      h.server.evaluateNow();
      h.source.background = 0.000749; // 0.251: above the threshold, inside the margin
      h.tick();
      h.source.background = 0.000751;
      h.tick();
      h.source.background = 0.000749;
      h.tick();
      assertThat(statuses(events(file), "api")).containsExactly("WARNING");
      h.source.background = 0.00073; // 0.27: clears the 0.01 margin
      h.tick();
      assertThat(statuses(events(file), "api")).containsExactly("WARNING", "HEALTHY");
      h.source.background = 0.000749; // inside the margin, but HEALTHY stays HEALTHY
      h.tick();
      assertThat(statuses(events(file), "api")).containsExactly("WARNING", "HEALTHY");
    }
  }

  @Test
  void shouldMarkAFailingSourceStaleKeepTheLastValuesAndRecover() {
    Path file = dir.resolve("events.jsonl");
    try (Harness h = new Harness(c -> Harness.with(c, null, file, null, null))) {
      h.server.evaluateNow();
      JsonNode good = json(h.get("/api/v1/slos/api/status"));
      h.source.down = true;
      h.tick();
      JsonNode stale = json(h.get("/api/v1/slos/api/status"));
      assertThat(stale.get("stale").asBoolean()).isTrue();
      assertThat(stale.get("source_error").asText()).contains("connection refused");
      assertThat(stale.get("status").asText()).isEqualTo("WARNING"); // never HEALTHY when stale
      assertThat(stale.get("current_sli")).isEqualTo(good.get("current_sli"));
      assertThat(stale.get("last_updated")).isEqualTo(good.get("last_updated"));
      assertThat(json(h.get("/api/v1/slos/api/error-budget")).get("stale").asBoolean()).isTrue();
      assertThat(h.get("/metrics").body())
          .contains("slo_stale{service=\"api\",slo_id=\"api\"} 1.0");
      assertThat(json(h.get("/api/v1/slos/api/history"))).isEmpty(); // the first pass anchors
      assertThat(h.log.toString()).contains("api: stale: scripted source: connection refused");
      h.source.down = false;
      h.tick();
      JsonNode back = json(h.get("/api/v1/slos/api/status"));
      assertThat(back.get("stale").asBoolean()).isFalse();
      assertThat(back.get("status").asText()).isEqualTo("HEALTHY");
      assertThat(statuses(events(file), "api")).containsExactly("HEALTHY", "WARNING", "HEALTHY");
    }
  }

  @Test
  void shouldNeverReportHealthyBeforeAnyGoodEvaluation() {
    try (Harness h = new Harness()) {
      h.source.down = true;
      h.server.evaluateNow();
      var r = h.get("/api/v1/slos/api/status");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(json(r).get("message").asText()).contains("connection refused");
      assertThat(h.get("/api/v1/slos?status=HEALTHY").body()).isEqualTo("[]");
      assertThat(h.get("/metrics").body()).doesNotContain("slo_status{");
    }
  }

  @Test
  void shouldFinishTheEvaluationInFlightAndFlushOnClose() throws Exception {
    Path file = dir.resolve("events.jsonl");
    ScriptedSource blocked = new ScriptedSource();
    blocked.gate = new java.util.concurrent.CountDownLatch(1);
    Harness h =
        new Harness(
            c ->
                new Harness.Config(
                    c.bind(),
                    java.time.Duration.ofHours(1),
                    true,
                    c.resolveAfter(),
                    c.threads(),
                    null,
                    file,
                    false,
                    null,
                    null,
                    c.delivery(),
                    java.time.Duration.ofSeconds(10)),
            null,
            blocked);
    assertThat(blocked.entered.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    Thread closer = new Thread(h::close);
    closer.start();
    closer.join(300);
    assertThat(closer.isAlive()).as("close waits for the pass in flight").isTrue();
    blocked.gate.countDown();
    closer.join(5000);
    assertThat(closer.isAlive()).isFalse();
    assertThat(statuses(events(file), "api")).containsExactly("HEALTHY");
    assertThat(statuses(events(file), "web")).containsExactly("HEALTHY");
  }

  @Test
  void shouldPrintEventsToStdout() {
    try (Harness h =
        new Harness(
            c ->
                new Harness.Config(
                    c.bind(),
                    c.interval(),
                    c.schedule(),
                    c.resolveAfter(),
                    c.threads(),
                    null,
                    null,
                    true,
                    null,
                    null,
                    c.delivery(),
                    c.grace()))) {
      h.server.evaluateNow();
      h.tick();
      assertThat(h.out.toString().lines()).hasSize(2); // api and web, once
      assertThat(h.out.toString()).contains("\"slo_status_update\":{\"slo_id\":\"api\"");
    }
  }
}
