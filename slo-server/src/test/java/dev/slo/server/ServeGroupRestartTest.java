package dev.slo.server;

import static dev.slo.server.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slo.core.source.EventSource;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.store.InMemoryStore;
import dev.slo.core.store.SloStore;
import dev.slo.testing.MutableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted {@code slo serve} recalls a grouped SLO's groups from the store's history: a group
 * that vanished from the source before the restart is still listed, in no-data. ROLLING_1H.
 */
class ServeGroupRestartTest {
  private static final String SPEC =
      """
      slos:
        - slo_id: api
          slo_name: API
          service_name: shop
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_1H
          group_by: [route]
      """;
  private static final String HEAD = "timestamp,slo_id,good_events,total_events,labels\n";
  private static final String A1 =
      "2026-11-20T11:50:00Z,api,100,100,\"{\"\"route\"\":\"\"/a\"\"}\"\n";
  private static final String A2 =
      "2026-11-20T12:05:00Z,api,100,100,\"{\"\"route\"\":\"\"/a\"\"}\"\n";
  private static final String B =
      "2026-11-20T12:05:00Z,api,90,100,\"{\"\"route\"\":\"\"/b\"\"}\"\n";
  private static final String A = "api{route=\"/a\"}";

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Harness.START);
  private final HttpClient http = HttpClient.newHttpClient();
  private SloServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private SloServer start(SloStore store, EventSource source) throws IOException {
    return Harness.server(
        Harness.config(),
        store,
        true,
        source,
        SpecParser.parse("s.yaml", SPEC).slos(),
        clock,
        new PrintWriter(new StringWriter(), true),
        new PrintWriter(new StringWriter(), true));
  }

  private void rewrite(Path data, String text) throws IOException {
    Files.writeString(data, text);
    Files.setLastModifiedTime(data, FileTime.from(clock.instant()));
  }

  @Test
  void shouldKeepAGroupThatVanishedBeforeARestartInNoData() throws Exception {
    Path data = dir.resolve("events.csv");
    rewrite(data, HEAD + A1 + A2 + B);
    InMemoryStore store = new InMemoryStore(clock, 1000);
    server = start(store, new FileEventSource(data));
    server.evaluateNow(); // 12:00: /a seen (11:50)
    clock.advance(Duration.ofMinutes(10));
    server.evaluateNow(); // 12:10: /a's 12:05 events go to the store's history; /b appears
    rewrite(data, HEAD + B); // the source loses /a
    clock.advance(Duration.ofMinutes(5));
    server.evaluateNow(); // 12:15: /a vanished
    assertThat(json(get(status(A))).get("group_seen").asBoolean(true)).isFalse();
    List<String> before = groups();
    assertThat(before).containsExactly("api{route=\"/b\"}", A); // seen ones first
    server.close();

    clock.advance(Duration.ofMinutes(5));
    server = start(store, new FileEventSource(data));
    server.evaluateNow(); // 12:20, a new process over the same store

    assertThat(groups()).containsExactlyElementsOf(before);
    JsonNode a = json(get(status(A)));
    assertThat(a.get("group_seen").asBoolean(true)).isFalse();
    assertThat(a.get("current_sli").isNull()).isTrue();
    assertThat(a.get("status").asText()).isEqualTo("HEALTHY"); // no_data: ignore
    assertThat(json(get(status("api{route=\"/b\"}"))).get("current_sli").asDouble())
        .isEqualTo(90.0);
  }

  @Test
  void shouldForgetAVanishedGroupOnRestartWhenTheStoreHasNoHistoryOfIt() throws Exception {
    Path data = dir.resolve("events.csv");
    rewrite(data, HEAD + A1 + B);
    server = start(new InMemoryStore(clock, 1000), new FileEventSource(data));
    server.evaluateNow(); // 12:00: /a seen, only anchored: no history row yet
    server.close();

    rewrite(data, HEAD + B);
    clock.advance(Duration.ofMinutes(10));
    server = start(new InMemoryStore(clock, 1000), new FileEventSource(data));
    server.evaluateNow();

    assertThat(groups()).containsExactly("api{route=\"/b\"}");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String status(String id) {
    return "/api/v1/slos/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/status";
  }

  private List<String> groups() throws Exception {
    JsonNode list = json(get("/api/v1/slos"));
    List<String> out = new ArrayList<>();
    list.get(0).get("groups").forEach(n -> out.add(n.asText()));
    return out;
  }
}
