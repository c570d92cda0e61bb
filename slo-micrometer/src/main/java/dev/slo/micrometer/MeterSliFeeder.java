package dev.slo.micrometer;

import dev.slo.core.SloException;
import dev.slo.core.tracker.SloRecorder;
import dev.slo.core.tracker.SloTracker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Feeds a tracker from a service's own Micrometer meters: each {@link #poll} reads every configured
 * {@link MeterSli}'s cumulative counts and records what was added since the previous poll into the
 * SLO's recorder, so events land in the tracker step of the poll that saw them. A count that goes
 * down (a meter removed and registered again) counts from zero. The first poll records everything
 * counted since the meters were created. Thread-safe.
 */
public final class MeterSliFeeder {
  private final MeterRegistry registry;
  private final List<Binding> bindings;
  private volatile @Nullable SloException lastError;

  private static final class Binding {
    final SloRecorder recorder;
    final MeterSli sli;
    long good;
    long total;

    Binding(SloRecorder recorder, MeterSli sli) {
      this.recorder = recorder;
      this.sli = sli;
    }
  }

  private MeterSliFeeder(MeterRegistry registry, List<Binding> bindings) {
    this.registry = registry;
    this.bindings = bindings;
  }

  /** A builder reading {@code registry} into {@code tracker}. */
  public static Builder builder(MeterRegistry registry, SloTracker tracker) {
    return new Builder(registry, tracker);
  }

  /**
   * Reads every SLI and records the new events.
   *
   * @throws SloException when a meter is unfit (for example a timer without the threshold bucket);
   *     the other SLIs are still read
   */
  public synchronized void poll() {
    SloException first = null;
    for (Binding b : bindings) {
      try {
        long[] now = b.sli.read(registry);
        long dt = now[1] - b.total;
        long dg = now[0] - b.good;
        boolean reset = dt < 0 || dg < 0;
        if (reset) { // a meter came back from zero: count from zero
          dt = now[1];
          dg = now[0];
        }
        dg = Math.min(dg, dt);
        if (dt > 0) {
          b.recorder.record(dg, dt);
        }
        b.total = now[1];
        b.good = (reset ? 0 : b.good) + dg; // goods beyond the total wait for their total
      } catch (SloException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * Polls every {@code every} on {@code executor} until the returned future is cancelled; a failed
   * poll is kept in {@link #lastError()}.
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration every) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException(every + " is not a valid poll interval: use > 0");
    }
    long ms = every.toMillis();
    return executor.scheduleWithFixedDelay(
        () -> {
          try {
            poll();
            lastError = null;
          } catch (SloException e) {
            lastError = e;
          }
        },
        ms,
        ms,
        TimeUnit.MILLISECONDS);
  }

  /** The error of the last scheduled poll, or null. */
  public @Nullable SloException lastError() {
    return lastError;
  }

  /** Builds a {@link MeterSliFeeder}; not thread-safe. */
  public static final class Builder {
    private final MeterRegistry registry;
    private final SloTracker tracker;
    private final List<Binding> bindings = new ArrayList<>();

    private Builder(MeterRegistry registry, SloTracker tracker) {
      this.registry = Objects.requireNonNull(registry, "registry");
      this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    /** Feeds the tracked SLO {@code sloId} from {@code sli}. */
    public Builder add(String sloId, MeterSli sli) {
      bindings.add(new Binding(tracker.recorder(sloId), Objects.requireNonNull(sli, "sli")));
      return this;
    }

    /**
     * Feeds every tracked SLO whose spec names counters or a latency histogram, as {@link
     * MeterSli#fromSpec} reads them; the others are left to the service's own record calls.
     */
    public Builder addFromSpecs() {
      for (var slo : tracker.slos()) {
        MeterSli.fromSpec(slo).ifPresent(s -> add(slo.sloId(), s));
      }
      return this;
    }

    /** The feeder. */
    public MeterSliFeeder build() {
      return new MeterSliFeeder(registry, List.copyOf(bindings));
    }
  }
}
