package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.eval.SloStatus;
import dev.slo.core.model.Status;
import dev.slo.core.store.OutboxEvent;
import dev.slo.core.store.SavedSnapshot;
import dev.slo.core.store.Shards;
import dev.slo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fleet's saved snapshots and outbox on the real PostgreSQL (migration 8). */
class JdbcOutboxIT {
  private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");
  private JdbcStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private JdbcStore open(String schema) {
    store = JdbcStore.open(TestDatabase.freshSchema(schema), Map.of());
    store.slos().create(Rows.slo("a", "svc"));
    store.slos().create(Rows.slo("b", "svc"));
    return store;
  }

  private static SavedSnapshot snap(String id, Status status, Instant at) {
    return new SavedSnapshot(
        new SloStatus(id, 99.5, 99.0, status, 0.5, 0.5, 1.0, null, at),
        "{\"slo_id\":\"" + id + "\",\"status\":\"" + status + "\"}",
        "{\"slo_id\":\"" + id + "\"}",
        "{\"alerts\":[]}");
  }

  private static OutboxEvent event(String id, Instant at) {
    return OutboxEvent.of(UUID.randomUUID().toString(), id, "{\"slo\":\"" + id + "\"}", at);
  }

  @Test
  void shouldSaveSnapshotAndEventTogetherAndKeepTheNewerSnapshot() {
    JdbcOutbox o = open("slo_outbox_commit").outbox(null);
    OutboxEvent e = event("a", T);
    assertThat(o.commit(List.of(snap("a", Status.CRITICAL, T)), List.of(e))).containsExactly("a");
    o.commit(List.of(snap("a", Status.HEALTHY, T.minusSeconds(5))), List.of());
    assertThat(o.snapshot("a").orElseThrow().status().status()).isEqualTo(Status.CRITICAL);
    assertThat(o.snapshot("a").orElseThrow().statusJson()).contains("CRITICAL");
    assertThat(store.slos().status("a").orElseThrow().status()).isEqualTo(Status.CRITICAL);
    assertThat(o.snapshot("b")).isEmpty();
    assertThat(o.snapshots(List.of("a", "b", "none")).keySet()).containsExactly("a");
    assertThat(o.snapshots(List.of("a")).get("a")).isEqualTo(o.snapshot("a").orElseThrow());
    assertThat(o.due(Shards.all(), T, 10)).containsExactly(e);
    assertThat(o.depth().pending()).isEqualTo(1);
    assertThat(o.depth().oldest()).contains(T);
  }

  @Test
  void shouldNotReturnADeliveredEventAgainAndRetryAFailedOneWhenDue() {
    JdbcOutbox o = open("slo_outbox_deliver").outbox(null);
    OutboxEvent a = event("a", T);
    OutboxEvent b = event("b", T.plusSeconds(1));
    o.commit(List.of(), List.of(a, b));
    assertThat(o.due(Set.of(Shards.of("b")), T.plusSeconds(2), 10))
        .contains(b)
        .allMatch(e -> e.shard() == Shards.of("b"));
    assertThat(o.due(Shards.all(), T.plusSeconds(2), 10)).containsExactly(a, b);
    o.delivered(a.eventId(), T.plusSeconds(2));
    o.failed(b.eventId(), T.plusSeconds(10), "HTTP 503");
    assertThat(o.due(Shards.all(), T.plusSeconds(5), 10)).isEmpty();
    List<OutboxEvent> again = o.due(Shards.all(), T.plusSeconds(10), 10);
    assertThat(again).hasSize(1);
    assertThat(again.get(0).attempts()).isEqualTo(1);
    // delivering twice changes nothing; a delivered event is never due again
    o.delivered(b.eventId(), T.plusSeconds(11));
    o.failed(b.eventId(), T.plusSeconds(12), "late");
    assertThat(o.due(Shards.all(), T.plusSeconds(60), 10)).isEmpty();
    assertThat(o.depth().pending()).isZero();
  }

  @Test
  void shouldBoundTheOutboxByAgeAndSize() {
    JdbcOutbox o = open("slo_outbox_trim").outbox(null);
    for (int i = 0; i < 5; i++) {
      o.commit(List.of(), List.of(event("a", T.plusSeconds(i))));
    }
    OutboxEvent done = event("b", T.minus(Duration.ofDays(3)));
    o.commit(List.of(), List.of(done));
    o.delivered(done.eventId(), T.minus(Duration.ofDays(3)));
    // one older than the age bound, then the oldest beyond 3 waiting
    int abandoned = o.trim(T.plusMillis(500), 3, T.minus(Duration.ofDays(1)));
    assertThat(abandoned).isEqualTo(2);
    assertThat(o.depth().pending()).isEqualTo(3);
    assertThat(o.depth().oldest()).contains(T.plusSeconds(2));
  }

  @Test
  void shouldRefuseTheSlosOfShardsTheFleetSessionDoesNotHold() throws Exception {
    JdbcStore s = open("slo_outbox_fence");
    try (JdbcFleet fleet = s.fleet("only", Duration.ofSeconds(10))) {
      JdbcOutbox o = s.outbox(fleet);
      // not connected yet: nothing is kept
      assertThat(o.commit(List.of(snap("a", Status.HEALTHY, T)), List.of(event("a", T)))).isEmpty();
      fleet.rebalance(T);
      assertThat(fleet.owned()).hasSize(Shards.COUNT);
      assertThat(o.commit(List.of(snap("a", Status.HEALTHY, T)), List.of(event("a", T))))
          .containsExactly("a");
      // another session takes shard of "b" after this one lost its connection
      terminate(fleet.backendPid());
      assertThat(
              o.commit(
                  List.of(snap("b", Status.HEALTHY, T)), List.of(event("b", T.plusSeconds(1)))))
          .isEmpty();
      assertThat(o.snapshot("b")).isEmpty();
      assertThat(o.depth().pending()).isEqualTo(1);
    }
  }

  private static void terminate(int pid) throws Exception {
    try (Connection c = DriverManager.getConnection(TestDatabase.baseUrl());
        PreparedStatement st = c.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
      st.setInt(1, pid);
      st.executeQuery().close();
    }
  }
}
