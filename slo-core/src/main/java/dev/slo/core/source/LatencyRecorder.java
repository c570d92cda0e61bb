package dev.slo.core.source;

import java.time.Duration;
import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Turns request latencies observed in-process into events of a latency SLI: good when at most the
 * threshold, counted exactly; an HdrHistogram keeps the distribution for percentiles. For services
 * that embed the library and feed an {@link EventSeries.Builder} from it. Thread-safe: any number
 * of threads may record while one thread drains; the counts of an interval are exact, the histogram
 * may place a request racing with a drain in the next interval.
 */
public final class LatencyRecorder {
  private final long thresholdNanos;
  private final Object lock = new Object();
  private long good;
  private long total;
  private final Recorder recorder;
  private final long highestMicros;

  /**
   * A recorder for latencies up to {@code highest}, good when at most {@code threshold}.
   *
   * @param threshold the latency SLO threshold, positive
   * @param highest the largest latency the histogram tracks precisely (larger ones are clamped)
   */
  public LatencyRecorder(Duration threshold, Duration highest) {
    if (threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException(threshold + " is not a valid threshold: use > 0");
    }
    if (highest.compareTo(threshold) < 0) {
      throw new IllegalArgumentException(
          highest + " is not a valid highest latency: it is below the threshold " + threshold);
    }
    this.thresholdNanos = threshold.toNanos();
    this.highestMicros = Math.max(2, highest.toNanos() / 1000);
    this.recorder = new Recorder(highestMicros, 3);
  }

  /** Records one request's latency; negative latencies are refused. */
  public void record(Duration latency) {
    long nanos = latency.toNanos();
    if (nanos < 0) {
      throw new IllegalArgumentException(latency + " is not a valid latency: it is negative");
    }
    synchronized (lock) {
      total++;
      if (nanos <= thresholdNanos) {
        good++;
      }
    }
    recorder.recordValue(Math.min(highestMicros, Math.max(1, nanos / 1000)));
  }

  /** A snapshot of what was recorded since the last drain; counting restarts. */
  public Snapshot drain(Instant at) {
    EventCounts events;
    synchronized (lock) {
      events = new EventCounts(good, total);
      good = 0;
      total = 0;
    }
    return new Snapshot(at, events, recorder.getIntervalHistogram());
  }

  /**
   * Events and latency distribution of one interval.
   *
   * @param at the end of the interval
   * @param events good and total requests, exact
   * @param histogram latencies in microseconds
   */
  public record Snapshot(Instant at, EventCounts events, Histogram histogram) {
    /** The latency at a percentile (0–100), to the histogram's 3 significant digits. */
    public Duration percentile(double p) {
      return Duration.ofNanos(histogram.getValueAtPercentile(p) * 1000);
    }
  }
}
