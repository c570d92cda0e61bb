package dev.slo.benchmarks;

import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionCategory;
import dev.slo.core.correction.CorrectionScope;
import dev.slo.core.correction.Corrections;
import dev.slo.core.correction.Recurrence;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * The cost of corrections: {@link SingleSloBenchmark}'s SLO and 43,200 points evaluated with a
 * weekly New York maintenance window, a daily one and ten one-off deployments in the period,
 * against the same evaluation without corrections.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CorrectionsBenchmark {
  private final Evaluator plain = new Evaluator();
  private Evaluator corrected;
  private Slo slo;
  private Slo sliceSlo;
  private InMemoryEventSource source;
  private InMemoryEventSource sliceSource;

  /** Builds the series and the corrections once. */
  @Setup(Level.Trial)
  public void setUp() {
    slo = BenchData.slo("checkout-availability", 99.9, TimePeriod.ROLLING_30D);
    sliceSlo = BenchData.timesliceSlo("checkout-slices", 99.9, TimePeriod.ROLLING_30D, 99.0);
    EventSeries series = BenchData.series(BenchData.rows(slo.sloId(), 0, 42));
    source = new InMemoryEventSource(Map.of(slo.sloId(), series));
    sliceSource = new InMemoryEventSource(Map.of(sliceSlo.sloId(), series));
    CorrectionScope scope = CorrectionScope.service(slo.serviceName());
    List<Correction> cs = new ArrayList<>();
    cs.add(
        new Correction(
            "weekly",
            scope,
            BenchData.AT.minus(Duration.ofDays(60)),
            Duration.ofHours(2),
            ZoneId.of("America/New_York"),
            CorrectionCategory.SCHEDULED_MAINTENANCE,
            "",
            Recurrence.parse("FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0")));
    cs.add(
        new Correction(
            "nightly",
            scope,
            BenchData.AT.minus(Duration.ofDays(90)),
            Duration.ofMinutes(20),
            ZoneId.of("Europe/Berlin"),
            CorrectionCategory.SCHEDULED_MAINTENANCE,
            "",
            Recurrence.parse("FREQ=DAILY;BYHOUR=3;BYMINUTE=15")));
    for (int i = 0; i < 10; i++) {
      cs.add(
          new Correction(
              "deploy-" + i,
              scope,
              BenchData.AT.minus(Duration.ofHours(7 + 61L * i)),
              Duration.ofMinutes(15),
              ZoneId.of("UTC"),
              CorrectionCategory.DEPLOYMENT,
              "",
              null));
    }
    corrected = new Evaluator(new Corrections(cs));
    if (corrected.evaluate(slo, source, BenchData.AT).exclusion().applied().size() != 12) {
      throw new IllegalStateException("every correction should touch the period");
    }
  }

  /** The baseline: no corrections. */
  @Benchmark
  public Evaluation evaluateWithout() {
    return plain.evaluate(slo, source, BenchData.AT);
  }

  /** Twelve corrections, about 35 occurrences in reach. */
  @Benchmark
  public Evaluation evaluateWithCorrections() {
    return corrected.evaluate(slo, source, BenchData.AT);
  }

  /** The same with TIMESLICES budgeting (5-minute slices): slices overlapping are dropped. */
  @Benchmark
  public Evaluation evaluateTimeslicesWithCorrections() {
    return corrected.evaluate(sliceSlo, sliceSource, BenchData.AT);
  }
}
