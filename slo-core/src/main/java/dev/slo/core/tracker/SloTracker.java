package dev.slo.core.tracker;

import dev.slo.core.alert.AlertPolicy;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.window.Window;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SLOs tracked inside a service: events are counted in memory, in fixed steps (one minute by
 * default) kept for as long as the SLOs' windows reach, and evaluated by the core {@link Evaluator}
 * on demand, with exactly the numbers {@code slo eval} gives for the same steps written to a data
 * file. Memory is fixed at creation; see {@code docs/tracker.md} for the figures.
 *
 * <pre>{@code
 * SloTracker tracker = SloTracker.builder(Clock.systemUTC()).add(slo).build();
 * SloRecorder checkout = tracker.recorder("checkout-availability");
 * checkout.recordGood();                      // on the hot path
 * Evaluation e = tracker.evaluate("checkout-availability");
 * }</pre>
 *
 * <p>Thread-safe: recording is lock-free; evaluations, snapshots and step exports of one SLO
 * serialize with each other. The clock is only read through the injected {@link Clock}.
 */
public final class SloTracker {
  /** The default step: one minute. */
  public static final Duration DEFAULT_STEP = Duration.ofMinutes(1);

  /** How far before the evaluation instant the evaluator's budget forecast looks. */
  static final Duration FORECAST_REACH = Duration.ofHours(24);

  private final Clock clock;
  private final long stepMillis;
  private final Map<String, SloRecorder> recorders;
  private final Evaluator evaluator = new Evaluator();

  private SloTracker(Clock clock, long stepMillis, Map<String, SloRecorder> recorders) {
    this.clock = clock;
    this.stepMillis = stepMillis;
    this.recorders = Collections.unmodifiableMap(recorders);
  }

  /** A builder for a tracker reading time from {@code clock}. */
  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /**
   * A tracker built by {@code builder} holding the steps of {@code snapshot}: steps of SLOs the
   * builder has, as far back as each ring reaches; steps of other SLOs are dropped.
   *
   * @throws dev.slo.core.InvalidInputException when the snapshot is corrupt or its step differs
   */
  public static SloTracker restore(byte[] snapshot, Builder builder) {
    TrackerSnapshot.Decoded d = TrackerSnapshot.decode(snapshot);
    SloTracker t = builder.build();
    if (d.stepMillis() != t.stepMillis) {
      throw new dev.slo.core.InvalidInputException(
          d.stepMillis()
              + " ms is the snapshot's step, but the tracker's step is "
              + t.stepMillis
              + " ms: restore with the same step");
    }
    for (TrackerSnapshot.Series s : d.series()) {
      SloRecorder r = t.recorders.get(s.sloId());
      if (r != null) {
        r.ring.lock.lock();
        try {
          r.ring.load(s.steps(), s.good(), s.total());
        } finally {
          r.ring.lock.unlock();
        }
      }
    }
    return t;
  }

  /**
   * How far back an SLO's steps are kept: the longest of its period plus the forecast's 24 hours
   * (rolling periods), its longest calendar period plus a DST hour (calendar periods), and its
   * longest burn-rate or alert window (its own alert_tiers when it has them); plus one timeslice
   * for timeslice budgeting.
   */
  public static Duration reach(Slo slo) {
    Duration period = longestPeriod(slo.timePeriod());
    Duration longest = Collections.max(Evaluator.BURN_WINDOWS);
    List<AlertTier> tiers =
        slo.alertTiers().isEmpty() ? AlertPolicy.tiersFor(period) : slo.alertTiers();
    for (AlertTier t : tiers) {
      longest = max(longest, t.longWindow());
    }
    Duration back = slo.timePeriod().isCalendar() ? period : period.plus(FORECAST_REACH);
    Duration r = max(back, longest);
    if (slo.budgetingMethod().isSliced()) {
      r = r.plus(slo.timesliceLength());
    }
    return r;
  }

  private static Duration longestPeriod(TimePeriod p) {
    TimePeriod.CalendarUnit unit = p.calendarUnit();
    if (unit == null) {
      return Objects.requireNonNull(p.rollingLength(), "a rolling period's length");
    }
    Duration longest =
        switch (unit) {
          case WEEK -> Duration.ofDays(7);
          case MONTH -> Duration.ofDays(31);
          case QUARTER -> Duration.ofDays(92);
          case YEAR -> Duration.ofDays(366);
        };
    return longest.plusHours(1); // a DST change can make a local period an hour longer
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** The hot-path handle of an SLO; keep it rather than looking it up per event. */
  public SloRecorder recorder(String sloId) {
    SloRecorder r = recorders.get(sloId);
    if (r == null) {
      throw new IllegalArgumentException(
          "\"" + sloId + "\" is not a tracked slo_id; tracked: " + recorders.keySet());
    }
    return r;
  }

  /** The tracked SLOs, in the order they were added. */
  public List<Slo> slos() {
    return recorders.values().stream().map(SloRecorder::slo).toList();
  }

  /** The clock this tracker reads. */
  public Clock clock() {
    return clock;
  }

  /** The step length. */
  public Duration step() {
    return Duration.ofMillis(stepMillis);
  }

  /** Evaluates one SLO now (disabled ones too). */
  public Evaluation evaluate(String sloId) {
    SloRecorder r = recorder(sloId);
    BucketRing ring = r.ring;
    ring.lock.lock();
    try {
      long at = rollAndNow(ring);
      return evaluator.evaluate(r.slo(), new RingView(ring, at), Instant.ofEpochMilli(at));
    } finally {
      ring.lock.unlock();
    }
  }

  /**
   * The events of one SLO in each window, as the evaluator reads them now: closed steps whose end
   * lies in the window, plus the open step when now does. O(1) per window.
   */
  public List<EventCounts> counts(String sloId, List<Window> windows) {
    SloRecorder r = recorder(sloId);
    BucketRing ring = r.ring;
    ring.lock.lock();
    try {
      long at = rollAndNow(ring);
      return new RingView(ring, at).counts(r.slo(), windows);
    } finally {
      ring.lock.unlock();
    }
  }

  /** Evaluates every enabled SLO now, in the order they were added. */
  public List<Evaluation> evaluateAll() {
    List<Evaluation> out = new ArrayList<>();
    for (SloRecorder r : recorders.values()) {
      if (r.slo().enabled()) {
        out.add(evaluate(r.slo().sloId()));
      }
    }
    return out;
  }

  /**
   * The steps of one SLO that hold events, oldest first: closed steps at their end, the open one
   * now. Written to a data file as rows, they make {@code slo eval} at the same instant give the
   * numbers {@link #evaluate} gives.
   */
  public List<StepCount> steps(String sloId) {
    BucketRing ring = recorder(sloId).ring;
    ring.lock.lock();
    try {
      long at = rollAndNow(ring);
      List<StepCount> out = new ArrayList<>();
      for (long i = ring.lowest(); i < ring.open(); i++) {
        long[] c = ring.closed(i);
        if (c[1] > 0) {
          out.add(
              new StepCount(
                  Instant.ofEpochMilli((i + 1) * stepMillis), new EventCounts(c[0], c[1]), false));
        }
      }
      long[] o = ring.openCounts();
      if (o[1] > 0) {
        out.add(new StepCount(Instant.ofEpochMilli(at), new EventCounts(o[0], o[1]), true));
      }
      return out;
    } finally {
      ring.lock.unlock();
    }
  }

  /**
   * Every SLO's steps with events, in a compact binary form (see {@code docs/tracker.md}) for
   * {@link #restore}.
   */
  public byte[] snapshot() {
    List<TrackerSnapshot.Series> series = new ArrayList<>();
    for (SloRecorder r : recorders.values()) {
      BucketRing ring = r.ring;
      ring.lock.lock();
      try {
        rollAndNow(ring);
        series.add(TrackerSnapshot.Series.of(r.slo().sloId(), ring));
      } finally {
        ring.lock.unlock();
      }
    }
    return TrackerSnapshot.encode(stepMillis, clock.millis(), series);
  }

  /** Bytes one SLO's counts take: its ring's arrays, without object headers. */
  public long memoryBytes(String sloId) {
    return recorder(sloId).ring.arrayBytes();
  }

  /** The number of steps one SLO's ring holds. */
  public int ringSteps(String sloId) {
    return recorder(sloId).ring.size;
  }

  // rolls to the clock's step and returns the evaluation instant in it; caller holds the lock
  private long rollAndNow(BucketRing ring) {
    long now = clock.millis();
    ring.rollTo(now);
    return Math.max(now, ring.open() * stepMillis + 1);
  }

  /** Builds a {@link SloTracker}; not thread-safe. */
  public static final class Builder {
    private final Clock clock;
    private Duration step = DEFAULT_STEP;
    private int stripes = defaultStripes();
    private final Map<String, Map.Entry<Slo, @Nullable Duration>> slos = new LinkedHashMap<>();

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static int defaultStripes() {
      int want = 2 * Runtime.getRuntime().availableProcessors();
      return Math.min(64, Math.max(2, Integer.highestOneBit(want - 1) << 1));
    }

    /**
     * The step length: whole milliseconds, at least one second, dividing one hour; default one
     * minute. Windows are counted in whole steps.
     */
    public Builder step(Duration value) {
      long ms = value.toMillis();
      if (value.isNegative()
          || ms < 1000
          || !Duration.ofMillis(ms).equals(value)
          || Duration.ofHours(1).toMillis() % ms != 0) {
        throw new IllegalArgumentException(
            value
                + " is not a valid tracker step: use whole milliseconds, at least 1s, dividing 1h");
      }
      step = value;
      return this;
    }

    /** The number of striped cells per SLO, a power of two from 1 to 1024. */
    public Builder stripes(int value) {
      if (value < 1 || value > 1024 || Integer.bitCount(value) != 1) {
        throw new IllegalArgumentException(
            value + " is not a valid stripe count: use a power of two from 1 to 1024");
      }
      stripes = value;
      return this;
    }

    /**
     * Tracks an SLO; a latency SLI in it gives {@link SloRecorder#recordLatency} its threshold, in
     * the unit its histogram name ends with ({@code _seconds} when none is recognised).
     */
    public Builder add(Slo slo) {
      LatencySli l = slo.sli().latency();
      return add(slo, l == null ? null : thresholdOf(l));
    }

    /** Tracks an SLO with an explicit latency threshold for {@link SloRecorder#recordLatency}. */
    public Builder add(Slo slo, @Nullable Duration latencyThreshold) {
      Objects.requireNonNull(slo, "slo");
      if (latencyThreshold != null
          && (latencyThreshold.isNegative() || latencyThreshold.isZero())) {
        throw new IllegalArgumentException(
            latencyThreshold
                + " is not a valid latency threshold for "
                + slo.sloId()
                + ": use > 0");
      }
      if (slos.containsKey(slo.sloId())) {
        throw new IllegalArgumentException(
            "\"" + slo.sloId() + "\" is tracked twice: slo_id must be unique");
      }
      slos.put(
          slo.sloId(), new java.util.AbstractMap.SimpleImmutableEntry<>(slo, latencyThreshold));
      return this;
    }

    /** Tracks every SLO, inferring latency thresholds as {@link #add(Slo)} does. */
    public Builder addAll(Collection<Slo> all) {
      all.forEach(this::add);
      return this;
    }

    /**
     * The tracker; every ring is allocated now.
     *
     * @throws IllegalArgumentException when an SLO's timeslice length is not a multiple of the step
     */
    public SloTracker build() {
      long stepMillis = step.toMillis();
      long now = clock.millis();
      Map<String, SloRecorder> recorders = new LinkedHashMap<>();
      for (Map.Entry<Slo, @Nullable Duration> e : slos.values()) {
        Slo slo = e.getKey();
        Duration slice = slo.timesliceLength();
        if (slo.budgetingMethod().isSliced()
            && slice != null
            && slice.toMillis() % stepMillis != 0) {
          throw new IllegalArgumentException(
              slice
                  + " is not a valid timeslice_length for tracking "
                  + slo.sloId()
                  + ": use a multiple of the tracker step "
                  + step);
        }
        long reachSteps = Math.floorDiv(reach(slo).toMillis() + stepMillis - 1, stepMillis) + 1;
        BucketRing ring = new BucketRing(stepMillis, reachSteps, stripes, now);
        recorders.put(slo.sloId(), new SloRecorder(slo, clock, e.getValue(), ring));
      }
      return new SloTracker(clock, stepMillis, recorders);
    }

    static Duration thresholdOf(LatencySli l) {
      String h = l.histogram();
      double unitNanos;
      if (h.endsWith("_milliseconds") || h.endsWith("_ms")) {
        unitNanos = 1e6;
      } else if (h.endsWith("_microseconds") || h.endsWith("_us")) {
        unitNanos = 1e3;
      } else if (h.endsWith("_nanoseconds") || h.endsWith("_ns")) {
        unitNanos = 1;
      } else {
        unitNanos = 1e9;
      }
      return Duration.ofNanos(Math.round(l.threshold() * unitNanos));
    }
  }
}
