package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiTest {
  private static final Path DOC = Path.of("../docs/openapi.json");

  @Test
  void shouldServeExactlyTheDocumentKeptInDocs() throws Exception {
    try (Harness h = new Harness()) {
      HttpResponse<byte[]> r =
          h.http.send(
              HttpRequest.newBuilder(h.uri("/api/v1/openapi.json")).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(Files.readAllBytes(DOC));
    }
  }

  @Test
  void shouldDocumentEveryRouteAndOnlyThose() throws Exception {
    JsonNode doc = Harness.JSON.readTree(Files.readString(DOC));
    assertThat(doc.get("openapi").asText()).startsWith("3.0");
    List<String> documented = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : doc.get("paths").properties()) {
      e.getValue()
          .fieldNames()
          .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + e.getKey()));
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(SloApi.ROUTES);
  }

  @Test
  void shouldRouteEveryDocumentedOperation() {
    try (Harness h = new Harness()) {
      h.server.evaluateNow();
      HttpResponse<String> made =
          h.post(
              "/api/v1/slos/api/corrections",
              "{\"id\": \"c1\", \"start\": \"2026-11-20T10:00:00Z\", \"duration\": \"1h\"}");
      assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
      for (String route : SloApi.ROUTES) {
        String[] mp = route.split(" ");
        String path = mp[1].replace("{slo_id}", "api").replace("{id}", "c1");
        HttpResponse<String> r =
            h.send(
                HttpRequest.newBuilder(h.uri(path))
                    .method(
                        mp[0],
                        mp[0].equals("POST")
                            ? HttpRequest.BodyPublishers.ofString("{}")
                            : HttpRequest.BodyPublishers.noBody())
                    .build());
        assertThat(r.statusCode()).as(route + ": " + r.body()).isNotIn(404, 405, 500);
      }
    }
  }
}
