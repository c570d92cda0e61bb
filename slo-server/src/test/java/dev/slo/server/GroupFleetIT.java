package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.store.Shards;
import dev.slo.core.window.Window;
import dev.slo.jdbc.JdbcFleet;
import dev.slo.jdbc.JdbcStore;
import dev.slo.testing.MutableClock;
import dev.slo.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Grouped SLOs in a two-replica fleet on the real PostgreSQL (issue 12): a group is in its SLO's
 * shard, its status is saved to slo_status and its events go through the outbox; when a replica is
 * closed, the survivor continues its groups' statuses from the saved state, without repeating their
 * events.
 */
class GroupFleetIT {
  private static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final int SLOS = 12;

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
  void shouldKeepGroupStatusesAndEventsThroughAReplicasLoss() throws Exception {
    String url = TestDatabase.freshSchema("slo_g2_group_fleet");
    List<Slo> slos = slos();
    List<SloServer> servers = new ArrayList<>();
    List<Monitor> fleet = new ArrayList<>();
    for (String id : List.of("a", "b")) {
      JdbcStore store = JdbcStore.open(url, Map.of());
      open.add(store);
      JdbcFleet f = store.fleet(id, INTERVAL);
      SloServer server =
          SloServer.builder()
              .store(store)
              .slos(slos)
              .source(new GroupedSource())
              .writeHistory(false)
              .fleet(f)
              .outbox(store.outbox(f))
              .clock(clock)
              .interval(INTERVAL)
              .port(0)
              .schedule(false)
              .log(new PrintWriter(log, true))
              .build()
              .start();
      open.add(0, server);
      servers.add(server);
      fleet.add(server.monitor());
    }
    pass(fleet);
    pass(fleet); // settled: each replica owns about half the shards
    assertThat(fleet.get(0).ownedShards()).isNotEmpty();
    assertThat(fleet.get(1).ownedShards()).isNotEmpty();
    JdbcStore reader = (JdbcStore) fleet.get(0).store();
    List<String> groupIds = new ArrayList<>();
    for (Slo s : slos) {
      for (String route : List.of("/ok", "/burn")) {
        groupIds.add(s.forGroup(Map.of("route", route)).sloId());
      }
    }
    Set<String> ownedByB = new java.util.HashSet<>();
    Instant at = pass(fleet);
    for (String g : groupIds) {
      assertThat(reader.slos().status(g)).as(g).isPresent();
      assertThat(reader.slos().status(g).orElseThrow().lastUpdated()).as(g).isEqualTo(at);
      if (fleet.get(1).ownedShards().contains(Shards.of(g))) {
        ownedByB.add(g);
      }
    }
    assertThat(ownedByB).isNotEmpty().hasSizeLessThan(groupIds.size());
    // any replica answers a group's status from what its owner saved
    String burning = ownedByB.stream().filter(g -> g.contains("/burn")).findFirst().orElseThrow();
    com.fasterxml.jackson.databind.JsonNode read =
        Harness.JSON.readTree(get(servers.get(0), status(burning)));
    assertThat(read.get("slo_id").asText()).isEqualTo(burning);
    assertThat(read.get("group_labels").get("route").asText()).isEqualTo("/burn");
    assertThat(read.get("current_sli").asDouble()).isEqualTo(50.0);
    assertThat(Harness.JSON.readTree(get(servers.get(1), status(burning))).get("slo_id").asText())
        .isEqualTo(burning);
    Map<String, Integer> before = eventsPerSlo(url);
    // each group raised one event (its first status), in its SLO's shard
    assertThat(before).hasSize(groupIds.size()).containsOnlyKeys(groupIds);
    assertThat(new java.util.HashSet<>(before.values())).containsExactly(1);

    servers.get(1).close();
    Instant after = null;
    for (int i = 0; i < 2; i++) {
      after = pass(List.of(fleet.get(0)));
    }

    assertThat(fleet.get(0).ownedShards()).hasSize(Shards.COUNT);
    for (String g : groupIds) {
      assertThat(reader.slos().status(g).orElseThrow().lastUpdated()).as(g).isEqualTo(after);
    }
    assertThat(fleet.get(0).groupIds(slos.get(0).sloId())).hasSize(2);
    // the survivor resumed the moved groups' firing state: no event repeated, none lost
    assertThat(eventsPerSlo(url)).isEqualTo(before);
    assertThat(log.toString()).doesNotContain("cannot save");
  }

  /** Every outbox row, pending or not, per slo_id; each event_id once, in its SLO's shard. */
  private static Map<String, Integer> eventsPerSlo(String url) {
    Map<String, Integer> per = new HashMap<>();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery("SELECT event_id::text, slo_id, shard FROM slo_outbox")) {
      Set<String> ids = new java.util.HashSet<>();
      while (rs.next()) {
        String sloId = rs.getString(2);
        assertThat(ids.add(rs.getString(1))).as(rs.getString(1)).isTrue();
        assertThat(rs.getInt(3)).as(sloId).isEqualTo(Shards.of(base(sloId)));
        per.merge(sloId, 1, Integer::sum);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return per;
  }

  private static String status(String id) {
    return "/api/v1/slos/"
        + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        + "/status";
  }

  private static String get(SloServer server, String path) throws Exception {
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.port() + path))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  private static String base(String groupId) {
    return dev.slo.core.model.GroupId.baseOf(groupId);
  }

  private Instant pass(List<Monitor> fleet) {
    Instant at = clock.instant();
    fleet.forEach(Monitor::evaluateNow);
    clock.advance(INTERVAL);
    return at;
  }

  private static List<Slo> slos() {
    StringBuilder spec = new StringBuilder("slos:\n");
    for (int i = 0; i < SLOS; i++) {
      spec.append(
          String.format(
              "  - slo_id: grp-%02d%n    slo_name: Grouped %d%n    service_name: svc%n"
                  + "    slo_type: AVAILABILITY%n    target_percentage: 99.9%n"
                  + "    time_period: ROLLING_24H%n    group_by: [route]%n",
              i, i));
    }
    return SpecParser.parse("fleet.yaml", spec.toString()).slos();
  }

  /** Two groups per SLO: route /ok never fails, route /burn fails half its requests. */
  private static final class GroupedSource implements EventSource {
    @Override
    public List<EventCounts> counts(Slo slo, List<Window> windows) {
      boolean burn = "/burn".equals(slo.groupLabels().get("route"));
      List<EventCounts> out = new ArrayList<>();
      for (Window w : windows) {
        long total = Math.max(1, w.length().toMinutes()) * 1000;
        out.add(new EventCounts(burn ? total / 2 : total, total));
      }
      return out;
    }

    @Override
    public Set<Map<String, String>> groups(Slo template, Instant from, Instant to) {
      return Set.of(Map.of("route", "/ok"), Map.of("route", "/burn"));
    }
  }
}
