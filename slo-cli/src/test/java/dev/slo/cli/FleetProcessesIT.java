package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slo.core.eval.SloStatus;
import dev.slo.core.store.Shards;
import dev.slo.jdbc.JdbcStore;
import dev.slo.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code slo serve --fleet} processes on one database; one is killed with SIGKILL and the
 * survivors take its shards and evaluate its SLOs. Real processes and the real PostgreSQL.
 */
class FleetProcessesIT {
  private static final int SLOS = 30;
  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void killAll() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void shouldHandAKilledReplicasShardsAndSlosToTheSurvivors() throws Exception {
    String url = TestDatabase.freshSchema("slo_fleet_procs");
    Path spec = Fixtures.write(dir, "slos.yaml", spec());
    Path data = Fixtures.write(dir, "events.csv", data(Instant.now()));
    try (JdbcStore store = JdbcStore.open(url, Map.of())) {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        processes.add(start(url, spec, data, dir.resolve("out-" + i)));
      }
      for (int i = 0; i < 3; i++) {
        ports.add(port(processes.get(i), dir.resolve("out-" + i)));
      }
      await(
          Duration.ofSeconds(90),
          () -> sizes(ports).stream().sorted().toList().equals(List.of(21, 21, 22)),
          () -> "three replicas settle at 21/21/22: " + sizes(ports));
      assertThat(union(ports)).isEqualTo(Shards.all());

      Instant killed = Instant.now();
      long t0 = System.nanoTime();
      processes.get(1).destroyForcibly().waitFor();
      List<Integer> survivors = List.of(ports.get(0), ports.get(2));
      await(
          Duration.ofSeconds(60),
          () -> sizes(survivors).equals(List.of(32, 32)),
          () -> "the survivors take all 64 shards: " + sizes(survivors));
      long takeoverMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(union(survivors)).isEqualTo(Shards.all());
      await(
          Duration.ofSeconds(60),
          () -> everySloEvaluatedAfter(store, killed),
          () -> "every SLO has a status saved after the kill");
      long evaluatedMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf(
          "FleetProcessesIT: shards taken over %d ms and every SLO re-evaluated %d ms after"
              + " SIGKILL (interval %s)%n",
          takeoverMs, evaluatedMs, INTERVAL);
    }
  }

  private Process start(String url, Path spec, Path data, Path out) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java.toString(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.slo.cli.Main",
            "serve",
            "--spec",
            spec.toString(),
            "--data",
            data.toString(),
            "--jdbc",
            url,
            "--fleet",
            "--port",
            "0",
            "--interval",
            INTERVAL.toSeconds() + "s");
    pb.redirectErrorStream(true).redirectOutput(out.toFile());
    return pb.start();
  }

  private static int port(Process p, Path out) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      String text = Files.exists(out) ? Files.readString(out) : "";
      Matcher m = LISTENING.matcher(text);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!p.isAlive()) {
        throw new AssertionError("slo serve exited with " + p.exitValue() + ": " + text);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("slo serve did not start in 90s: " + Files.readString(out));
  }

  private Optional<JsonNode> readyz(int port) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private List<Integer> sizes(List<Integer> ports) {
    return ports.stream()
        .map(p -> readyz(p).map(r -> r.get("owned_shards").size()).orElse(-1))
        .toList();
  }

  private Set<Integer> union(List<Integer> ports) {
    Set<Integer> all = new HashSet<>();
    int total = 0;
    for (int p : ports) {
      for (JsonNode s : readyz(p).orElseThrow().get("owned_shards")) {
        all.add(s.asInt());
        total++;
      }
    }
    assertThat(total).as("shards owned twice").isEqualTo(all.size());
    return all;
  }

  private static boolean everySloEvaluatedAfter(JdbcStore store, Instant t) {
    for (int i = 0; i < SLOS; i++) {
      Optional<SloStatus> s = store.slos().status(id(i));
      if (s.isEmpty() || !s.get().lastUpdated().isAfter(t)) {
        return false;
      }
    }
    return true;
  }

  private static void await(
      Duration limit, BooleanSupplier done, java.util.function.Supplier<String> what)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit + ": " + what.get());
      }
      Thread.sleep(250);
    }
  }

  private static String id(int i) {
    return String.format("svc-%02d", i);
  }

  private static String spec() {
    StringBuilder s = new StringBuilder("slos:\n");
    for (int i = 0; i < SLOS; i++) {
      s.append("  - slo_id: ")
          .append(id(i))
          .append("\n    slo_name: Service ")
          .append(i)
          .append("\n    service_name: svc\n    slo_type: AVAILABILITY\n")
          .append("    target_percentage: 99.9\n    time_period: ROLLING_24H\n");
    }
    return s.toString();
  }

  private static String data(Instant now) {
    StringBuilder s = new StringBuilder("timestamp,slo_id,good_events,total_events\n");
    for (int i = 0; i < SLOS; i++) {
      for (int m = 1; m <= 10; m++) {
        s.append(now.minusSeconds(60L * m)).append(',').append(id(i)).append(",999,1000\n");
      }
    }
    return s.toString();
  }
}
