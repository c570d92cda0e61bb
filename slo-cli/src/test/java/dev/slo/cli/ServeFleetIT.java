package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slo.server.SloServer;
import dev.slo.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code slo serve --jdbc URL --fleet} on PostgreSQL: two replicas split the 64 shards. */
class ServeFleetIT {
  @TempDir Path dir;

  @Test
  void shouldSplitTheShardsBetweenTwoServeReplicas() throws Exception {
    String url = TestDatabase.freshSchema("slo_fleet_cli");
    Path spec = Fixtures.write(dir, "slos.yaml", Fixtures.SPEC);
    StringWriter log = new StringWriter();
    try (SloServer a = start(url, spec, log);
        SloServer b = start(url, spec, log)) {
      a.evaluateNow();
      b.evaluateNow();
      a.evaluateNow();
      b.evaluateNow();
      JsonNode ra = readyz(a);
      JsonNode rb = readyz(b);
      assertThat(ra.get("owned_shards").size() + rb.get("owned_shards").size()).isEqualTo(64);
      assertThat(ra.get("owned_shards").size()).isEqualTo(32);
      assertThat(ra.get("replica_id").asText()).isNotEqualTo(rb.get("replica_id").asText());
    }
    assertThat(log.toString()).doesNotContain("fleet:");
  }

  private static SloServer start(String url, Path spec, StringWriter log) {
    ServeCommand cmd = new ServeCommand();
    new CommandLine(cmd)
        .parseArgs(
            "--spec", spec.toString(), "--jdbc", url, "--fleet", "--port", "0", "--interval", "1h");
    return cmd.start(new PrintWriter(new StringWriter()), new PrintWriter(log, true));
  }

  private static JsonNode readyz(SloServer s) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/readyz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }
}
