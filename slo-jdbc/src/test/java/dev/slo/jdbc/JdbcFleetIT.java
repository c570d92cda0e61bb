package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.SourceException;
import dev.slo.core.store.Shards;
import dev.slo.testing.MutableClock;
import dev.slo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdbcFleetIT {
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
  private final List<AutoCloseable> open = new ArrayList<>();
  private JdbcStore store;

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void shouldSplitSixtyFourShardsTwentyTwoTwentyOneTwentyOneAmongThree() {
    List<JdbcFleet> fleet = join("slo_fleet_three", "a", "b", "c");
    rounds(fleet, 2);
    assertOwnedOnceEach(fleet);
    assertThat(sizes(fleet)).containsExactly(22, 21, 21);
    // a settled fleet stays put
    round(fleet);
    assertThat(sizes(fleet)).containsExactly(22, 21, 21);
  }

  @Test
  void shouldHandAClosedReplicasShardsToTheOthersWithinTwoRebalances() {
    List<JdbcFleet> fleet = join("slo_fleet_close", "a", "b", "c");
    rounds(fleet, 2);
    fleet.get(1).close();
    List<JdbcFleet> rest = List.of(fleet.get(0), fleet.get(2));
    round(rest);
    round(rest);
    assertOwnedOnceEach(rest);
    assertThat(sizes(rest)).containsExactly(32, 32);
  }

  @Test
  void shouldRebalanceToSixteenEachWhenAFourthJoins() {
    List<JdbcFleet> fleet = new ArrayList<>(join("slo_fleet_four", "a", "b", "c"));
    rounds(fleet, 2);
    fleet.add(join(store, "d"));
    rounds(fleet, 3);
    assertOwnedOnceEach(fleet);
    assertThat(sizes(fleet)).containsExactly(16, 16, 16, 16);
  }

  @Test
  void shouldLoseEveryShardWithItsConnectionAndReclaimOnReconnect() throws Exception {
    List<JdbcFleet> fleet = join("slo_fleet_lost", "a", "b", "c");
    rounds(fleet, 2);
    JdbcFleet victim = fleet.get(2);
    terminate(victim.backendPid());
    List<JdbcFleet> rest = List.of(fleet.get(0), fleet.get(1));
    // the survivors see the dead session at once, though its heartbeat is recent
    round(rest);
    assertOwnedOnceEach(rest);
    assertThat(sizes(rest)).containsExactly(32, 32);
    assertThatThrownBy(() -> victim.rebalance(clock.instant()))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("lost the fleet connection to PostgreSQL at ")
        .hasMessageNotContaining("password");
    assertThat(victim.owned()).isEmpty();
    rounds(fleet, 3);
    assertOwnedOnceEach(fleet);
    assertThat(sizes(fleet)).containsExactly(22, 21, 21);
  }

  @Test
  void shouldCountAReplicaSilentForThreeIntervalsAsGone() {
    List<JdbcFleet> fleet = join("slo_fleet_silent", "a", "b");
    rounds(fleet, 2);
    JdbcFleet a = fleet.get(0);
    clock.advance(INTERVAL.multipliedBy(3).plusSeconds(1));
    // b has not heartbeated for over three intervals: a aims at all 64 but b still holds its 32
    assertThat(a.rebalance(clock.instant())).hasSize(32);
    fleet.get(1).close();
    assertThat(a.rebalance(clock.instant())).hasSize(64);
  }

  @Test
  void shouldOwnNothingAfterClose() {
    List<JdbcFleet> fleet = join("slo_fleet_closed", "a");
    assertThat(fleet.get(0).rebalance(clock.instant())).hasSize(64);
    fleet.get(0).close();
    assertThat(fleet.get(0).owned()).isEmpty();
    assertThat(fleet.get(0).rebalance(clock.instant())).isEmpty();
  }

  private List<JdbcFleet> join(String schema, String... ids) {
    store = JdbcStore.open(TestDatabase.freshSchema(schema), Map.of());
    open.add(store);
    List<JdbcFleet> out = new ArrayList<>();
    for (String id : ids) {
      out.add(join(store, id));
    }
    return out;
  }

  private JdbcFleet join(JdbcStore s, String id) {
    JdbcFleet f = s.fleet(id, INTERVAL);
    open.add(0, f);
    return f;
  }

  /** One rebalance of each replica in turn, then the clock moves one interval. */
  private void round(List<JdbcFleet> fleet) {
    for (JdbcFleet f : fleet) {
      f.rebalance(clock.instant());
    }
    clock.advance(INTERVAL);
  }

  private void rounds(List<JdbcFleet> fleet, int n) {
    for (int i = 0; i < n; i++) {
      round(fleet);
    }
  }

  private static List<Integer> sizes(List<JdbcFleet> fleet) {
    return fleet.stream().map(f -> f.owned().size()).toList();
  }

  private static void assertOwnedOnceEach(List<JdbcFleet> fleet) {
    Set<Integer> union = new HashSet<>();
    int total = 0;
    for (JdbcFleet f : fleet) {
      union.addAll(f.owned());
      total += f.owned().size();
    }
    assertThat(union).isEqualTo(Shards.all());
    assertThat(total).as("shards owned twice").isEqualTo(Shards.COUNT);
  }

  private static void terminate(int pid) throws Exception {
    assertThat(pid).isPositive();
    try (Connection c = DriverManager.getConnection(TestDatabase.baseUrl());
        // with a timeout, PostgreSQL 14+ waits until the backend is gone (and its advisory locks
        // with it) instead of only signalling it
        PreparedStatement st = c.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
      st.setInt(1, pid);
      try (java.sql.ResultSet rs = st.executeQuery()) {
        assertThat(rs.next() && rs.getBoolean(1)).as("backend %d terminated", pid).isTrue();
      }
    }
  }
}
