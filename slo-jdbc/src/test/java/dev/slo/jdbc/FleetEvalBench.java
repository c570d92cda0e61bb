package dev.slo.jdbc;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.store.SloFilter;
import dev.slo.core.window.Window;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * benchmarks/store-bench.sh's in-JVM half: evaluates every SLO of a store at one instant through
 * {@link JdbcStore#eventSource(List, Instant, List)} and, in the same run, answers the windows a
 * user would write (the period and the burn-rate windows, all ending at the instant) with one plain
 * SQL statement per distinct window over the raw rows for all SLOs, checks that both give equal
 * counts for every SLO and window, and prints the timings (median of the measured runs after
 * warm-up: {@value #WARM_UP} runs of the store path alone, then two of both).
 *
 * <p>Usage: {@code FleetEvalBench JDBC_URL AT [RUNS]}
 */
public final class FleetEvalBench {
  private static final int WARM_UP = 20;

  private FleetEvalBench() {}

  public static void main(String[] args) throws SQLException {
    String url = args[0];
    Instant at = Instant.parse(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    try (JdbcStore store = JdbcStore.open(url)) {
      List<Slo> slos = store.slos().list(SloFilter.ALL);
      // the windows each SLO needs, recorded from a dry run of the evaluator
      Map<String, Set<Window>> asked = new HashMap<>();
      EventSource recorder =
          (slo, windows) -> {
            asked.computeIfAbsent(slo.sloId(), k -> new LinkedHashSet<>()).addAll(windows);
            List<EventCounts> z = new ArrayList<>();
            windows.forEach(w -> z.add(new EventCounts(0, 0)));
            return z;
          };
      new Evaluator().evaluateAll(slos, recorder, at);
      // what a user would write: the period and every burn-rate window, each ending at `at`
      Set<Window> distinct = new LinkedHashSet<>();
      asked
          .values()
          .forEach(ws -> ws.stream().filter(w -> w.end().equals(at)).forEach(distinct::add));

      // a server evaluates every minute: the compiler warms up on the store path first (the loop
      // below still starts with two rounds of both, not measured)
      for (int w = 0; w < WARM_UP; w++) {
        new Evaluator().evaluateAll(slos, store.eventSource(slos, at, new ArrayList<>()), at);
      }
      long[] ours = new long[runs];
      long[] sql = new long[runs];
      List<Evaluation> result = null;
      Map<Window, Map<String, EventCounts>> direct = null;
      for (int r = -2; r < runs; r++) {
        long t0 = System.nanoTime();
        EventSource source = store.eventSource(slos, at, new ArrayList<>());
        result = new Evaluator().evaluateAll(slos, source, at);
        long t1 = System.nanoTime();
        direct = perWindowSql(url, distinct);
        long t2 = System.nanoTime();
        if (r >= 0) {
          ours[r] = t1 - t0;
          sql[r] = t2 - t1;
        }
      }
      // equal answers: every window of every SLO, ours against the per-window SQL
      EventSource check = store.eventSource(slos, at, new ArrayList<>());
      long compared = 0;
      for (Slo slo : slos) {
        List<Window> ws = new ArrayList<>(distinct);
        List<EventCounts> got = check.counts(slo, ws);
        for (int i = 0; i < ws.size(); i++) {
          EventCounts want = direct.get(ws.get(i)).getOrDefault(slo.sloId(), new EventCounts(0, 0));
          if (!want.equals(got.get(i))) {
            throw new AssertionError(
                slo.sloId() + " " + ws.get(i) + ": store " + got.get(i) + ", SQL " + want);
          }
          compared++;
        }
      }
      double oursMs = median(ours) / 1e6;
      double sqlMs = median(sql) / 1e6;
      System.out.printf(
          "eval: %d SLOs, %d windows (%d distinct) checked equal; slo in the JVM %.1f ms"
              + " (median of %d, after %d warm-up runs; goal <= 56 ms, 1/10 of the direct"
              + " Prometheus queries); one SQL per window over raw rows %.1f ms; ratio %.2fx"
              + " (evaluations: %d)%n",
          slos.size(),
          compared,
          distinct.size(),
          oursMs,
          runs,
          WARM_UP + 2,
          sqlMs,
          sqlMs / oursMs,
          result.size());
    }
  }

  private static Map<Window, Map<String, EventCounts>> perWindowSql(String url, Set<Window> ws)
      throws SQLException {
    Map<Window, Map<String, EventCounts>> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT slo_id, sum(good_events), sum(total_events) FROM sli_metrics_ts"
                    + " WHERE \"timestamp\" > ? AND \"timestamp\" <= ? GROUP BY slo_id")) {
      for (Window w : ws) {
        ps.setTimestamp(1, Timestamp.from(w.start()));
        ps.setTimestamp(2, Timestamp.from(w.end()));
        Map<String, EventCounts> m = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            m.put(rs.getString(1), new EventCounts(rs.getLong(2), rs.getLong(3)));
          }
        }
        out.put(w, m);
      }
    }
    return out;
  }

  private static double median(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
