package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.store.SliMetric;
import dev.slo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code slo db maintain} with pg_partman (the Debian {@code postgresql-15-partman} package that
 * {@code .ci/run} installs) and with the store's own DDL. pg_partman is installed per database, so
 * this class uses a database of its own, {@code slo_partman_it}. pg_partman premakes partitions
 * around the database's clock, so the data here ends at today's midnight.
 */
class PartmanIT {
  private static final Instant AT =
      LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final int DAYS = 40;
  private static final Instant START = AT.minus(Duration.ofDays(DAYS));
  private static final int SLOS = 2;
  private static final JdbcStore.RetentionPolicy KEEP_ALL =
      new JdbcStore.RetentionPolicy(
          Duration.ofDays(100), Duration.ofDays(400), Duration.ofDays(1826));
  private static final JdbcStore.RetentionPolicy RAW_35D =
      new JdbcStore.RetentionPolicy(
          Duration.ofDays(35), Duration.ofDays(400), Duration.ofDays(1826));

  private static long good(int slo, int minute) {
    return 1000 - ((minute * 7L + slo * 13L) % 11);
  }

  @Test
  void shouldHandThePartitionsToPgPartmanAndExpireTheSameDaysAsTheStore() throws SQLException {
    String url = schemaIn(database(), "slo_partman");
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      assumeTrue(
          count(st, "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_partman'") > 0,
          "pg_partman is not available on this server (apt-get install postgresql-15-partman)");
    }
    try (JdbcStore store = JdbcStore.open(url, Map.of())) {
      List<Slo> slos = load(store);
      JdbcStore.MaintenanceReport handed =
          store.maintain(AT, KEEP_ALL, Duration.ofDays(3), JdbcStore.Partitioner.PG_PARTMAN);
      assertThat(handed.partitioner()).startsWith("pg_partman 4.");
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        assertThat(
                count(
                    st,
                    "SELECT count(*) FROM partman.part_config WHERE parent_table IN"
                        + " ('slo_partman.sli_metrics_ts', 'slo_partman.sli_rollup_hour',"
                        + " 'slo_partman.sli_rollup_day') AND retention IS NOT NULL"))
            .isEqualTo(3);
        for (int d = 0; d < DAYS; d++) {
          String name = "sli_metrics_ts_p" + day(START.plus(Duration.ofDays(d)));
          assertThat(count(st, "SELECT count(*) FROM " + name)).as(name).isEqualTo(1440L * SLOS);
        }
        assertThat(count(st, "SELECT count(*) FROM sli_metrics_ts_default")).isZero();
        // the partitions ahead, made by pg_partman
        assertThat(
                count(
                    st, "SELECT count(*) FROM sli_metrics_ts_p" + day(AT.plus(Duration.ofDays(3)))))
            .isZero();
      }
      Evaluator evaluator = new Evaluator();
      InMemoryEventSource exact = new InMemoryEventSource(series());
      assertThat(evaluator.evaluateAll(slos, store.eventSource(slos, AT, new ArrayList<>()), AT))
          .isEqualTo(evaluator.evaluateAll(slos, exact, AT));

      JdbcStore.MaintenanceReport expired =
          store.maintain(AT, RAW_35D, Duration.ofDays(3), JdbcStore.Partitioner.AUTO);
      Instant cutoff = AT.minus(Duration.ofDays(35));
      TreeSet<String> expected = new TreeSet<>();
      for (Instant d = START; d.isBefore(cutoff); d = d.plus(Duration.ofDays(1))) {
        expected.add("sli_metrics_ts_p" + day(d));
      }
      assertThat(expired.partitioner()).startsWith("pg_partman 4.");
      String first = "sli_metrics_ts_p" + day(cutoff);
      assertThat(expired.dropped())
          .containsAll(expected)
          .filteredOn(n -> n.startsWith("sli_metrics_ts_p"))
          .allMatch(n -> n.compareTo(first) < 0);
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        assertThat(
                count(
                    st,
                    "SELECT count(*) FROM sli_metrics_ts WHERE \"timestamp\" < '" + cutoff + "'"))
            .isZero();
        assertThat(count(st, "SELECT count(*) FROM sli_metrics_ts"))
            .isEqualTo(Duration.ofDays(35).toMinutes() * SLOS);
        // no partition left that ends at or before the cutoff
        assertThat(
                count(
                    st,
                    "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " WHERE i.inhparent = 'sli_metrics_ts'::regclass AND c.relname < '"
                        + first
                        + "' AND c.relname <> 'sli_metrics_ts_default'"))
            .isZero();
        // pg_partman's own scheduler entry point runs on the handed-over tables without error
        // and leaves the same partitions
        long parts =
            count(
                st,
                "SELECT count(*) FROM pg_inherits WHERE inhparent = 'sli_metrics_ts'::regclass");
        st.execute("SELECT partman.run_maintenance('slo_partman.sli_metrics_ts', false, false)");
        assertThat(
                count(
                    st,
                    "SELECT count(*) FROM pg_inherits WHERE inhparent = 'sli_metrics_ts'::regclass"))
            .isEqualTo(parts);
      }
      List<String> notes = new ArrayList<>();
      assertThat(evaluator.evaluateAll(slos, store.eventSource(slos, AT, notes), AT))
          .isEqualTo(evaluator.evaluateAll(slos, exact, AT));
      assertThat(store.verify(cutoff, AT).differing()).isZero();
      JdbcStore.MaintenanceReport again =
          store.maintain(AT, null, Duration.ofDays(3), JdbcStore.Partitioner.AUTO);
      assertThat(again.created()).isEmpty();
      assertThat(again.dropped()).isEmpty();
      // pg_partman's own retention drops more days behind the store's back (as its background
      // worker would): the store reads the rollups there and the figures stay the same
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        st.execute(
            "SELECT partman.drop_partition_time('slo_partman.sli_metrics_ts',"
                + " p_retention => interval '20 days', p_keep_table => false,"
                + " p_reference_timestamp => '"
                + AT
                + "')");
        assertThat(
                count(
                    st,
                    "SELECT count(*) FROM sli_metrics_ts WHERE \"timestamp\" < '"
                        + AT.minus(Duration.ofDays(21))
                        + "'"))
            .isZero();
      }
      List<String> behind = new ArrayList<>();
      assertThat(evaluator.evaluateAll(slos, store.eventSource(slos, AT, behind), AT))
          .isEqualTo(evaluator.evaluateAll(slos, exact, AT));
      assertThat(behind).hasSize(SLOS).allMatch(n -> n.contains("read at hour resolution"));
    }
  }

  @Test
  void shouldKeepTheStoresOwnDdlWhenAskedEvenWithPgPartmanInstalled() throws SQLException {
    String url = schemaIn(database(), "slo_builtin");
    try (JdbcStore store = JdbcStore.open(url, Map.of())) {
      load(store);
      store.maintain(AT, KEEP_ALL, Duration.ofDays(3), JdbcStore.Partitioner.BUILTIN);
      JdbcStore.MaintenanceReport r =
          store.maintain(AT, RAW_35D, Duration.ofDays(3), JdbcStore.Partitioner.BUILTIN);
      assertThat(r.partitioner()).isEqualTo("built-in DDL (asked for)");
      String first = "sli_metrics_ts_p" + day(AT.minus(Duration.ofDays(35)));
      assertThat(r.dropped())
          .contains("sli_metrics_ts_p" + day(START))
          .filteredOn(n -> n.startsWith("sli_metrics_ts_p"))
          .allMatch(n -> n.compareTo(first) < 0);
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        if (count(st, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_partman'") > 0) {
          assertThat(
                  count(
                      st,
                      "SELECT count(*) FROM partman.part_config"
                          + " WHERE parent_table LIKE 'slo_builtin.%'"))
              .isZero();
        }
        assertThat(count(st, "SELECT count(*) FROM sli_metrics_ts"))
            .isEqualTo(Duration.ofDays(35).toMinutes() * SLOS);
      }
    }
  }

  private static List<Slo> load(JdbcStore store) {
    List<Slo> slos = new ArrayList<>();
    for (int s = 0; s < SLOS; s++) {
      Slo slo = Rows.slo("p" + s, "svc");
      store.slos().create(slo);
      slos.add(slo);
    }
    store.load(
        sink -> {
          for (int m = 0; m < DAYS * 1440; m++) {
            Instant t = START.plusSeconds(60L * m);
            for (int s = 0; s < SLOS; s++) {
              sink.add("p" + s, t, good(s, m), 1000);
            }
          }
        });
    return slos;
  }

  private static Map<String, EventSeries> series() {
    Map<String, EventSeries> out = new HashMap<>();
    for (int s = 0; s < SLOS; s++) {
      List<SliMetric> rows = new ArrayList<>();
      for (int m = 0; m < DAYS * 1440; m++) {
        rows.add(SliMetric.ofCounts("p" + s, START.plusSeconds(60L * m), good(s, m), 1000));
      }
      out.put("p" + s, Rows.series(rows));
    }
    return out;
  }

  private static String day(Instant t) {
    return t.toString().substring(0, 10).replace('-', '_');
  }

  /** This class's own database, created once per run (pg_partman is installed per database). */
  private static synchronized String database() throws SQLException {
    String base = TestDatabase.baseUrl();
    String url = base.replaceFirst("(//[^/]+/)[^?]*", "$1slo_partman_it");
    try {
      DriverManager.getConnection(url).close();
      return url;
    } catch (SQLException missing) {
      try (Connection c = DriverManager.getConnection(base);
          Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE slo_partman_it");
      }
      return url;
    }
  }

  private static String schemaIn(String url, String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      st.execute("CREATE SCHEMA " + schema);
      if (count(st, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_partman'") > 0) {
        st.execute("DELETE FROM partman.part_config WHERE parent_table LIKE '" + schema + ".%'");
      }
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
