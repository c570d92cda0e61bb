package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.store.Shards;
import dev.slo.core.store.SloFilter;
import dev.slo.core.window.Window;
import dev.slo.jdbc.JdbcStore;
import dev.slo.testing.MutableClock;
import dev.slo.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replicas of one fleet on the real PostgreSQL share the SLOs: each evaluated once per pass. */
class FleetIT {
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
  private final StringWriter log = new StringWriter();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void shouldEvaluateEverySloExactlyOncePerPassAcrossThreeReplicas() {
    String url = TestDatabase.freshSchema("slo_fleet_monitor");
    List<Slo> slos = slos(300);
    Map<String, Map<String, AtomicInteger>> evaluated = new ConcurrentHashMap<>();
    List<Monitor> fleet = new ArrayList<>();
    for (String id : List.of("a", "b", "c")) {
      JdbcStore store = JdbcStore.open(url, Map.of());
      open.add(store);
      Monitor m =
          Monitor.builder()
              .store(store)
              .slos(slos)
              .source(
                  new CountingSource(evaluated.computeIfAbsent(id, k -> new ConcurrentHashMap<>())))
              .writeHistory(false)
              .fleet(store.fleet(id, INTERVAL))
              .clock(clock)
              .interval(INTERVAL)
              .log(new PrintWriter(log, true))
              .build();
      open.add(0, m);
      fleet.add(m);
    }
    // two passes to settle (each replica learns of the others as they heartbeat)
    for (int i = 0; i < 2; i++) {
      pass(fleet);
    }
    assertThat(fleet.stream().map(m -> m.ownedShards().size()).toList())
        .containsExactly(22, 21, 21);
    JdbcStore reader = (JdbcStore) fleet.get(0).store();
    for (int pass = 0; pass < 3; pass++) {
      evaluated.values().forEach(Map::clear);
      Instant at = pass(fleet);
      Map<String, Integer> times = new HashMap<>();
      for (Map.Entry<String, Map<String, AtomicInteger>> replica : evaluated.entrySet()) {
        Monitor m = fleet.get(replica.getKey().charAt(0) - 'a');
        for (String sloId : replica.getValue().keySet()) {
          times.merge(sloId, 1, Integer::sum);
          assertThat(m.ownedShards()).contains(Shards.of(sloId));
        }
      }
      assertThat(times).as("pass " + pass).hasSize(300);
      assertThat(new HashSet<>(times.values())).as("evaluations per SLO").containsExactly(1);
      for (Slo s : reader.slos().list(SloFilter.ALL)) {
        assertThat(reader.slos().status(s.sloId()).orElseThrow().lastUpdated())
            .as(s.sloId())
            .isEqualTo(at);
      }
      // each replica keeps only the snapshots of its own shards
      assertThat(fleet.stream().mapToInt(m -> m.snapshots().size()).sum()).isEqualTo(300);
    }
    assertThat(log.toString()).doesNotContain("cannot save status").doesNotContain("fleet:");
  }

  @Test
  void shouldTakeOverAClosedReplicasSlosAtTheNextPass() {
    String url = TestDatabase.freshSchema("slo_fleet_takeover");
    List<Slo> slos = slos(60);
    Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    List<Monitor> fleet = new ArrayList<>();
    for (String id : List.of("a", "b")) {
      JdbcStore store = JdbcStore.open(url, Map.of());
      open.add(store);
      Monitor m =
          Monitor.builder()
              .store(store)
              .slos(slos)
              .source(new CountingSource(counts))
              .writeHistory(false)
              .fleet(store.fleet(id, INTERVAL))
              .clock(clock)
              .interval(INTERVAL)
              .log(new PrintWriter(log, true))
              .build();
      open.add(0, m);
      fleet.add(m);
    }
    pass(fleet);
    pass(fleet);
    fleet.get(1).close();
    counts.clear();
    pass(List.of(fleet.get(0)));
    assertThat(fleet.get(0).ownedShards()).hasSize(Shards.COUNT);
    assertThat(counts).hasSize(60);
  }

  @Test
  void shouldReportOwnedShardsOnReadyzAndMetrics() throws Exception {
    String url = TestDatabase.freshSchema("slo_fleet_http");
    JdbcStore store = JdbcStore.open(url, Map.of());
    open.add(store);
    SloServer server =
        SloServer.builder()
            .store(store)
            .slos(slos(3))
            .source(new CountingSource(new ConcurrentHashMap<>()))
            .writeHistory(false)
            .fleet(store.fleet("replica-1", INTERVAL))
            .clock(clock)
            .port(0)
            .schedule(false)
            .log(new PrintWriter(log, true))
            .build()
            .start();
    open.add(0, server);
    server.evaluateNow();
    HttpClient http = HttpClient.newHttpClient();
    String ready = get(http, server, "/readyz");
    assertThat(ready).startsWith("{\"status\":\"ready\",\"replica_id\":\"replica-1\"");
    assertThat(Harness.JSON.readTree(ready).get("owned_shards")).hasSize(Shards.COUNT);
    assertThat(get(http, server, "/metrics"))
        .contains("slo_fleet_owned_shards{replica_id=\"replica-1\"} 64\n");
  }

  private static String get(HttpClient http, SloServer server, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  /** One pass of each replica in turn at the same instant, then the clock moves an interval. */
  private Instant pass(List<Monitor> fleet) {
    Instant at = clock.instant();
    fleet.forEach(Monitor::evaluateNow);
    clock.advance(INTERVAL);
    return at;
  }

  private static List<Slo> slos(int n) {
    StringBuilder spec = new StringBuilder("slos:\n");
    for (int i = 0; i < n; i++) {
      spec.append(
          String.format(
              "  - slo_id: svc-%03d%n    slo_name: Service %d%n    service_name: svc%n"
                  + "    slo_type: AVAILABILITY%n    target_percentage: 99.9%n"
                  + "    time_period: ROLLING_24H%n",
              i, i));
    }
    return SpecParser.parse("fleet.yaml", spec.toString()).slos();
  }

  /** 1000 events a minute, one in 10,000 bad; counts the SLOs asked about. Thread-safe. */
  private static final class CountingSource implements EventSource {
    private final Map<String, AtomicInteger> asked;

    CountingSource(Map<String, AtomicInteger> asked) {
      this.asked = asked;
    }

    @Override
    public List<EventCounts> counts(Slo slo, List<Window> windows) {
      asked.computeIfAbsent(slo.sloId(), k -> new AtomicInteger()).incrementAndGet();
      List<EventCounts> out = new ArrayList<>();
      for (Window w : windows) {
        long total = Math.max(1, w.length().toMinutes()) * 1000;
        out.add(new EventCounts(total - total / 10_000, total));
      }
      return out;
    }
  }
}
