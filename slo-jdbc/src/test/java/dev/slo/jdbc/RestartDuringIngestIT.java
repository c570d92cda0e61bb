package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slo.core.source.EventCounts;
import dev.slo.core.store.BucketSize;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.Window;
import dev.slo.testing.TestDatabase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Stops and starts the local 15/main cluster while an ingest runs; needs root and that cluster. */
class RestartDuringIngestIT {

  @Test
  void shouldFinishAnIngestAcrossARestartWithNothingLostOrDoubled() throws Exception {
    String url = TestDatabase.freshSchema("slo_t_restart");
    assumeTrue(TestDatabase.isLocalCluster(), "restarts only the local 15/main cluster, as root");
    JdbcStore store = JdbcStore.open(url, Map.of());
    Instant bootBefore = postmasterStart(url);
    List<SliMetric> rows = Rows.minutes("r", Rows.T0, 200_000, Duration.ofSeconds(10), 9);
    AtomicReference<Thread> restarter = new AtomicReference<>();
    long[] batchesAfterRestart = {0};
    Instant ingestEnd = null;
    try {
      long n =
          store.ingest(
              rows.iterator(),
              done -> {
                if (done >= 40_000 && restarter.get() == null) {
                  CountDownLatch stopped = new CountDownLatch(1);
                  Thread t = new Thread(() -> stopWaitStart(stopped), "pg-restart");
                  restarter.set(t);
                  t.start();
                  await(stopped); // the next batch meets a stopped server
                } else if (restarter.get() != null) {
                  batchesAfterRestart[0]++;
                }
              },
              5_000,
              Duration.ofSeconds(60));
      assertThat(n).isEqualTo(rows.size());
      ingestEnd = Instant.now();
    } finally {
      Thread t = restarter.get();
      if (t != null) {
        t.join(TimeUnit.SECONDS.toMillis(60));
      }
      cluster("start"); // idempotent: make sure the server is up for later tests
    }
    assertThat(restarter.get()).as("the restart happened mid-ingest").isNotNull();
    Instant bootAfter = postmasterStart(url);
    assertThat(bootAfter).as("the server restarted").isAfter(bootBefore);
    assertThat(ingestEnd).as("the ingest outlived the restart").isAfter(bootAfter);
    assertThat(batchesAfterRestart[0]).isPositive();
    Window all = new Window(Rows.T0.minusSeconds(1), Rows.T0.plus(Duration.ofDays(30)));
    assertThat(store.history().history("r", all)).hasSize(rows.size());
    EventCounts expected = new EventCounts(Rows.sumGood(rows), Rows.sumTotal(rows));
    assertThat(store.eventSource().counts(Rows.slo("r", "s"), List.of(all)))
        .containsExactly(expected);
    long dayRows =
        store.history().buckets("r", all.start(), all.end(), BucketSize.DAY).stream()
            .mapToLong(b -> b.rows())
            .sum();
    assertThat(dayRows).isEqualTo(rows.size());
    store.close();
  }

  private static Instant postmasterStart(String url) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.ResultSet rs =
            c.createStatement().executeQuery("SELECT pg_postmaster_start_time()")) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    }
  }

  private static void stopWaitStart(CountDownLatch stopped) {
    cluster("stop");
    stopped.countDown();
    sleepMillis(2_000);
    cluster("start");
  }

  private static void cluster(String action) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", action));
    if (action.equals("stop")) {
      command.addAll(List.of("-m", "fast"));
    }
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new IllegalStateException("pg_ctlcluster " + action + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
