package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.store.FleetCoordinator;
import dev.slo.core.store.Shards;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A pass that runs longer than three intervals fences the replica until the pass ends. */
class PassWatchdogTest {
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final AtomicLong now = new AtomicLong(1_000);
  private final StringWriter log = new StringWriter();
  private final CountingCoordinator coordinator = new CountingCoordinator();
  private final FleetMembership fleet =
      new FleetMembership(coordinator, INTERVAL, new PrintWriter(log, true));
  private final PassWatchdog watchdog =
      new PassWatchdog(fleet, INTERVAL, new PrintWriter(log, true), now::get);

  @Test
  void shouldKeepTheShardsWhileAPassRunsUpToThreeIntervals() {
    fleet.rebalance(Instant.EPOCH);
    watchdog.passStarted();
    advance(INTERVAL.multipliedBy(PassWatchdog.STUCK_INTERVALS));
    watchdog.check();
    assertThat(watchdog.fenced()).isFalse();
    assertThat(coordinator.released.get()).isZero();
    assertThat(fleet.owned()).hasSize(Shards.COUNT);
  }

  @Test
  void shouldReleaseEveryShardOnceWhenAPassRunsLongerThanThreeIntervals() {
    fleet.rebalance(Instant.EPOCH);
    watchdog.passStarted();
    advance(INTERVAL.multipliedBy(3).plusMillis(1));
    watchdog.check();
    watchdog.check();
    assertThat(watchdog.fenced()).isTrue();
    assertThat(coordinator.released.get()).isEqualTo(1);
    assertThat(fleet.owned()).isEmpty();
    assertThat(fleet.owns("svc-001")).isFalse();
    assertThat(fleet.error()).startsWith("the evaluation pass has run for 30.0s");
    assertThat(log.toString()).contains("every shard is released until it ends");
  }

  @Test
  void shouldClaimAgainWithThePassAfterTheStuckOneEnds() {
    fleet.rebalance(Instant.EPOCH);
    watchdog.passStarted();
    advance(Duration.ofSeconds(45));
    watchdog.check();
    watchdog.passEnded();
    assertThat(watchdog.fenced()).isFalse();
    assertThat(log.toString()).contains("the stuck evaluation pass ended after 45.0s");
    assertThat(fleet.rebalance(Instant.EPOCH.plusSeconds(60))).hasSize(Shards.COUNT);
    assertThat(fleet.error()).isNull();
    advance(Duration.ofSeconds(45)); // no pass in flight: nothing to fence
    watchdog.check();
    assertThat(coordinator.released.get()).isEqualTo(1);
  }

  @Test
  void shouldFenceThroughTheMembershipsOwnWatchdogWhenStarted() throws Exception {
    FleetMembership real =
        new FleetMembership(coordinator, Duration.ofMillis(400), new PrintWriter(log, true));
    try {
      real.start();
      real.rebalance(Instant.EPOCH); // the pass begins and then hangs
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (coordinator.released.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(coordinator.released.get()).isEqualTo(1);
      assertThat(real.owned()).isEmpty();
    } finally {
      real.close();
    }
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  /** Owns every shard; counts releases. */
  private static final class CountingCoordinator implements FleetCoordinator {
    final AtomicInteger released = new AtomicInteger();
    volatile Set<Integer> owned = Set.of();

    @Override
    public String replicaId() {
      return "watched";
    }

    @Override
    public Set<Integer> rebalance(Instant at) {
      owned = Shards.all();
      return owned;
    }

    @Override
    public Set<Integer> owned() {
      return owned;
    }

    @Override
    public void release() {
      released.incrementAndGet();
      owned = Set.of();
    }

    @Override
    public void close() {
      owned = Set.of();
    }
  }
}
