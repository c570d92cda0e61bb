package dev.slo.benchmarks;

/**
 * The work of {@link FleetBenchmark} in CPU time, for a machine shared with other jobs where wall
 * time measures the wait for a CPU: 12 rounds of the 10,000 SLOs, sequential (the calling thread's
 * CPU time) and parallel (the whole process's CPU time), each with its wall time. {@code java
 * -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar dev.slo.benchmarks.FleetCpuTime}
 */
public final class FleetCpuTime {
  private FleetCpuTime() {}

  /** Prints one line per round. */
  public static void main(String[] a) {
    FleetBenchmark f = new FleetBenchmark();
    f.setUp();
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int r = 0; r < 12; r++) {
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
          "sequential: %.1f ms CPU (%.1f ms wall); parallel: %.1f ms CPU all threads (%.1f ms wall)%n",
          (c1 - c0) / 1e6, (w1 - w0) / 1e6, (p1 - p0) / 1e6, (w2 - w1) / 1e6);
    }
  }
}
