package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.store.Shards;
import dev.slo.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link JdbcFleet#release}: the shards go to the others at once; the next rebalance rejoins. */
class JdbcFleetReleaseIT {
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  @Test
  void shouldHandEveryShardToTheOtherReplicaAndRejoinAtTheNextRebalance() throws Exception {
    String url = TestDatabase.freshSchema("slo_fleet3_release");
    try (JdbcStore sa = JdbcStore.open(url, Map.of());
        JdbcStore sb = JdbcStore.open(url, Map.of());
        JdbcFleet a = sa.fleet("a", INTERVAL);
        JdbcFleet b = sb.fleet("b", INTERVAL)) {
      Instant t = Instant.parse("2026-12-01T12:00:00Z");
      for (int i = 0; i < 2; i++) {
        a.rebalance(t);
        b.rebalance(t);
      }
      assertThat(a.owned()).hasSize(32);
      int pidBefore = a.backendPid();

      a.release();
      assertThat(a.owned()).isEmpty();
      assertThat(a.fence()).as("no session for the outbox to check").isNull();
      // PostgreSQL ends the closed session (and drops its locks) within moments
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      Set<Integer> taken = b.rebalance(t);
      while (taken.size() < Shards.COUNT && System.nanoTime() < deadline) {
        Thread.sleep(20);
        taken = b.rebalance(t);
      }
      assertThat(taken).hasSize(Shards.COUNT);

      t = t.plus(INTERVAL);
      a.rebalance(t); // reconnects with a new session and heartbeats
      assertThat(a.backendPid()).isNotZero().isNotEqualTo(pidBefore);
      b.rebalance(t); // gives up its excess
      a.rebalance(t);
      assertThat(a.owned()).hasSize(32);
      assertThat(b.owned()).hasSize(32);
      Set<Integer> all = new HashSet<>(a.owned());
      all.addAll(b.owned());
      assertThat(all).hasSize(Shards.COUNT);
      assertThat(a.fence()).isNotNull();
    }
  }
}
