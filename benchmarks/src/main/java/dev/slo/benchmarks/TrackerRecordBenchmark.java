package dev.slo.benchmarks;

import dev.slo.core.model.TimePeriod;
import dev.slo.core.tracker.SloRecorder;
import dev.slo.core.tracker.SloTracker;
import java.time.Clock;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tracker's hot path: {@code SloRecorder.recordGood()} / {@code record(good, total)} with the
 * system clock, from 1, 2 and 8 threads sharing one SLO. Average time per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrackerRecordBenchmark {
  private final Clock clock = Clock.systemUTC();
  private SloRecorder recorder;
  private SloRecorder fieldClockRecorder;

  /** A clock that returns a field: the cheapest possible time source. */
  static final class FieldClock extends Clock {
    volatile long millis = System.currentTimeMillis();

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.ofEpochMilli(millis);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** One 99.9% ROLLING_30D SLO at one-minute steps (the largest ring in everyday use). */
  @Setup(Level.Trial)
  public void setUp() {
    SloTracker tracker =
        SloTracker.builder(clock)
            .add(BenchData.slo("checkout-availability", 99.9, TimePeriod.ROLLING_30D))
            .build();
    recorder = tracker.recorder("checkout-availability");
    fieldClockRecorder =
        SloTracker.builder(new FieldClock())
            .add(BenchData.slo("checkout-availability", 99.9, TimePeriod.ROLLING_30D))
            .build()
            .recorder("checkout-availability");
  }

  /** One thread. */
  @Benchmark
  @Threads(1)
  public void recordGood1() {
    recorder.recordGood();
  }

  /** Two threads. */
  @Benchmark
  @Threads(2)
  public void recordGood2() {
    recorder.recordGood();
  }

  /** Eight threads (on this 2-core machine, four per core). */
  @Benchmark
  @Threads(8)
  public void recordGood8() {
    recorder.recordGood();
  }

  /**
   * One thread with a clock whose {@code millis()} is a field read, as a service that keeps a
   * coarse time in a field would inject: the tracker's own cost without the system clock.
   */
  @Benchmark
  @Threads(1)
  public void recordGoodFieldClock1() {
    fieldClockRecorder.recordGood();
  }

  /** Eight threads with the field clock. */
  @Benchmark
  @Threads(8)
  public void recordGoodFieldClock8() {
    fieldClockRecorder.recordGood();
  }

  /** Baseline: the system clock read that every record call makes. */
  @Benchmark
  @Threads(1)
  public long clockMillis() {
    return clock.millis();
  }

  /** One thread, {@code record(good, total)} with a small batch. */
  @Benchmark
  @Threads(1)
  public void recordBatch1() {
    recorder.record(9, 10);
  }
}
