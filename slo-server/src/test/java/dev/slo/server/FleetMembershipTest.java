package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.SourceException;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.store.FleetCoordinator;
import dev.slo.core.store.InMemoryStore;
import dev.slo.core.store.Shards;
import dev.slo.core.store.SingleReplicaFleet;
import dev.slo.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FleetMembershipTest {
  private final MutableClock clock = new MutableClock(Harness.START);
  private final StringWriter log = new StringWriter();

  @Test
  void shouldEvaluateOnlyTheSlosOfOwnedShardsAndSaveTheirStatus() {
    // "api" is in shard 29, "web" in another one
    int apiShard = Shards.of("api");
    assertThat(Shards.of("web")).isNotEqualTo(apiShard);
    ScriptedCoordinator fleet = new ScriptedCoordinator();
    fleet.next = Set.of(apiShard);
    InMemoryStore store = new InMemoryStore(clock);
    Monitor m = monitor(store, fleet);
    m.evaluateNow();
    assertThat(m.snapshot("api")).isPresent();
    assertThat(m.snapshot("web")).isEmpty();
    assertThat(store.slos().status("api").orElseThrow().lastUpdated()).isEqualTo(Harness.START);
    assertThat(store.slos().status("web")).isEmpty();
    assertThat(m.ownedShards()).containsExactly(apiShard);
    // the shard moves away: its snapshot is forgotten
    fleet.next = Set.of(Shards.of("web"));
    m.evaluateNow();
    assertThat(m.snapshot("api")).isEmpty();
    assertThat(m.snapshot("web")).isPresent();
  }

  @Test
  void shouldOwnNothingAndLogOnceWhileRebalancingFails() {
    ScriptedCoordinator fleet = new ScriptedCoordinator();
    fleet.next = Shards.all();
    Monitor m = monitor(new InMemoryStore(clock), fleet);
    m.evaluateNow();
    assertThat(m.snapshots()).hasSize(2);
    fleet.failure = "lost the fleet connection to PostgreSQL at h:5432/db (refused)";
    m.evaluateNow();
    m.evaluateNow();
    assertThat(m.ownedShards()).isEmpty();
    assertThat(m.snapshots()).isEmpty();
    assertThat(m.fleetError()).isEqualTo(fleet.failure);
    assertThat(log.toString().lines().filter(l -> l.contains("fleet:")).count()).isEqualTo(1);
    String readyz = new String(FleetStatus.readyz(m), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(readyz).contains("\"owned_shards\":[]").contains("\"fleet_error\":\"lost the");
    fleet.failure = null;
    m.evaluateNow();
    assertThat(m.snapshots()).hasSize(2);
    assertThat(m.fleetError()).isNull();
  }

  @Test
  void shouldEvaluateEverythingAloneAndReleaseOnClose() {
    SingleReplicaFleet fleet = new SingleReplicaFleet("solo");
    Monitor m = monitor(new InMemoryStore(clock), fleet);
    m.evaluateNow();
    assertThat(m.ownedShards()).hasSize(Shards.COUNT);
    assertThat(m.snapshots()).hasSize(2);
    m.close();
    assertThat(fleet.owned()).isEmpty();
  }

  private Monitor monitor(InMemoryStore store, FleetCoordinator fleet) {
    return Monitor.builder()
        .store(store)
        .slos(SpecParser.parse("spec.yaml", Harness.SPEC).slos())
        .source(new ScriptedSource())
        .fleet(fleet)
        .clock(clock)
        .log(new PrintWriter(log, true))
        .build();
  }

  /** Owns whatever the test says; fails with the scripted message when set. */
  private static final class ScriptedCoordinator implements FleetCoordinator {
    volatile Set<Integer> next = Set.of();
    volatile String failure;
    volatile Set<Integer> owned = Set.of();

    @Override
    public String replicaId() {
      return "scripted";
    }

    @Override
    public Set<Integer> rebalance(Instant now) {
      if (failure != null) {
        owned = Set.of();
        throw new SourceException(failure);
      }
      owned = next;
      return owned;
    }

    @Override
    public Set<Integer> owned() {
      return owned;
    }

    @Override
    public void release() {
      owned = Set.of();
    }

    @Override
    public void close() {
      owned = Set.of();
    }
  }
}
