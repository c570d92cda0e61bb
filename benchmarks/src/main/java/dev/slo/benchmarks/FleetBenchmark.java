package dev.slo.benchmarks;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 10,000 SLOs evaluated at one instant, each over 30 days of one-minute data (43,200 points).
 *
 * <p>Memory: a 43,200-point series on a one-minute grid holds about 356 KB (no timestamps, prefix
 * sums in 4 bytes a point; the setup prints the exact figure), so 10,000 distinct series would take
 * about 3.6 GB plus their rows while building. Instead {@value #DISTINCT_SERIES} distinct series
 * are built and shared round-robin: SLO {@code i} reads series {@code i % 100}. Every SLO has its
 * own slo_id, target (99.0, 99.5, 99.9, 99.95) and period (ROLLING_30D, ROLLING_7D,
 * CALENDAR_MONTH), so each evaluation does the full work of an independent SLO; only the underlying
 * arrays are shared, which makes the CPU caches kinder than in production (100 × 356 KB is still
 * far beyond L2).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
// a fixed heap: each run of 10,000 evaluations allocates several hundred MB, and heap resizing
// between single shots otherwise dominates the variance
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FleetBenchmark {
  /** SLOs evaluated per invocation. */
  public static final int SLOS = 10_000;

  /** Distinct series shared among the SLOs. */
  public static final int DISTINCT_SERIES = 100;

  private static final double[] TARGETS = {99.0, 99.5, 99.9, 99.95};
  private static final TimePeriod[] PERIODS = {
    TimePeriod.ROLLING_30D, TimePeriod.ROLLING_7D, TimePeriod.CALENDAR_MONTH
  };

  private final Evaluator evaluator = new Evaluator();
  private List<Slo> slos;
  private InMemoryEventSource source;

  /** Builds the 100 series and the 10,000 SLOs once; prints how the statuses are spread. */
  @Setup(Level.Trial)
  public void setUp() {
    List<EventSeries> distinct = new ArrayList<>(DISTINCT_SERIES);
    for (int s = 0; s < DISTINCT_SERIES; s++) {
      distinct.add(BenchData.series(BenchData.rows("series-" + s, s % 10, 1000L + s)));
    }
    slos = new ArrayList<>(SLOS);
    Map<String, EventSeries> byId = new HashMap<>();
    for (int i = 0; i < SLOS; i++) {
      String id = String.format("svc-%04d.availability", i);
      Slo slo = BenchData.slo(id, TARGETS[(i / 7) % TARGETS.length], PERIODS[i % PERIODS.length]);
      slos.add(slo);
      byId.put(id, distinct.get(i % DISTINCT_SERIES));
    }
    source = new InMemoryEventSource(byId);
    long bytes = 0;
    for (EventSeries s : distinct) {
      bytes += s.bytes();
    }
    System.out.printf(
        "%nseries arrays: %,d bytes per 43,200-point series on average (%d distinct)%n",
        bytes / DISTINCT_SERIES, DISTINCT_SERIES);
    Map<Status, Integer> statuses = new EnumMap<>(Status.class);
    int firing = 0;
    for (Evaluation e : evaluator.evaluateAll(slos, source, BenchData.AT)) {
      statuses.merge(e.status(), 1, Integer::sum);
      firing += e.alerts().isEmpty() ? 0 : 1;
    }
    System.out.println();
    System.out.println("statuses " + statuses + "; SLOs with a firing tier: " + firing);
  }

  /** All 10,000 SLOs on one thread, through {@link Evaluator#evaluateAll}. */
  @Benchmark
  public List<Evaluation> sequential() {
    return evaluator.evaluateAll(slos, source, BenchData.AT);
  }

  /** All 10,000 SLOs with a parallel stream (the common pool plus the caller: both cores). */
  @Benchmark
  public List<Evaluation> parallel() {
    return slos.parallelStream().map(s -> evaluator.evaluate(s, source, BenchData.AT)).toList();
  }
}
