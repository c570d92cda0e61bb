package dev.slo.jdbc;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.Window;
import dev.slo.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Measures ingest of 1M SLI rows (10 SLOs × 100,000 one-minute rows) and the evaluation of one SLO
 * over 30 days of one-minute rows from the store. Run it as described in benchmarks/README.md; it
 * uses schema {@code slo_bench} of {@code SLO_TEST_JDBC_URL} (or the test default) and drops it
 * first.
 */
public final class StoreBenchmark {
  private static final int SLOS = 10;
  private static final int PER_SLO = 100_000;

  private StoreBenchmark() {}

  public static void main(String[] args) {
    boolean evalOnly = Arrays.asList(args).contains("--eval-only");
    String base = TestDatabase.baseUrl();
    String url =
        evalOnly
            ? base + (base.contains("?") ? "&" : "?") + "currentSchema=slo_bench"
            : TestDatabase.freshSchema("slo_bench");
    JdbcStore store = JdbcStore.open(url, Map.of());
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    int batch = JdbcStore.DEFAULT_BATCH_SIZE;
    int at = Arrays.asList(args).indexOf("--batch");
    if (at >= 0) {
      batch = Integer.parseInt(args[at + 1]);
    }
    if (!evalOnly) {
      ingest(store, start, batch);
    }
    evaluate(store, start);
    store.close();
  }

  private static void ingest(JdbcStore store, Instant start, int batch) {
    System.out.printf(
        "ingest: %d rows (%d SLOs x %d one-minute rows), batches of %d%n",
        SLOS * PER_SLO, SLOS, PER_SLO, batch);
    for (String pass : new String[] {"fresh table", "same rows again (all replaced)"}) {
      long t0 = System.nanoTime();
      long n = store.ingest(rows(start), done -> {}, batch, JdbcStore.DEFAULT_RETRY_FOR);
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf("  %-32s %,d rows in %.2f s = %,.0f rows/s%n", pass, n, s, n / s);
    }
  }

  private static void evaluate(JdbcStore store, Instant start) {
    Slo slo = Rows.slo("bench-0", "bench");
    Instant at = start.plus(Duration.ofMinutes(PER_SLO - 1));
    Evaluator evaluator = new Evaluator();
    Evaluation e = null;
    for (int i = 0; i < 10; i++) {
      e = evaluator.evaluate(slo, store.eventSource(), at);
    }
    long tq = System.nanoTime();
    store.eventSource().counts(slo, List.of(new Window(at.minus(Duration.ofDays(30)), at)));
    System.out.printf(
        "  one 30-day window alone (first call): %.1f ms%n", (System.nanoTime() - tq) / 1e6);
    double[] ms = new double[30];
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      e = evaluator.evaluate(slo, store.eventSource(), at);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        "evaluate one ROLLING_30D SLO at %s (43,200 one-minute rows in the period):%n"
            + "  median %.1f ms, min %.1f ms, max %.1f ms over %d runs (status %s, SLI %.4f%%)%n",
        at,
        ms[ms.length / 2],
        ms[0],
        ms[ms.length - 1],
        ms.length,
        e.status(),
        e.currentSliPercent());
  }

  private static Iterator<SliMetric> rows(Instant start) {
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < SLOS * PER_SLO;
      }

      @Override
      public SliMetric next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int slo = i / PER_SLO;
        int minute = i % PER_SLO;
        i++;
        long total = 1000 + (minute * 7919L) % 500;
        long bad = (minute * 104729L) % 3;
        return SliMetric.ofCounts(
            "bench-" + slo, start.plusSeconds(60L * minute), total - bad, total);
      }
    };
  }
}
