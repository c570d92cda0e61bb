package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.store.SliMetric;
import dev.slo.core.store.SloFilter;
import dev.slo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a short `slo eval --jdbc` process relies on: a quick open and a repeatable batched read. */
class OneShotReadsIT {

  @Test
  void shouldOpenACurrentSchemaWithoutWaitingForTheMigrationLock() throws Exception {
    String url = TestDatabase.freshSchema("slo_t_oneshot_lock");
    try (JdbcStore first = JdbcStore.open(url, Map.of())) {
      assertThat(first.openingMigration().toVersion()).isEqualTo(Migrations.LATEST);
    }
    // another process holds the migration lock (as a run applying migrations would)
    try (Connection holder = DriverManager.getConnection(url);
        Statement st = holder.createStatement()) {
      holder.setAutoCommit(false);
      st.execute(
          "SELECT pg_advisory_xact_lock(hashtextextended('dev.slo.jdbc.migrate:'"
              + " || current_schema(), 0))");
      CompletableFuture<MigrationResult> opened =
          CompletableFuture.supplyAsync(
              () -> {
                try (JdbcStore s = JdbcStore.open(url, Map.of())) {
                  return s.openingMigration();
                }
              });
      MigrationResult r = opened.get(20, TimeUnit.SECONDS);
      assertThat(r.fromVersion()).isEqualTo(Migrations.LATEST);
      assertThat(r.toVersion()).isEqualTo(Migrations.LATEST);
      assertThat(r.applied()).isEmpty();
      assertThat(r.hypertable()).isFalse();
      holder.rollback();
    }
  }

  @Test
  void shouldAnswerRepeatedFleetEvaluationsAlikeAndLeaveTheConnectionSettingsAlone() {
    Instant at = Rows.T0;
    try (JdbcStore store =
        JdbcStore.open(TestDatabase.freshSchema("slo_t_oneshot_read"), Map.of())) {
      Map<String, dev.slo.core.source.EventSeries> series = new HashMap<>();
      for (int i = 0; i < 3; i++) {
        String id = "s" + i;
        store.slos().create(Rows.slo(id, "svc"));
        // 31 days of rows every 7 minutes, so windows end inside hours and days
        List<SliMetric> rows =
            Rows.minutes(id, at.minus(Duration.ofDays(31)), 6_400, Duration.ofMinutes(7), i);
        store.ingest(rows.iterator(), n -> {}, 5_000, Duration.ofSeconds(10));
        series.put(id, Rows.series(rows));
      }
      InMemoryEventSource memory = new InMemoryEventSource(series);
      List<Slo> slos = store.slos().list(SloFilter.ALL);
      assertThat(slos).hasSize(3);
      Evaluator evaluator = new Evaluator();
      List<Evaluation> expected = evaluator.evaluateAll(slos, memory, at);
      String before = settings(store);
      // past the fifth run, PostgreSQL may plan server-prepared statements generically
      for (int run = 0; run < 12; run++) {
        Instant when = at.minus(Duration.ofMinutes(run * 13L));
        List<String> notes = new ArrayList<>();
        List<Evaluation> got =
            evaluator.evaluateAll(slos, store.eventSource(slos, when, notes), when);
        assertThat(got).as("run " + run).isEqualTo(evaluator.evaluateAll(slos, memory, when));
        assertThat(notes).isEmpty();
      }
      assertThat(evaluator.evaluateAll(slos, store.eventSource(slos, at, List.of()), at))
          .isEqualTo(expected);
      // SET LOCAL: the reused connection is back to the server's settings
      assertThat(settings(store)).isEqualTo(before);
      assertThat(store.corrections().list()).isEmpty();
    }
  }

  @Test
  void shouldEvaluateFromACurrentStoreWithoutBuildingJdbi() {
    String url = TestDatabase.freshSchema("slo_t_oneshot_lazy");
    try (JdbcStore store = JdbcStore.open(url, Map.of())) {
      store.slos().create(Rows.slo("s", "svc"));
      store.ingest(
          Rows.minutes("s", Rows.T0.minus(Duration.ofDays(2)), 500, Duration.ofMinutes(5), 3)
              .iterator(),
          n -> {},
          1_000,
          Duration.ofSeconds(10));
    }
    // what `slo eval --jdbc` does: open, list the SLOs and corrections, read the batch
    try (JdbcStore store = JdbcStore.open(url, Map.of())) {
      List<Slo> slos = store.slos().list(SloFilter.ALL);
      assertThat(store.corrections().list()).isEmpty();
      List<Evaluation> got =
          new Evaluator()
              .evaluateAll(slos, store.eventSource(slos, Rows.T0, new ArrayList<>()), Rows.T0);
      assertThat(got).hasSize(1);
      assertThat(got.get(0).units().total()).isPositive();
      assertThat(store.db().jdbiBuilt()).isFalse();
    }
  }

  @Test
  void shouldReadTheBatchWithPlanCacheAndJitSettingsOfItsOwn() {
    try (JdbcStore store =
        JdbcStore.open(TestDatabase.freshSchema("slo_t_oneshot_set"), Map.of())) {
      String inside =
          store
              .db()
              .plainTransaction(
                  "test",
                  c -> {
                    PrefetchedEventSource.readSettings(c);
                    return current(c);
                  });
      assertThat(inside).isEqualTo("off,force_custom_plan,on");
    }
  }

  private static String settings(JdbcStore store) {
    return store.db().plain("test", OneShotReadsIT::current);
  }

  private static String current(Connection c) throws java.sql.SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT current_setting('jit') || ',' || current_setting('plan_cache_mode')"
                    + " || ',' || current_setting('transaction_read_only')")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
