package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.store.Shards;
import dev.slo.core.store.SloFilter;
import dev.slo.core.window.Window;
import dev.slo.jdbc.JdbcFleet;
import dev.slo.jdbc.JdbcStore;
import dev.slo.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A replica whose evaluation pass hangs while its PostgreSQL connection stays open fences itself:
 * its shards move to the survivor within the documented five intervals, the stuck pass writes no
 * status and no event once it ends, and the replica rejoins afterwards (real PostgreSQL, real
 * scheduling).
 */
class FleetSelfFencingIT {
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final int SLOS = 40;

  private final StringWriter logA = new StringWriter();
  private final StringWriter logB = new StringWriter();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final HangingSource hanging = new HangingSource();

  @AfterEach
  void closeAll() throws Exception {
    hanging.release.countDown();
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void shouldMoveAStuckReplicasShardsAndRefuseItsWritesOnceItIsFenced() throws Exception {
    String url = TestDatabase.freshSchema("slo_fleet3_fencing");
    List<Slo> slos = slos();
    Monitor a = replica(url, "a", hanging, logA);
    Monitor b = replica(url, "b", new Good(), logB);
    a.start();
    b.start();
    JdbcStore reader = (JdbcStore) b.store();
    await(
        "32 shards each and every SLO saved",
        Duration.ofSeconds(30),
        () ->
            a.ownedShards().size() == 32
                && b.ownedShards().size() == 32
                && saved(reader, slos, Instant.EPOCH));
    long eventsBefore = outboxRows(url);
    assertThat(eventsBefore).as("first evaluations' events").isEqualTo(SLOS);

    hanging.hang = true; // a's next pass blocks in its source, its fleet connection stays open
    assertThat(hanging.entered.await(10, TimeUnit.SECONDS)).isTrue();
    long stuckAt = System.nanoTime();
    Duration documented = INTERVAL.multipliedBy(PassWatchdog.STUCK_INTERVALS + 2);
    Duration allowance = Duration.ofSeconds(3); // a loaded 2-core machine delays threads
    await(
        "b owns all 64 shards",
        documented.plus(allowance),
        () -> b.ownedShards().size() == Shards.COUNT);
    Duration moved = Duration.ofNanos(System.nanoTime() - stuckAt);
    System.out.println(
        "FleetSelfFencingIT: shards moved " + moved.toMillis() + " ms after the hang");
    assertThat(moved).isLessThanOrEqualTo(documented.plus(allowance));
    assertThat(a.ownedShards()).isEmpty();
    assertThat(a.fleetError()).contains("every shard is released until it ends");
    assertThat(((JdbcFleet) a.fleet().orElseThrow()).owned()).isEmpty();
    Instant takenOver = Instant.now();
    await(
        "b saves every SLO after the takeover",
        Duration.ofSeconds(10),
        () -> saved(reader, slos, takenOver));

    // the stuck pass ends with every SLO of its first shard failing: nothing of it may be saved
    hanging.release.countDown();
    await(
        "the stuck pass ends",
        Duration.ofSeconds(10),
        () -> logA.toString().contains("the stuck evaluation pass ended"));
    Instant ended = Instant.now();
    await(
        "a rejoins and owns its share again",
        Duration.ofSeconds(15),
        () -> a.ownedShards().size() == 32 && b.ownedShards().size() == 32);
    await(
        "every SLO saved after a rejoined",
        Duration.ofSeconds(10),
        () -> saved(reader, slos, ended));
    for (Slo s : reader.slos().list(SloFilter.ALL)) {
      assertThat(reader.slos().status(s.sloId()).orElseThrow().status())
          .as(s.sloId())
          .isEqualTo(Status.HEALTHY);
    }
    assertThat(outboxRows(url)).as("events after the stuck pass").isEqualTo(eventsBefore);
    assertThat(hanging.failedAnswers).as("bad counts the stuck pass got").isPositive();
    assertThat(logB.toString()).doesNotContain("fleet:");
  }

  private Monitor replica(String url, String id, EventSource source, StringWriter log) {
    JdbcStore store = JdbcStore.open(url, Map.of());
    open.add(store);
    JdbcFleet fleet = store.fleet(id, INTERVAL);
    Monitor m =
        Monitor.builder()
            .store(store)
            .slos(slos())
            .source(source)
            .writeHistory(false)
            .fleet(fleet)
            .outbox(store.outbox(fleet))
            .clock(Clock.systemUTC())
            .interval(INTERVAL)
            .log(new PrintWriter(log, true))
            .build();
    open.add(0, m);
    return m;
  }

  /** True when every SLO has a saved status updated after {@code after}. */
  private static boolean saved(JdbcStore store, List<Slo> slos, Instant after) {
    for (Slo s : slos) {
      var st = store.slos().status(s.sloId());
      if (st.isEmpty() || !st.get().lastUpdated().isAfter(after)) {
        return false;
      }
    }
    return true;
  }

  private static long outboxRows(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM slo_outbox")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void await(String what, Duration limit, BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited " + limit + " for: " + what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static List<Slo> slos() {
    StringBuilder spec = new StringBuilder("slos:\n");
    for (int i = 0; i < SLOS; i++) {
      spec.append(
          String.format(
              "  - slo_id: svc-%03d%n    slo_name: Service %d%n    service_name: svc%n"
                  + "    slo_type: AVAILABILITY%n    target_percentage: 99.9%n"
                  + "    time_period: ROLLING_24H%n",
              i, i));
    }
    return SpecParser.parse("fencing.yaml", spec.toString()).slos();
  }

  private static List<EventCounts> counts(List<Window> windows, boolean bad) {
    List<EventCounts> out = new ArrayList<>();
    for (Window w : windows) {
      long total = Math.max(1, w.length().toMinutes()) * 1000;
      out.add(new EventCounts(bad ? 0 : total - total / 10_000, total));
    }
    return out;
  }

  /** Healthy counts. */
  private static final class Good implements EventSource {
    @Override
    public List<EventCounts> counts(Slo slo, List<Window> windows) {
      return FleetSelfFencingIT.counts(windows, false);
    }
  }

  /**
   * Healthy counts until {@link #hang}; then the next call (the evaluator's, in its next pass)
   * blocks until released and answers that every event failed: the SLO's status would change and
   * cause an event if the stuck pass could still save it. Called by the evaluator thread only.
   */
  private static final class HangingSource implements EventSource {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hang;
    volatile int failedAnswers;

    @Override
    public List<EventCounts> counts(Slo slo, List<Window> windows) {
      if (hang && entered.getCount() > 0) {
        entered.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        failedAnswers++;
        return FleetSelfFencingIT.counts(windows, true);
      }
      return FleetSelfFencingIT.counts(windows, false);
    }
  }
}
