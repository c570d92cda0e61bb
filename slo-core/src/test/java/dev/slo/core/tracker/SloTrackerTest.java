package dev.slo.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloTrackerTest {
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  static Slo slo(String id, TimePeriod period) {
    return Slo.builder()
        .sloName("test")
        .serviceName("svc")
        .sloType(SloType.AVAILABILITY)
        .sloId(id)
        .serviceName("api")
        .targetPercentage(99.9)
        .timePeriod(period)
        .build();
  }

  @Test
  void countsGoodAndBadEventsInThePeriod() {
    MutableClock clock = new MutableClock(T0);
    SloTracker tracker = SloTracker.builder(clock).add(slo("a", TimePeriod.ROLLING_1H)).build();
    SloRecorder r = tracker.recorder("a");
    for (int i = 0; i < 998; i++) {
      r.recordGood();
    }
    r.recordBad();
    r.record(1, 1);
    clock.set(T0.plusSeconds(90));
    Evaluation e = tracker.evaluate("a");
    assertThat(e.units()).isEqualTo(new EventCounts(999, 1000));
    assertThat(e.errorBudgetConsumed()).isEqualTo(1.0);
    assertThat(e.status()).isEqualTo(Status.EXHAUSTED);
    clock.set(T0.plus(Duration.ofHours(1)).plusSeconds(1));
    assertThat(tracker.evaluate("a").noData()).isTrue();
  }

  @Test
  void latencyAtOrBelowTheThresholdIsGood() {
    MutableClock clock = new MutableClock(T0);
    Slo fromSpec =
        slo("lat", TimePeriod.ROLLING_1H).toBuilder()
            .sli(
                new SliDefinition(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new LatencySli("http_request_duration_seconds", 0.3, "")))
            .build();
    SloTracker tracker =
        SloTracker.builder(clock)
            .add(fromSpec)
            .add(slo("ms", TimePeriod.ROLLING_1H), Duration.ofMillis(50))
            .add(slo("none", TimePeriod.ROLLING_1H))
            .build();
    SloRecorder lat = tracker.recorder("lat");
    assertThat(lat.latencyThreshold()).contains(Duration.ofMillis(300));
    lat.recordLatency(Duration.ofMillis(300));
    lat.recordLatency(Duration.ofMillis(301));
    lat.recordLatencyNanos(1);
    tracker.recorder("ms").recordLatency(Duration.ofMillis(51));
    assertThat(tracker.evaluate("lat").units()).isEqualTo(new EventCounts(2, 3));
    assertThat(tracker.evaluate("ms").units()).isEqualTo(new EventCounts(0, 1));
    assertThatThrownBy(() -> tracker.recorder("none").recordLatency(Duration.ofMillis(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("none has no latency threshold");
    assertThatThrownBy(() -> lat.recordLatency(Duration.ofMillis(-1)))
        .hasMessageStartingWith("-1000000ns is not a valid latency");
  }

  @Test
  void refusesBadCountsAndUnknownSlos() {
    SloTracker tracker =
        SloTracker.builder(new MutableClock(T0)).add(slo("a", TimePeriod.ROLLING_1H)).build();
    assertThatThrownBy(() -> tracker.recorder("a").record(3, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("good=3, total=2 are not valid counts for a");
    assertThatThrownBy(() -> tracker.recorder("a").record(-1, 2)).hasMessageStartingWith("good=-1");
    assertThatThrownBy(() -> tracker.recorder("b"))
        .hasMessageStartingWith("\"b\" is not a tracked slo_id; tracked: [a]");
  }

  @Test
  void refusesStepsAndSlicesThatDoNotFit() {
    var b = SloTracker.builder(new MutableClock(T0));
    assertThatThrownBy(() -> b.step(Duration.ofMillis(999)))
        .hasMessageStartingWith("PT0.999S is not a valid tracker step");
    assertThatThrownBy(() -> b.step(Duration.ofSeconds(7)))
        .hasMessageStartingWith("PT7S is not a valid tracker step");
    Slo slices =
        slo("s", TimePeriod.ROLLING_7D).toBuilder()
            .budgetingMethod(BudgetingMethod.TIMESLICES)
            .timesliceLength(Duration.ofSeconds(90))
            .timesliceTargetPercentage(95.0)
            .build();
    assertThatThrownBy(() -> SloTracker.builder(new MutableClock(T0)).add(slices).build())
        .hasMessageStartingWith("PT1M30S is not a valid timeslice_length for tracking s");
    assertThatThrownBy(
            () ->
                SloTracker.builder(new MutableClock(T0))
                    .add(slo("a", TimePeriod.ROLLING_1H))
                    .add(slo("a", TimePeriod.ROLLING_7D)))
        .hasMessageStartingWith("\"a\" is tracked twice");
  }

  @Test
  void thirtyDaysAtOneMinuteStepsTakeUnder400Kb() {
    SloTracker tracker =
        SloTracker.builder(new MutableClock(T0))
            .stripes(4)
            .add(slo("m", TimePeriod.ROLLING_30D))
            .add(slo("q", TimePeriod.CALENDAR_QUARTER))
            .build();
    // 31 days (30-day period + 24 h forecast) + 1 step + 1 block, rounded up to blocks of 32
    assertThat(tracker.ringSteps("m")).isEqualTo(44_704);
    assertThat(tracker.memoryBytes("m")).isEqualTo(44_704L * 8 + 1_397L * 16 + 5L * 128);
    assertThat(tracker.memoryBytes("m")).isLessThanOrEqualTo(400_000L);
    assertThat(SloTracker.reach(slo("q", TimePeriod.CALENDAR_QUARTER)))
        .isEqualTo(Duration.ofDays(92).plusHours(1));
  }

  @Test
  void anIdleGapLongerThanTheRingForgetsOnlyWhatLeftThePeriod() {
    MutableClock clock = new MutableClock(T0);
    SloTracker tracker = SloTracker.builder(clock).add(slo("d", TimePeriod.ROLLING_24H)).build();
    SloRecorder r = tracker.recorder("d");
    r.record(5, 10);
    clock.set(T0.plus(Duration.ofDays(20)));
    r.record(7, 7);
    Evaluation e = tracker.evaluate("d");
    assertThat(e.units()).isEqualTo(new EventCounts(7, 7));
    assertThat(e.burnRates().get(Duration.ofDays(3))).isZero();
    clock.set(T0.plus(Duration.ofDays(20)).plusSeconds(59));
    assertThat(tracker.steps("d"))
        .extracting(StepCount::counts)
        .containsExactly(new EventCounts(7, 7));
  }

  @Test
  void stepsAboveThirtyTwoBitsStayExact() {
    MutableClock clock = new MutableClock(T0);
    SloTracker tracker = SloTracker.builder(clock).add(slo("big", TimePeriod.ROLLING_24H)).build();
    SloRecorder r = tracker.recorder("big");
    long huge = 6_000_000_000L;
    r.record(huge - 3, huge);
    r.record(70_000, 70_000); // above the lock-free cell limit
    clock.set(T0.plusSeconds(61));
    r.record(1, 2);
    clock.set(T0.plus(Duration.ofHours(23)).plusSeconds(30));
    assertThat(tracker.evaluate("big").units())
        .isEqualTo(new EventCounts(huge - 3 + 70_001, huge + 70_002));
    clock.set(T0.plus(Duration.ofDays(5)));
    assertThat(tracker.evaluate("big").noData()).isTrue();
  }

  @Test
  void aClockThatStepsBackCountsInTheOpenStep() {
    MutableClock clock = new MutableClock(T0.plusSeconds(600));
    SloTracker tracker = SloTracker.builder(clock).add(slo("b", TimePeriod.ROLLING_1H)).build();
    tracker.recorder("b").recordGood();
    clock.set(T0);
    tracker.recorder("b").recordBad();
    Evaluation e = tracker.evaluate("b");
    assertThat(e.units()).isEqualTo(new EventCounts(1, 2));
    assertThat(e.at()).isEqualTo(T0.plusSeconds(540).plusMillis(1));
  }

  @Test
  void disabledSlosAreSkippedByEvaluateAll() {
    SloTracker tracker =
        SloTracker.builder(new MutableClock(T0))
            .addAll(
                List.of(
                    slo("on", TimePeriod.ROLLING_1H),
                    slo("off", TimePeriod.ROLLING_1H).withEnabled(false)))
            .build();
    assertThat(tracker.evaluateAll()).extracting(e -> e.slo().sloId()).containsExactly("on");
    assertThat(tracker.slos()).hasSize(2);
  }
}
