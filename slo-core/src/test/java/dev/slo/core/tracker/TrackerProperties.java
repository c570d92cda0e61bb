package dev.slo.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the tracker over random event streams. */
class TrackerProperties {
  static final Instant T0 = Instant.parse("2026-10-30T21:17:00Z");

  @Provide
  Arbitrary<List<int[]>> events() {
    // {gap ms, good, total}
    return Arbitraries.integers()
        .between(0, 4_000_000)
        .flatMap(
            gap ->
                Arbitraries.integers()
                    .between(1, 20)
                    .flatMap(
                        total ->
                            Arbitraries.integers()
                                .between(0, total)
                                .map(good -> new int[] {gap, good, total})))
        .list()
        .ofMinSize(1)
        .ofMaxSize(300);
  }

  /**
   * At one-minute steps every window the evaluator asks for is whole minutes, so raw events give
   * the same numbers at step boundaries; at any step the tracker's own step rows give the same
   * numbers at any instant.
   */
  @Property(tries = 40)
  void evaluationEqualsTheDataFile(
      @ForAll("events") List<int[]> events,
      @ForAll @IntRange(min = 0, max = 4) int stepChoice,
      @ForAll @IntRange(min = 0, max = 300) int atOffsetSteps,
      @ForAll @IntRange(min = 0, max = 3_599_999) int atOffsetMillis) {
    Duration step =
        List.of(1, 5, 10, 30, 60).stream().map(Duration::ofMinutes).toList().get(stepChoice);
    List<Slo> slos =
        List.of(
            Slo.builder()
                .sloName("test")
                .serviceName("svc")
                .sloType(SloType.AVAILABILITY)
                .sloId("r")
                .targetPercentage(99)
                .timePeriod(TimePeriod.ROLLING_24H)
                .build(),
            Slo.builder()
                .sloName("test")
                .serviceName("svc")
                .sloType(SloType.AVAILABILITY)
                .sloId("m")
                .targetPercentage(98)
                .timePeriod(TimePeriod.CALENDAR_MONTH)
                .timeZone(ZoneId.of("Europe/Berlin"))
                .build(),
            Slo.builder()
                .sloName("test")
                .serviceName("svc")
                .sloType(SloType.AVAILABILITY)
                .sloId("s")
                .targetPercentage(95)
                .timePeriod(TimePeriod.ROLLING_7D)
                .budgetingMethod(BudgetingMethod.TIMESLICES)
                .timesliceLength(Duration.ofHours(1))
                .timesliceTargetPercentage(90.0)
                .build());
    MutableClock clock = new MutableClock(T0);
    SloTracker tracker = SloTracker.builder(clock).step(step).addAll(slos).build();
    Events file = new Events();
    long t = T0.toEpochMilli();
    long recorded = 0;
    for (int[] e : events) {
      t += e[0];
      clock.setMillis(t);
      for (Slo s : slos) {
        tracker.recorder(s.sloId()).record(e[1], e[2]);
        file.add(Instant.ofEpochMilli(t), s.sloId(), e[1], e[2]);
      }
      recorded += e[2];
    }
    long stepMs = step.toMillis();
    long at = (Math.floorDiv(t - 1, stepMs) + 1 + atOffsetSteps) * stepMs;
    if (stepMs == 60_000) {
      clock.setMillis(at);
      EventSource source = file.sourceInMemory(Set.of("r", "m", "s"));
      for (Slo s : slos) {
        assertThat(tracker.evaluate(s.sloId()))
            .isEqualTo(Events.eval(s, source, Instant.ofEpochMilli(at)));
      }
    }
    at += atOffsetMillis; // the clock never runs backwards here
    clock.setMillis(at);
    for (Slo s : slos) {
      EventSource rows =
          new Events().addSteps(s.sloId(), tracker.steps(s.sloId())).sourceInMemory(null);
      assertThat(tracker.evaluate(s.sloId()))
          .isEqualTo(Events.eval(s, rows, Instant.ofEpochMilli(at)));
    }
    // no event is lost while it is inside the ring
    if (t - T0.toEpochMilli() < Duration.ofDays(30).toMillis()) {
      long total = tracker.steps("m").stream().mapToLong(c -> c.counts().total()).sum();
      assertThat(total).isEqualTo(recorded);
    }
  }

  /**
   * Any window counts what the step rows in it hold, across ring wrap-around, idle gaps longer than
   * the ring, and windows reaching before the ring or after now.
   */
  @Property(tries = 60)
  void anyWindowCountsTheStepRowsInIt(
      @ForAll("longGaps") List<int[]> events, @ForAll("windows") List<long[]> windows) {
    Slo slo =
        Slo.builder()
            .sloName("test")
            .serviceName("svc")
            .sloType(SloType.AVAILABILITY)
            .sloId("w")
            .targetPercentage(99)
            .timePeriod(TimePeriod.ROLLING_1H)
            .build();
    MutableClock clock = new MutableClock(T0);
    SloTracker tracker = SloTracker.builder(clock).stripes(2).add(slo).build();
    Events raw = new Events();
    long t = T0.toEpochMilli();
    for (int[] e : events) {
      t += (long) e[0] * 1000 + e[2] * 37L;
      clock.setMillis(t);
      tracker.recorder("w").record(e[1], e[2]);
      raw.add(Instant.ofEpochMilli(t), "w", e[1], e[2]);
    }
    // at a step boundary, windows of whole minutes inside the ring's 3 days count the raw events
    long now = (Math.floorDiv(t - 1, 60_000L) + 1) * 60_000L;
    clock.setMillis(now);
    EventSource rawSource = raw.sourceInMemory(null);
    List<Window> aligned = new java.util.ArrayList<>();
    for (long[] w : windows) {
      long endBack = Math.floorMod(w[0], 3 * 1440L) * 60_000L;
      long len = Math.floorMod(w[1], 3 * 1440L) * 60_000L;
      Instant end = Instant.ofEpochMilli(now - endBack);
      Instant start = end.minusMillis(Math.min(len, 3 * 86_400_000L - endBack));
      aligned.add(new Window(start, end));
    }
    assertThat(tracker.counts("w", aligned)).isEqualTo(rawSource.counts(slo, aligned));
    clock.setMillis(now + 1 + (t % 59_777));
    EventSource rows = new Events().addSteps("w", tracker.steps("w")).sourceInMemory(null);
    List<Window> ws = new java.util.ArrayList<>();
    for (long[] w : windows) {
      Instant end = Instant.ofEpochMilli(clock.millis() - w[0]);
      ws.add(new Window(end.minusMillis(w[1]), end));
    }
    assertThat(tracker.counts("w", ws)).isEqualTo(rows.counts(slo, ws));
  }

  @Provide
  Arbitrary<List<int[]>> longGaps() {
    // {gap seconds (up to 5 days), good, total}
    return Arbitraries.integers()
        .between(0, 9)
        .flatMap(
            kind ->
                Arbitraries.integers()
                    .between(0, kind == 0 ? 432_000 : 900)
                    .flatMap(
                        gap ->
                            Arbitraries.integers()
                                .between(1, 9)
                                .map(total -> new int[] {gap, total - kind % 2, total})))
        .list()
        .ofMinSize(1)
        .ofMaxSize(400);
  }

  @Provide
  Arbitrary<List<long[]>> windows() {
    // {end before now in ms (negative: after now), length in ms}
    return Arbitraries.longs()
        .between(-3_600_000L, 5L * 86_400_000L)
        .flatMap(
            endBack ->
                Arbitraries.longs()
                    .between(0, 5L * 86_400_000L)
                    .map(len -> new long[] {endBack, len}))
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }
}
