package dev.slo.benchmarks;

import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.EventSource;
import dev.slo.core.source.InMemoryEventSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The work of the JMH benchmarks in CPU time, for a machine shared with other jobs, where wall time
 * mostly measures the wait for a CPU. {@code java -Xms2g -Xmx2g -cp
 * benchmarks/target/benchmarks.jar dev.slo.benchmarks.CpuTime
 * occurrences|timeslices|slicepass|fleet [rounds]}: 8 rounds (or {@code rounds}) of 20,000
 * single-SLO evaluations (the thread's CPU time and allocated bytes per evaluation), or 12 rounds
 * of the 10,000-SLO fleet, sequential (the thread's CPU time) and parallel (the process's CPU
 * time), each with wall time.
 */
public final class CpuTime {
  private CpuTime() {}

  /** Prints one line per round. */
  public static void main(String[] args) {
    String what = args.length == 0 ? "occurrences" : args[0];
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    if (what.equals("fleet")) {
      fleet(mx);
      return;
    }
    if (what.equals("slicepass")) {
      slicePass(mx);
      return;
    }
    Slo slo =
        what.equals("timeslices")
            ? BenchData.timesliceSlo("s", 99.9, TimePeriod.ROLLING_30D, 99.0)
            : BenchData.slo("s", 99.9, TimePeriod.ROLLING_30D);
    InMemoryEventSource source =
        new InMemoryEventSource(Map.of("s", BenchData.series(BenchData.rows("s", 0, 42))));
    Evaluator evaluator = new Evaluator();
    int n = 20_000;
    com.sun.management.ThreadMXBean bytes = (com.sun.management.ThreadMXBean) mx;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    for (int round = 0; round < rounds; round++) {
      long b0 = bytes.getCurrentThreadAllocatedBytes();
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        evaluator.evaluate(slo, source, BenchData.AT);
      }
      long c1 = mx.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      long b1 = bytes.getCurrentThreadAllocatedBytes();
      System.out.printf(
          "%s: %.2f us CPU per evaluation (%.2f us wall), %,d bytes allocated per evaluation%n",
          what, (c1 - c0) / 1e3 / n, (w1 - w0) / 1e3 / n, (b1 - b0) / n);
    }
  }

  /**
   * The slice pass alone: the 8,928 five-minute slices a 30-day timeslice evaluation streams (the
   * period and the 24 hours its forecast points reach back), read from the in-memory series into a
   * sink that does nothing.
   */
  private static void slicePass(ThreadMXBean mx) {
    EventSeries series = BenchData.series(BenchData.rows("s", 0, 42));
    Instant from = BenchData.AT.minus(Duration.ofDays(31));
    Duration step = Duration.ofMinutes(5);
    int[] slices = new int[1];
    EventSource.SliceSink sink = (g, t, count) -> slices[0] += count;
    int n = 20_000;
    for (int round = 0; round < 8; round++) {
      long c0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        series.forEachSlice(from, BenchData.AT, step, sink);
      }
      System.out.printf(
          "slicepass: %.2f us CPU per pass of %d slices%n",
          (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n, slices[0] / ((round + 1) * n));
    }
  }

  private static void fleet(ThreadMXBean mx) {
    FleetBenchmark f = new FleetBenchmark();
    f.setUp();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 0; round < 12; round++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      f.sequential();
      long c1 = mx.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      long p0 = os.getProcessCpuTime();
      f.parallel();
      long p1 = os.getProcessCpuTime();
      long w2 = System.nanoTime();
      System.out.printf(
          "sequential: %.1f ms CPU (%.1f ms wall); parallel: %.1f ms CPU in all threads (%.1f ms"
              + " wall)%n",
          (c1 - c0) / 1e6, (w1 - w0) / 1e6, (p1 - p0) / 1e6, (w2 - w1) / 1e6);
    }
  }
}
