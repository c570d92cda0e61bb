package dev.slo.benchmarks;

import dev.slo.core.data.DataRow;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
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
 * One SLO (99.9%, ROLLING_30D: every burn window and all four alert tiers) over 30 days of
 * one-minute data (43,200 points) with an incident in the last hour, so the page tier fires. Sample
 * time, so JMH reports p50/p90/p99/p99.9 of single evaluations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SingleSloBenchmark {
  private final Evaluator evaluator = new Evaluator();
  private List<DataRow> rows;
  private Slo slo;
  private Slo sliceSlo;
  private InMemoryEventSource source;
  private InMemoryEventSource sliceSource;

  /** Builds the rows and the series once. */
  @Setup(Level.Trial)
  public void setUp() {
    slo = BenchData.slo("checkout-availability", 99.9, TimePeriod.ROLLING_30D);
    sliceSlo = BenchData.timesliceSlo("checkout-slices", 99.9, TimePeriod.ROLLING_30D, 99.0);
    rows = BenchData.rows(slo.sloId(), 0, 42);
    EventSeries series = BenchData.series(rows);
    if (series.size() != BenchData.POINTS) {
      throw new IllegalStateException("expected 43,200 points, got " + series.size());
    }
    source = new InMemoryEventSource(Map.of(slo.sloId(), series));
    System.out.printf("%nseries arrays: %,d bytes for %,d points%n", series.bytes(), series.size());
    sliceSource = new InMemoryEventSource(Map.of(sliceSlo.sloId(), series));
    Evaluation e = evaluator.evaluate(slo, source, BenchData.AT);
    if (e.status() == Status.HEALTHY || e.alerts().isEmpty()) {
      throw new IllegalStateException("benchmark data should page: " + e.status());
    }
  }

  /** Evaluation only: the series is already built (the steady state of a running service). */
  @Benchmark
  public Evaluation evaluate() {
    return evaluator.evaluate(slo, source, BenchData.AT);
  }

  /**
   * Builds the series from the 43,200 raw rows (as the data file reader does after parsing), then
   * evaluates: the realistic per-SLO cost of a one-shot CLI run, minus parsing.
   */
  @Benchmark
  public Evaluation buildSeriesAndEvaluate() {
    InMemoryEventSource s = new InMemoryEventSource(Map.of(slo.sloId(), BenchData.series(rows)));
    return evaluator.evaluate(slo, s, BenchData.AT);
  }

  /** The same series and period with TIMESLICES budgeting: 5-minute slices, 99% slice target. */
  @Benchmark
  public Evaluation evaluateTimeslices() {
    return evaluator.evaluate(sliceSlo, sliceSource, BenchData.AT);
  }
}
