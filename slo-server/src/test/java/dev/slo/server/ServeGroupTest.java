package dev.slo.server;

import static dev.slo.server.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.store.InMemoryStore;
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
 * A grouped SLO through {@code slo serve} over a data file with labels: groups appear with their
 * history, a vanished group goes to no-data and says so, the REST API takes URL-encoded group ids.
 * ROLLING_1H, target 99; hand-computed.
 */
class ServeGroupTest {
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
  private static final String A =
      "2026-11-20T11:30:00Z,api,100,100,\"{\"\"route\"\":\"\"/a\"\"}\"\n";
  private static final String B =
      "2026-11-20T11:50:00Z,api,90,100,\"{\"\"route\"\":\"\"/b\"\"}\"\n";
  private static final String C =
      "2026-11-20T12:30:00Z,api,99,100,\"{\"\"route\"\":\"\"/c\"\"}\"\n";

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Harness.START);
  private final StringWriter log = new StringWriter();
  private final HttpClient http = HttpClient.newHttpClient();
  private SloServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String status(String id) {
    return "/api/v1/slos/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/status";
  }

  @Test
  void shouldFollowGroupsThatAppearAndVanishBetweenPasses() throws Exception {
    Path data = dir.resolve("events.csv");
    Files.writeString(data, HEAD + A + B);
    server =
        Harness.server(
            Harness.config(),
            new InMemoryStore(clock, 1000),
            true,
            new FileEventSource(data),
            SpecParser.parse("s.yaml", SPEC).slos(),
            clock,
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(log, true));
    server.evaluateNow();

    JsonNode a = json(get(status("api{route=\"/a\"}")));
    assertThat(a.get("slo_id").asText()).isEqualTo("api{route=\"/a\"}");
    assertThat(a.get("group_labels").get("route").asText()).isEqualTo("/a");
    assertThat(a.get("current_sli").asDouble()).isEqualTo(100.0);
    assertThat(a.has("group_seen")).isFalse();
    JsonNode b = json(get(status("api{route=\"/b\"}")));
    assertThat(b.get("current_sli").asDouble()).isEqualTo(90.0);
    assertThat(b.get("status").asText()).isEqualTo("EXHAUSTED");
    assertThat(groups()).containsExactly("api{route=\"/a\"}", "api{route=\"/b\"}");

    // 40 minutes on: /a's only row (11:30) has left the hour, /c appears with a row at 12:30
    clock.advance(Duration.ofMinutes(40));
    Files.writeString(data, HEAD + A + B + C);
    Files.setLastModifiedTime(data, FileTime.from(clock.instant()));
    server.evaluateNow();

    JsonNode gone = json(get(status("api{route=\"/a\"}")));
    assertThat(gone.get("group_seen").asBoolean(true)).isFalse();
    assertThat(gone.get("current_sli").isNull()).isTrue();
    assertThat(gone.get("status").asText()).isEqualTo("HEALTHY"); // no_data: ignore
    JsonNode c = json(get(status("api{route=\"/c\"}")));
    assertThat(c.get("current_sli").asDouble()).isEqualTo(99.0);
    assertThat(c.has("group_seen")).isFalse();
    assertThat(groups())
        .containsExactlyInAnyOrder("api{route=\"/a\"}", "api{route=\"/b\"}", "api{route=\"/c\"}");
  }

  @Test
  void shouldAnswer404ForAGroupNotSeenAndAMalformedGroupId() throws Exception {
    Path data = dir.resolve("events.csv");
    Files.writeString(data, HEAD + A);
    server =
        Harness.server(
            Harness.config(),
            new InMemoryStore(clock, 1000),
            true,
            new FileEventSource(data),
            SpecParser.parse("s.yaml", SPEC).slos(),
            clock,
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(log, true));
    server.evaluateNow();
    HttpResponse<String> unseen = get(status("api{route=\"/zzz\"}"));
    assertThat(unseen.statusCode()).isEqualTo(404);
    assertThat(json(unseen).get("message").asText())
        .isEqualTo("\"api{route=\"/zzz\"}\" is not a group of api seen yet");
    assertThat(get(status("api{route=/a}")).statusCode()).isEqualTo(404);
    assertThat(get(status("web{route=\"/a\"}")).statusCode()).isEqualTo(404);
  }

  private List<String> groups() throws Exception {
    JsonNode list = json(get("/api/v1/slos"));
    List<String> out = new ArrayList<>();
    list.get(0).get("groups").forEach(n -> out.add(n.asText()));
    assertThat(list.get(0).get("group_by").get(0).asText()).isEqualTo("route");
    return out;
  }
}
