package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.SourceException;
import dev.slo.core.source.EventCounts;
import dev.slo.core.store.BucketSize;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.Window;
import dev.slo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two-phase load behind {@code slo ingest}: staged COPY, then one summing merge. */
class StagedIngestIT {
  private static final Instant T = Instant.parse("2026-11-30T12:00:00Z");
  private String url;
  private JdbcStore store;

  @BeforeEach
  void setUp() {
    url = TestDatabase.freshSchema("slo_store_staged");
    store = JdbcStore.open(url, Map.of());
    store.slos().create(Rows.slo("inj-1", "svc"));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private StagedIngest.Result load(Object[]... rows) {
    try (StagedIngest load = store.stagedIngest()) {
      for (Object[] r : rows) {
        load.add((String) r[0], (Instant) r[1], (Long) r[2], (Long) r[3]);
      }
      return load.merge();
    }
  }

  @Test
  void shouldSumRowsOfOneStepAndKeepTheSumOnReRun() {
    Object[][] rows = {
      {"inj-1", T, 90L, 100L}, {"inj-1", T, 5L, 10L}, {"inj-1", T.plusSeconds(60), 7L, 7L}
    };
    StagedIngest.Result first = load(rows);
    assertThat(first).isEqualTo(new StagedIngest.Result(3, 2, 1));
    StagedIngest.Result again = load(rows);
    assertThat(again.storedRows()).isEqualTo(2);
    Window w = new Window(T.minusSeconds(1), T.plusSeconds(60));
    List<SliMetric> stored = store.history().history("inj-1", w);
    assertThat(stored).hasSize(2);
    assertThat(stored.get(0).goodEvents()).isEqualTo(95);
    assertThat(stored.get(0).totalEvents()).isEqualTo(110);
    assertThat(stored.get(0).sliValue()).isEqualTo(SliMetric.ofCounts("x", T, 95, 110).sliValue());
    assertThat(stored.get(0).isGood()).isFalse(); // 86.4% against a 99% target
    assertThat(store.eventSource().counts(Rows.slo("inj-1", "svc"), List.of(w)))
        .containsExactly(new EventCounts(102, 117));
    long dayRows =
        store
            .history()
            .buckets("inj-1", T.minusSeconds(86_400), T.plusSeconds(86_400), BucketSize.DAY)
            .stream()
            .mapToLong(b -> b.rows())
            .sum();
    assertThat(dayRows).isEqualTo(2);
  }

  @Test
  void shouldStreamNewStepsInOnePassAndStageOnlyWhenAStepRepeats() {
    StagedIngest.Result fresh =
        store.load(
            sink -> {
              for (int i = 0; i < 500; i++) {
                sink.add("inj-1", T.plusSeconds(60L * i), i % 7, 7);
              }
            });
    assertThat(fresh).isEqualTo(new StagedIngest.Result(500, 500, 0, null));
    Window all = new Window(T.minusSeconds(1), T.plusSeconds(60L * 500));
    long good = 0;
    for (int i = 0; i < 500; i++) {
      good += i % 7;
    }
    assertThat(store.eventSource().counts(Rows.slo("inj-1", "svc"), List.of(all)))
        .containsExactly(new EventCounts(good, 3500));
    assertThat(store.verify(T.minusSeconds(86_400), T.plusSeconds(86_400)).differing()).isZero();
    StagedIngest.Result again =
        store.load(
            sink -> {
              for (int i = 0; i < 500; i++) {
                sink.add("inj-1", T.plusSeconds(60L * i), i % 7, 7);
              }
            });
    assertThat(again.storedRows()).isEqualTo(500);
    assertThat(again.staged()).contains("stored already or repeats");
    assertThat(store.eventSource().counts(Rows.slo("inj-1", "svc"), List.of(all)))
        .containsExactly(new EventCounts(good, 3500));
    assertThat(store.verify(T.minusSeconds(86_400), T.plusSeconds(86_400)).differing()).isZero();
  }

  @Test
  void shouldReplaceRowsStoredBeforeRatherThanAddToThem() {
    store.history().append(List.of(SliMetric.ofCounts("inj-1", T, 1, 1)));
    load(new Object[] {"inj-1", T, 3L, 4L});
    Window w = new Window(T.minusSeconds(1), T);
    assertThat(store.history().history("inj-1", w).get(0).totalEvents()).isEqualTo(4);
    assertThat(
            store
                .history()
                .buckets("inj-1", T.minusSeconds(3600), T.plusSeconds(1), BucketSize.HOUR))
        .singleElement()
        .satisfies(b -> assertThat(b.counts()).isEqualTo(new EventCounts(3, 4)));
  }

  @Test
  void shouldSayNoRowWasCommittedWhenTheMergeKeepsFailing() throws SQLException {
    AtomicInteger opened = new AtomicInteger();
    Jdbi jdbi =
        Jdbi.create(
            () -> {
              if (opened.incrementAndGet() > 1) {
                throw new SQLException("connection refused", "08001");
              }
              return DriverManager.getConnection(url);
            });
    StagedIngest load =
        new StagedIngest(new Db(jdbi, "db.example:5432/slo"), Duration.ofMillis(300));
    for (int i = 0; i < 1000; i++) {
      load.add("inj-1", T.plusSeconds(60L * i), 1, 1);
    }
    load.add("inj-1", T, 1, 1);
    try (Connection admin = DriverManager.getConnection(url);
        Statement st = admin.createStatement()) {
      assertThatThrownBy(
              () -> {
                load.flush(); // staged; now break the staging connection before the merge
                st.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <>"
                        + " pg_backend_pid() AND datname = current_database()"
                        + " AND application_name = 'PostgreSQL JDBC Driver' AND state = 'idle'"
                        + " AND query LIKE 'COPY slo_ingest_stage_%'");
                load.merge();
              })
          .isInstanceOf(SourceException.class)
          .hasMessageContaining("0 rows committed to sli_metrics_ts (1001 staged)")
          .hasMessageContaining("run it again");
    }
    load.close();
    assertThat(
            store.history().history("inj-1", new Window(T.minusSeconds(1), T.plusSeconds(86_400))))
        .isEmpty();
  }
}
