package dev.slo.benchmarks;

import dev.slo.core.alert.AlertPolicy;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.data.DataRow;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.tracker.SloTracker;
import dev.slo.core.window.Window;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * Evaluating one SLO from the tracker: the variant-0 series of {@link SingleSloBenchmark} (30 days
 * of one-minute data, the page tier fires) recorded into a tracker at one-minute steps, then {@code
 * tracker.evaluate(id)} at the series' end. Sample time, so JMH reports percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrackerEvalBenchmark {
  private SloTracker tracker;
  private List<Window> windows;

  /** A clock the setup moves through the rows. */
  static final class SteppedClock extends Clock {
    volatile long millis;

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Records 43,200 minutes of events for an occurrences and a timeslices SLO. */
  @Setup(Level.Trial)
  public void setUp() {
    Slo slo = BenchData.slo("checkout-availability", 99.9, TimePeriod.ROLLING_30D);
    Slo slices = BenchData.timesliceSlo("checkout-slices", 99.9, TimePeriod.ROLLING_30D, 99.0);
    List<DataRow> rows = BenchData.rows(slo.sloId(), 0, 42);
    SteppedClock clock = new SteppedClock();
    clock.millis = rows.get(0).timestamp().toEpochMilli();
    tracker = SloTracker.builder(clock).add(slo).add(slices).build();
    for (DataRow r : rows) {
      clock.millis = r.timestamp().toEpochMilli();
      tracker.recorder(slo.sloId()).record(r.goodEvents(), r.totalEvents());
      tracker.recorder(slices.sloId()).record(r.goodEvents(), r.totalEvents());
    }
    clock.millis = BenchData.AT.toEpochMilli();
    Set<Window> all = new LinkedHashSet<>();
    Duration period = Duration.ofDays(30);
    all.add(Window.ending(BenchData.AT, period));
    Evaluator.BURN_WINDOWS.forEach(d -> all.add(Window.ending(BenchData.AT, d)));
    for (AlertTier t : AlertPolicy.tiersFor(period)) {
      all.add(Window.ending(BenchData.AT, t.longWindow()));
      all.add(Window.ending(BenchData.AT, t.shortWindow()));
    }
    for (int h = 24; h >= 0; h--) {
      all.add(Window.ending(BenchData.AT.minus(Duration.ofHours(h)), period));
    }
    windows = List.copyOf(all);
    Evaluation e = tracker.evaluate(slo.sloId());
    if (e.status() == Status.HEALTHY || e.alerts().isEmpty()) {
      throw new IllegalStateException("benchmark data should page: " + e.status());
    }
  }

  /**
   * The tracker's share of an evaluation: the counts of every window the evaluator reads for this
   * SLO (elapsed period, seven burn windows, the tiers' windows, 25 hourly forecast periods; 32
   * distinct).
   */
  @Benchmark
  public List<EventCounts> windowCounts() {
    return tracker.counts("checkout-availability", windows);
  }

  /** Occurrences: every burn window, four tiers, forecast, status, recommendations. */
  @Benchmark
  public Evaluation evaluate() {
    return tracker.evaluate("checkout-availability");
  }

  /** The same events with 5-minute timeslices. */
  @Benchmark
  public Evaluation evaluateTimeslices() {
    return tracker.evaluate("checkout-slices");
  }
}
