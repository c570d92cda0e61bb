package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Native daily partitions of the SLI history, retention by dropping partitions, evaluation from
 * rollups past the raw retention, and the conversion of a populated plain table. The fleet size is
 * {@code -Dslo.partition.slos} SLOs (default 3; the figure is 200) x 90 days of one-minute
 * rows.
 */
class PartitionsIT {
  private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
  private static final int MINUTES = 90 * 24 * 60;
  private static final Instant AT = Instant.parse("2026-12-30T00:00:00Z");
  private static final int SLOS = Integer.getInteger("slo.partition.slos", 3);
  private static final String PARTITIONED =
      "SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()";

  private static long good(int slo, int minute) {
    return 1000 - ((minute * 7L + slo * 13L) % 11) - (minute % 1440 == 0 ? 5 : 0);
  }

  @Test
  void shouldKeepDailyPartitionsPruneReadsAndExpireWholeDaysWithoutChangingFigures()
      throws SQLException {
    String url = TestDatabase.freshSchema("slo_store_parts");
    try (JdbcStore store = JdbcStore.open(url, Map.of())) {
      List<Slo> slos = new ArrayList<>();
      for (int s = 0; s < SLOS; s++) {
        Slo slo =
            Rows.slo("s" + s, "svc").toBuilder().timePeriod(TimePeriod.CALENDAR_QUARTER).build();
        store.slos().create(slo);
        slos.add(slo);
      }
      JdbcStore.RetentionPolicy keepAll =
          new JdbcStore.RetentionPolicy(
              Duration.ofDays(100), Duration.ofDays(400), Duration.ofDays(1826));
      store.maintain(AT, keepAll, Duration.ofDays(1), JdbcStore.Partitioner.BUILTIN);
      store.load(
          sink -> {
            for (int m = 0; m < MINUTES; m++) {
              Instant t = START.plusSeconds(60L * m);
              for (int s = 0; s < SLOS; s++) {
                sink.add("s" + s, t, good(s, m), 1000);
              }
            }
          });
      store.maintain(
          AT,
          null,
          Duration.ofDays(1),
          JdbcStore.Partitioner.BUILTIN); // files any rows that landed in the default
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        assertThat(count(st, "SELECT count(*) FROM sli_metrics_ts_default")).isZero();
        TreeSet<String> days = new TreeSet<>();
        for (int d = 0; d < 90; d++) {
          String day = START.plus(Duration.ofDays(d)).toString().substring(0, 10).replace("-", "_");
          days.add("sli_metrics_ts_p" + day);
          assertThat(count(st, "SELECT count(*) FROM sli_metrics_ts_p" + day))
              .as(day)
              .isEqualTo(1440L * SLOS);
        }
        // a 30-day window reads the 31 daily partitions it overlaps, no other
        String plan =
            text(
                st,
                "EXPLAIN SELECT sum(good_events) FROM sli_metrics_ts WHERE slo_id = 's0'"
                    + " AND \"timestamp\" > '2026-11-30T00:00:00Z'"
                    + " AND \"timestamp\" <= '2026-12-30T00:00:00Z'");
        TreeSet<String> touched = new TreeSet<>();
        Matcher m = Pattern.compile("sli_metrics_ts_(p\\d{4}_\\d\\d_\\d\\d|default)").matcher(plan);
        while (m.find()) {
          touched.add(m.group());
        }
        assertThat(touched)
            .hasSize(31)
            .allMatch(n -> n.compareTo("sli_metrics_ts_p2026_11_30") >= 0);
      }
      InMemoryEventSource exact = new InMemoryEventSource(series());
      Evaluator evaluator = new Evaluator();
      assertThat(evaluator.evaluateAll(slos, store.eventSource(slos, AT, new ArrayList<>()), AT))
          .isEqualTo(evaluator.evaluateAll(slos, exact, AT));

      JdbcStore.MaintenanceReport expired =
          store.maintain(
              AT,
              new JdbcStore.RetentionPolicy(
                  Duration.ofDays(35), Duration.ofDays(400), Duration.ofDays(1826)),
              Duration.ofDays(1),
              JdbcStore.Partitioner.BUILTIN);
      Instant cutoff = Instant.parse("2026-11-25T00:00:00Z"); // the day of AT - 35d
      assertThat(expired.dropped())
          .contains("sli_metrics_ts_p2026_10_01", "sli_metrics_ts_p2026_11_24")
          .filteredOn(n -> n.startsWith("sli_metrics_ts_p"))
          .allMatch(n -> n.compareTo("sli_metrics_ts_p2026_11_25") < 0);
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        assertThat(
                count(
                    st,
                    "SELECT count(*) FROM sli_metrics_ts WHERE \"timestamp\" < '" + cutoff + "'"))
            .isZero();
        long keptMinutes = Duration.between(cutoff, START.plus(Duration.ofDays(90))).toMinutes();
        assertThat(count(st, "SELECT count(*) FROM sli_metrics_ts")).isEqualTo(keptMinutes * SLOS);
      }
      // the quarter now starts before the raw retention: read from rollups, figures unchanged
      List<String> notes = new ArrayList<>();
      assertThat(evaluator.evaluateAll(slos, store.eventSource(slos, AT, notes), AT))
          .isEqualTo(evaluator.evaluateAll(slos, exact, AT));
      assertThat(notes)
          .hasSize(SLOS)
          .allMatch(n -> n.contains("read at hour resolution") && n.contains("exact"));
      assertThat(store.verify(cutoff, AT).differing()).isZero();
      // idempotent
      JdbcStore.MaintenanceReport again =
          store.maintain(AT, null, Duration.ofDays(1), JdbcStore.Partitioner.BUILTIN);
      assertThat(again.created()).isEmpty();
      assertThat(again.dropped()).isEmpty();
    }
  }

  @Test
  void shouldReportRollupsThatDifferFromTheRawRows() throws SQLException {
    String url = TestDatabase.freshSchema("slo_store_verify");
    try (JdbcStore store = JdbcStore.open(url, Map.of())) {
      store.history().append(Rows.minutes("v", Rows.T0, 300, Duration.ofMinutes(1), 3));
      Instant to = Rows.T0.plus(Duration.ofDays(1));
      assertThat(store.verify(Rows.T0, to).differing()).isZero();
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        st.execute(
            "UPDATE sli_rollup_hour SET good_events = good_events - 1 WHERE bucket = '2026-03-01T02:00:00Z'");
      }
      JdbcStore.VerifyReport r = store.verify(Rows.T0, to);
      assertThat(r.differing()).isEqualTo(1);
      assertThat(r.listed().get(0).resolution()).isEqualTo("hour");
      assertThat(r.listed().get(0).rawGood()).isEqualTo(r.listed().get(0).rollupGood() + 1);
    }
  }

  @Test
  void shouldConvertAPopulatedPlainTableWithoutLosingARow() throws SQLException {
    String url = TestDatabase.freshSchema("slo_store_convert");
    Jdbi jdbi = Jdbi.create(url);
    Migrations.migrate(jdbi, 4); // everything before the partitioning
    Map<String, List<SliMetric>> bySlo = new HashMap<>();
    for (int s = 0; s < 4; s++) {
      List<SliMetric> rows = Rows.minutes("c" + s, Rows.T0, 20_000, Duration.ofSeconds(97), s);
      bySlo.put("c" + s, rows);
      jdbi.useTransaction(h -> SliWriter.write(h, rows));
    }
    String sums =
        "SELECT slo_id, count(*), sum(good_events), sum(total_events) FROM <t> GROUP BY 1 ORDER BY 1";
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      for (String t : List.of("sli_metrics_ts", "sli_rollup_hour", "sli_rollup_day")) {
        before.addAll(
            lines(
                st,
                sums.replace("<t>", t)
                    .replace(
                        "count(*)", t.equals("sli_metrics_ts") ? "count(*)" : "sum(row_count)")));
      }
      assertThat(count(st, PARTITIONED)).isZero();
    }
    try (JdbcStore store = JdbcStore.open(url, Map.of())) { // applies V5
      assertThat(store.openingMigration().applied()).anyMatch(a -> a.startsWith("V5"));
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      for (String t : List.of("sli_metrics_ts", "sli_rollup_hour", "sli_rollup_day")) {
        after.addAll(
            lines(
                st,
                sums.replace("<t>", t)
                    .replace(
                        "count(*)", t.equals("sli_metrics_ts") ? "count(*)" : "sum(row_count)")));
      }
      assertThat(count(st, PARTITIONED)).isEqualTo(3);
      assertThat(count(st, "SELECT count(*) FROM sli_metrics_ts_default")).isZero();
    }
    assertThat(after).isEqualTo(before).hasSize(12);
    long expected = bySlo.get("c0").size();
    assertThat(before.get(0)).startsWith("c0 " + expected + " ");
  }

  @Test
  void shouldUseTimescaleDbWhenTheExtensionExists() throws SQLException {
    String url = TestDatabase.freshSchema("slo_store_tsdb");
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      assumeTrue(
          count(st, "SELECT count(*) FROM pg_available_extensions WHERE name = 'timescaledb'") > 0,
          "timescaledb is not available on this server (not packaged for Debian): the hypertable"
              + " path is untested here");
    }
    try (JdbcStore store = JdbcStore.open(url, Map.of())) {
      assumeTrue(
          store.openingMigration().hypertable(),
          "timescaledb could not be enabled on this server: " + store.openingMigration().applied());
      JdbcStore.MaintenanceReport r =
          store.maintain(
              AT,
              new JdbcStore.RetentionPolicy(
                  Duration.ofDays(35), Duration.ofDays(400), Duration.ofDays(1826)),
              Duration.ofDays(1));
      assertThat(r.partitioner()).startsWith("TimescaleDB hypertable: 1-day chunks");
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        assertThat(
                text(
                    st,
                    "SELECT time_interval FROM timescaledb_information.dimensions"
                        + " WHERE hypertable_schema = current_schema()"
                        + " AND hypertable_name = 'sli_metrics_ts' AND dimension_type = 'Time'"))
            .isEqualTo("1 day\n");
        assertThat(
                text(
                    st,
                    "SELECT proc_name || ' ' || coalesce(config->>'drop_after',"
                        + " config->>'compress_after') FROM timescaledb_information.jobs"
                        + " WHERE hypertable_schema = current_schema()"
                        + " AND hypertable_name = 'sli_metrics_ts' ORDER BY 1"))
            .isEqualTo("policy_compression 35 days\npolicy_retention 35 days\n");
      }
      // a second run replaces the policies rather than adding more
      store.maintain(AT, null, Duration.ofDays(1));
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        assertThat(
                count(
                    st,
                    "SELECT count(*) FROM timescaledb_information.jobs"
                        + " WHERE hypertable_schema = current_schema()"
                        + " AND hypertable_name = 'sli_metrics_ts'"))
            .isEqualTo(2);
      }
    }
  }

  private static Map<String, EventSeries> series() {
    Map<String, EventSeries> out = new HashMap<>();
    for (int s = 0; s < SLOS; s++) {
      List<SliMetric> rows = new ArrayList<>(MINUTES);
      for (int m = 0; m < MINUTES; m++) {
        rows.add(SliMetric.ofCounts("s" + s, START.plusSeconds(60L * m), good(s, m), 1000));
      }
      out.put("s" + s, Rows.series(rows));
    }
    return out;
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String text(Statement st, String sql) throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        sb.append(rs.getString(1)).append('\n');
      }
    }
    return sb.toString();
  }

  private static List<String> lines(Statement st, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4));
      }
    }
    return out;
  }
}
