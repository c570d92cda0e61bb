package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.data.DataFileReader;
import dev.slo.core.data.DataSet;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size: 90 days of one-minute rows for {@code -Dslo.scale.slos} SLOs (default 200:
 * 25,920,000 rows), generated in SQL ({@code generate_series}, one statement per day, with the
 * day's hour and day buckets summed from the rows just written), in daily partitions made by {@code
 * slo db maintain}. Checks: one partition per day holding that day's rows, the plan of a 30-day
 * read touches only the window's partitions, expiry removes exactly the rows older than the raw
 * retention, and a quarter evaluated from the rollups equals the exact answer from a data file of
 * the same rows (for a sample of the SLOs: a data file of all 25.9M rows would take 1 GB). Prints
 * its phase times.
 */
class PartitionsAtScaleIT {
  private static final int SLOS = Integer.getInteger("slo.scale.slos", 200);
  private static final int DAYS = 90;
  private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant AT = START.plus(Duration.ofDays(DAYS)); // 2026-12-30
  private static final List<String> SAMPLE = List.of("s0", "s" + (SLOS / 3), "s" + (SLOS - 1));

  @TempDir Path dir;

  /** The generator, shared by the SQL below and the data file. */
  private static long good(int slo, int minute) {
    return 1000 - ((minute * 7L + slo * 13L) % 11) - (minute % 1440 == 0 ? 5 : 0);
  }

  private static final String DAY_ROWS =
      "INSERT INTO sli_metrics_ts (\"timestamp\", slo_id, sli_value, good_events, total_events,"
          + " is_good) SELECT ts, 's' || s, g / 10.0, g, 1000, g >= 990 FROM (SELECT"
          + " timestamptz '<start>' + m * interval '1 minute' AS ts, s, 1000 - ((m * 7 + s * 13) %"
          + " 11) - CASE WHEN m % 1440 = 0 THEN 5 ELSE 0 END AS g FROM generate_series(<m0>,"
          + " <m1>) m, generate_series(0, <s1>) s) x";
  private static final String DAY_HOURS =
      "INSERT INTO sli_rollup_hour (slo_id, bucket, good_events, total_events, row_count,"
          + " start_good, start_total) SELECT slo_id, date_bin('1 hour', \"timestamp\", timestamptz"
          + " 'epoch') AS b, sum(good_events), sum(total_events), count(*), coalesce(sum(good_events)"
          + " FILTER (WHERE \"timestamp\" = date_bin('1 hour', \"timestamp\", timestamptz"
          + " 'epoch')), 0), coalesce(sum(total_events) FILTER (WHERE \"timestamp\" ="
          + " date_bin('1 hour', \"timestamp\", timestamptz 'epoch')), 0) FROM sli_metrics_ts WHERE"
          + " \"timestamp\" >= '<lo>' AND \"timestamp\" < '<hi>' GROUP BY 1, 2";
  private static final String DAY_DAYS =
      "INSERT INTO sli_rollup_day (slo_id, bucket, good_events, total_events, row_count,"
          + " start_good, start_total) SELECT slo_id, timestamptz '<lo>', sum(good_events),"
          + " sum(total_events), sum(row_count), sum(start_good) FILTER (WHERE bucket = '<lo>'),"
          + " sum(start_total) FILTER (WHERE bucket = '<lo>') FROM sli_rollup_hour WHERE bucket >="
          + " '<lo>' AND bucket < '<hi>' GROUP BY 1";

  @Test
  void shouldKeepNinetyDaysOfTwoHundredSlosInDailyPartitionsAndExpireWholeDays()
      throws SQLException, IOException {
    long t0 = System.nanoTime();
    String url = TestDatabase.freshSchema("slo_store_scale");
    try (JdbcStore store = JdbcStore.open(url, Map.of())) {
      List<Slo> slos = new ArrayList<>();
      for (int s = 0; s < SLOS; s++) {
        Slo slo =
            Rows.slo("s" + s, "svc").toBuilder().timePeriod(TimePeriod.CALENDAR_QUARTER).build();
        store.slos().create(slo);
        slos.add(slo);
      }
      store.maintain(
          AT,
          new JdbcStore.RetentionPolicy(
              Duration.ofDays(100), Duration.ofDays(400), Duration.ofDays(1826)),
          Duration.ofDays(1),
          JdbcStore.Partitioner.BUILTIN);
      long tLoad = System.nanoTime();
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        load(url);
        long loaded = System.nanoTime();
        System.out.printf(
            "PartitionsAtScaleIT: %,d rows loaded in %.1f s (%,.0f rows/s)%n",
            1440L * DAYS * SLOS,
            (loaded - tLoad) / 1e9,
            1440L * DAYS * SLOS / ((loaded - tLoad) / 1e9));
        assertThat(count(st, "SELECT count(*) FROM sli_metrics_ts_default")).isZero();
        Map<String, Long> perPartition = new java.util.TreeMap<>();
        try (ResultSet rs =
            st.executeQuery(
                "SELECT CAST(tableoid::regclass AS text), count(*) FROM sli_metrics_ts GROUP BY 1")) {
          while (rs.next()) {
            perPartition.put(rs.getString(1), rs.getLong(2));
          }
        }
        Map<String, Long> expectedPerPartition = new java.util.TreeMap<>();
        for (int d = 0; d < DAYS; d++) {
          expectedPerPartition.put(
              "sli_metrics_ts_p" + day(START.plus(Duration.ofDays(d))), 1440L * SLOS);
        }
        assertThat(perPartition).isEqualTo(expectedPerPartition);
        st.execute("VACUUM ANALYZE sli_rollup_hour, sli_rollup_day");
        for (String t : List.of("sli_metrics_ts", "sli_rollup_hour", "sli_rollup_day")) {
          long bytes =
              count(
                  st,
                  "SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits"
                      + " WHERE inhparent = '"
                      + t
                      + "'::regclass");
          long rows =
              count(
                  st,
                  t.equals("sli_metrics_ts")
                      ? "SELECT " + 1440L * DAYS * SLOS
                      : "SELECT count(*) FROM " + t);
          System.out.printf(
              "PartitionsAtScaleIT: %s %,d rows, %,d bytes, %.1f bytes per row, %.1f bytes per SLO"
                  + " per day%n",
              t, rows, bytes, (double) bytes / rows, (double) bytes / SLOS / DAYS);
        }
        String plan =
            text(
                st,
                "EXPLAIN SELECT sum(good_events) FROM sli_metrics_ts WHERE slo_id = 's7'"
                    + " AND \"timestamp\" > '2026-11-30T00:00:00Z'"
                    + " AND \"timestamp\" <= '2026-12-30T00:00:00Z'");
        TreeSet<String> touched = new TreeSet<>();
        Matcher m = Pattern.compile("sli_metrics_ts_(p\\d{4}_\\d\\d_\\d\\d|default)").matcher(plan);
        while (m.find()) {
          touched.add(m.group());
        }
        // (2026-11-30, 2026-12-30]: the 30 days from 11-30 and the first instant of 12-30
        assertThat(touched)
            .hasSize(31)
            .allMatch(n -> n.compareTo("sli_metrics_ts_p2026_11_30") >= 0)
            .allMatch(n -> n.compareTo("sli_metrics_ts_p2026_12_30") <= 0);
      }
      Path file = dataFile();
      Evaluator evaluator = new Evaluator();
      List<Slo> sample = slos.stream().filter(s -> SAMPLE.contains(s.sloId())).toList();
      List<Evaluation> exact;
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        DataSet ds = DataFileReader.read(file.toString(), in, Set.copyOf(SAMPLE));
        exact = evaluator.evaluateAll(sample, ds.source(), AT);
      }
      long tEval = System.nanoTime();
      List<Evaluation> all =
          evaluator.evaluateAll(slos, store.eventSource(slos, AT, new ArrayList<>()), AT);
      System.out.printf(
          "PartitionsAtScaleIT: %d quarter evaluations from the store in %.2f s%n",
          SLOS, (System.nanoTime() - tEval) / 1e9);
      assertThat(all.stream().filter(e -> SAMPLE.contains(e.slo().sloId())).toList())
          .isEqualTo(exact);

      long tDrop = System.nanoTime();
      JdbcStore.MaintenanceReport expired =
          store.maintain(
              AT,
              new JdbcStore.RetentionPolicy(
                  Duration.ofDays(35), Duration.ofDays(400), Duration.ofDays(1826)),
              Duration.ofDays(1),
              JdbcStore.Partitioner.BUILTIN);
      System.out.printf(
          "PartitionsAtScaleIT: expiry dropped %d partitions in %.2f s%n",
          expired.dropped().size(), (System.nanoTime() - tDrop) / 1e9);
      Instant cutoff = Instant.parse("2026-11-25T00:00:00Z"); // the day of AT - 35d
      TreeSet<String> expected = new TreeSet<>();
      for (Instant d = START; d.isBefore(cutoff); d = d.plus(Duration.ofDays(1))) {
        expected.add("sli_metrics_ts_p" + day(d));
      }
      // the loaded days before the cutoff, and the empty ones made earlier for the 100-day policy
      assertThat(expired.dropped())
          .containsAll(expected)
          .filteredOn(n -> n.startsWith("sli_metrics_ts_p"))
          .allMatch(n -> n.compareTo("sli_metrics_ts_p" + day(cutoff)) < 0);
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        assertThat(
                count(
                    st,
                    "SELECT count(*) FROM sli_metrics_ts WHERE \"timestamp\" < '" + cutoff + "'"))
            .isZero();
        assertThat(count(st, "SELECT count(*) FROM sli_metrics_ts"))
            .isEqualTo(Duration.between(cutoff, AT).toMinutes() * SLOS);
      }
      List<String> notes = new ArrayList<>();
      List<Evaluation> after = evaluator.evaluateAll(slos, store.eventSource(slos, AT, notes), AT);
      assertThat(after).isEqualTo(all);
      assertThat(after.stream().filter(e -> SAMPLE.contains(e.slo().sloId())).toList())
          .isEqualTo(exact);
      assertThat(notes).hasSize(SLOS).allMatch(n -> n.contains("read at hour resolution"));
      assertThat(store.verify(AT.minus(Duration.ofDays(1)), AT).differing()).isZero();
    }
    System.out.printf(
        "PartitionsAtScaleIT: %d SLOs x %d days in %.1f s in all%n",
        SLOS, DAYS, (System.nanoTime() - t0) / 1e9);
  }

  /** Loads the days on two connections (days alternate), each day's rows and then its buckets. */
  private static void load(String url) throws SQLException {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<Void>> parts = new ArrayList<>();
      for (int k = 0; k < 2; k++) {
        int first = k;
        parts.add(
            pool.submit(
                () -> {
                  try (Connection c = DriverManager.getConnection(url);
                      Statement st = c.createStatement()) {
                    st.execute("SET synchronous_commit = off");
                    for (int d = first; d < DAYS; d += 2) {
                      String lo = START.plus(Duration.ofDays(d)).toString();
                      String hi = START.plus(Duration.ofDays(d + 1)).toString();
                      st.execute(
                          DAY_ROWS
                              .replace("<start>", START.toString())
                              .replace("<m0>", Integer.toString(d * 1440))
                              .replace("<m1>", Integer.toString(d * 1440 + 1439))
                              .replace("<s1>", Integer.toString(SLOS - 1)));
                      st.execute(DAY_HOURS.replace("<lo>", lo).replace("<hi>", hi));
                      st.execute(DAY_DAYS.replace("<lo>", lo).replace("<hi>", hi));
                    }
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<Void> f : parts) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The sampled SLOs' rows as a data file, written from the generator, not from the store. */
  private Path dataFile() throws IOException {
    Path file = dir.resolve("sample.csv");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("timestamp,slo_id,good_events,total_events\n");
      for (int m = 0; m < DAYS * 1440; m++) {
        String ts = START.plusSeconds(60L * m).toString();
        for (String id : SAMPLE) {
          int s = Integer.parseInt(id.substring(1));
          w.write(ts + "," + id + "," + good(s, m) + ",1000\n");
        }
      }
    }
    return file;
  }

  private static String day(Instant t) {
    return t.toString().substring(0, 10).replace('-', '_');
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
}
