package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slo.core.InvalidInputException;
import dev.slo.server.SloServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private static final String SPEC =
      """
      slos:
        - slo_id: api
          slo_name: API availability
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_30D
        - slo_id: web
          slo_name: Web latency
          service_name: web
          slo_type: LATENCY
          target_percentage: 99
          time_period: ROLLING_24H
      """;

  @TempDir Path dir;

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        dev.slo.cli.Main.run(
            Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC),
            new PrintWriter(out),
            new PrintWriter(err),
            args);
    return code + "\n" + out + err;
  }

  @Test
  void shouldBeASubcommandWithHelp() {
    assertThat(run("serve", "--help"))
        .startsWith("0\n")
        .contains("--events-file")
        .contains("--alertmanager")
        .contains("--token-file")
        .contains("--read-token-file")
        .contains("--allow-origin")
        .contains("--allow-anonymous-writes")
        .contains("127.0.0.1");
  }

  @Test
  void shouldRejectBadOptionsWithExitCode2() throws Exception {
    Path spec = Files.writeString(dir.resolve("slos.yaml"), SPEC);
    assertThat(run("serve", "--spec", dir.resolve("missing.yaml").toString()))
        .startsWith("2\n")
        .contains("missing.yaml");
    assertThat(run("serve", "--spec", spec.toString())).startsWith("2\n").contains("--data");
    Path data =
        Files.writeString(dir.resolve("e.csv"), "timestamp,slo_id,good_events,total_events\n");
    assertThat(
            run(
                "serve",
                "--spec",
                spec.toString(),
                "--data",
                data.toString(),
                "--interval",
                "soon"))
        .startsWith("2\n")
        .contains("--interval");
    assertThat(
            run(
                "serve",
                "--spec",
                spec.toString(),
                "--data",
                data.toString(),
                "--webhook",
                "ftp://x"))
        .startsWith("2\n")
        .contains("--webhook");
    String[] base = {"serve", "--spec", spec.toString(), "--data", data.toString(), "--port", "0"};
    assertThat(run(concat(base, "--bind", "0.0.0.0")))
        .startsWith("2\n")
        .contains("--bind 0.0.0.0 is not a loopback address")
        .contains("--allow-anonymous-writes");
    assertThat(run(concat(base, "--allow-origin", "evil")))
        .startsWith("2\n")
        .contains("--allow-origin");
    assertThat(run(concat(base, "--request-timeout", "0s")))
        .startsWith("2\n")
        .contains("--request-timeout");
    assertThat(run(concat(base, "--max-connections", "0")))
        .startsWith("2\n")
        .contains("--max-connections");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void shouldRefuseAFleetWithoutADatabase() throws Exception {
    Path spec = Files.writeString(dir.resolve("slos.yaml"), SPEC);
    Path data =
        Files.writeString(dir.resolve("e.csv"), "timestamp,slo_id,good_events,total_events\n");
    assertThat(run("serve", "--spec", spec.toString(), "--data", data.toString(), "--fleet"))
        .startsWith("2\n")
        .contains("--fleet needs --jdbc URL");
  }

  @Test
  void shouldServeADataFileAndGoStaleWhenItVanishes() throws Exception {
    Path spec = Files.writeString(dir.resolve("slos.yaml"), SPEC);
    Instant now = Instant.now();
    StringBuilder csv = new StringBuilder("timestamp,slo_id,good_events,total_events\n");
    for (int m = 0; m < 120; m++) {
      csv.append(now.minusSeconds(60L * m)).append(",api,999,1000\n");
    }
    Path data = Files.writeString(dir.resolve("events.csv"), csv);
    ServeCommand cmd = new ServeCommand();
    new CommandLine(cmd)
        .parseArgs("--spec", spec.toString(), "--data", data.toString(), "--port", "0");
    StringWriter log = new StringWriter();
    try (SloServer server =
        cmd.start(new PrintWriter(new StringWriter()), new PrintWriter(log, true))) {
      server.evaluateNow();
      HttpClient http = HttpClient.newHttpClient();
      URI status = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/slos/api/status");
      JsonNode s =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.ofString())
                  .body());
      assertThat(s.get("current_sli").asDouble()).isEqualTo(99.9);
      assertThat(s.get("stale").asBoolean()).isFalse();
      Files.delete(data);
      server.evaluateNow();
      s =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.ofString())
                  .body());
      assertThat(s.get("stale").asBoolean()).isTrue();
      assertThat(s.get("source_error").asText()).contains("events.csv");
      assertThat(s.get("current_sli").asDouble()).isEqualTo(99.9);
    }
  }

  @Test
  void shouldRefuseAnEmptyTokenFile() throws Exception {
    Path spec = Files.writeString(dir.resolve("slos.yaml"), SPEC);
    Path data =
        Files.writeString(dir.resolve("e.csv"), "timestamp,slo_id,good_events,total_events\n");
    Path token = Files.writeString(dir.resolve("token"), "  \n");
    ServeCommand cmd = new ServeCommand();
    new CommandLine(cmd)
        .parseArgs(
            "--spec",
            spec.toString(),
            "--data",
            data.toString(),
            "--token-file",
            token.toString(),
            "--port",
            "0");
    assertThatThrownBy(
            () ->
                cmd.start(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--token-file");
  }
}
