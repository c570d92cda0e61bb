package dev.slo.core.tracker;

import dev.slo.core.model.Slo;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The hot-path handle of one tracked SLO: keep it in a field and call {@code record*} for every
 * request. Each call reads the tracker's clock once ({@link Clock#millis()}) and adds to a striped
 * atomic cell: lock-free, allocation-free and O(1). Thread-safe.
 */
public final class SloRecorder {
  private final Slo slo;
  private final Clock clock;
  private final long thresholdNanos; // -1 without a latency threshold
  final BucketRing ring;

  SloRecorder(Slo slo, Clock clock, @Nullable Duration latencyThreshold, BucketRing ring) {
    this.slo = slo;
    this.clock = clock;
    this.thresholdNanos = latencyThreshold == null ? -1 : latencyThreshold.toNanos();
    this.ring = ring;
  }

  /** The SLO this recorder counts for. */
  public Slo slo() {
    return slo;
  }

  /** The latency at or below which {@link #recordLatency} counts an event as good, if set. */
  public Optional<Duration> latencyThreshold() {
    return thresholdNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(thresholdNanos));
  }

  /** Counts one good event now. */
  public void recordGood() {
    ring.add(clock.millis(), 1, 1);
  }

  /** Counts one bad event now. */
  public void recordBad() {
    ring.add(clock.millis(), 0, 1);
  }

  /**
   * Counts {@code total} events now, {@code good} of them good.
   *
   * @throws IllegalArgumentException unless {@code 0 <= good <= total}
   */
  public void record(long good, long total) {
    if (good < 0 || good > total) {
      throw new IllegalArgumentException(
          "good="
              + good
              + ", total="
              + total
              + " are not valid counts for "
              + slo.sloId()
              + ": use 0 <= good <= total");
    }
    ring.add(clock.millis(), good, total);
  }

  /**
   * Counts one event now, good when {@code latency} is at most the SLO's latency threshold.
   *
   * @throws IllegalStateException when this SLO has no latency threshold
   * @throws IllegalArgumentException when {@code latency} is negative
   */
  public void recordLatency(Duration latency) {
    recordLatencyNanos(latency.toNanos());
  }

  /** {@link #recordLatency} for a latency in nanoseconds, for callers that hold a long. */
  public void recordLatencyNanos(long nanos) {
    if (thresholdNanos < 0) {
      throw new IllegalStateException(
          slo.sloId()
              + " has no latency threshold: give one to SloTracker.Builder.add(slo, threshold)"
              + " or a latency SLI in the SLO");
    }
    if (nanos < 0) {
      throw new IllegalArgumentException(
          nanos + "ns is not a valid latency for " + slo.sloId() + ": it is negative");
    }
    ring.add(clock.millis(), nanos <= thresholdNanos ? 1 : 0, 1);
  }
}
