package dev.slo.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  static List<Slo> slos() {
    return List.of(
        Slo.builder()
            .sloName("test")
            .serviceName("svc")
            .sloType(SloType.AVAILABILITY)
            .sloId("a")
            .targetPercentage(99.9)
            .timePeriod(TimePeriod.ROLLING_30D)
            .build(),
        Slo.builder()
            .sloName("test")
            .serviceName("svc")
            .sloType(SloType.AVAILABILITY)
            .sloId("b")
            .targetPercentage(99)
            .timePeriod(TimePeriod.CALENDAR_MONTH)
            .build());
  }

  static SloTracker filled(MutableClock clock) {
    SloTracker tracker = SloTracker.builder(clock).addAll(slos()).build();
    Random rnd = new Random(3);
    long t = T0.toEpochMilli();
    for (int i = 0; i < 20_000; i++) {
      t += rnd.nextInt(240_000);
      clock.setMillis(t);
      tracker.recorder(i % 3 == 0 ? "b" : "a").record(rnd.nextInt(50) == 0 ? 0 : 1, 1);
    }
    tracker.recorder("a").record(5_000_000_000L, 5_000_000_001L);
    return tracker;
  }

  @Test
  void aRestoredTrackerEvaluatesAsTheOriginalDid() {
    MutableClock clock = new MutableClock(T0);
    SloTracker original = filled(clock);
    byte[] snap = original.snapshot();
    // a restart a few seconds later, in the same step
    clock.setMillis(clock.millis() + 2_000);
    SloTracker restored = SloTracker.restore(snap, SloTracker.builder(clock).addAll(slos()));
    for (Slo s : slos()) {
      assertThat(restored.evaluate(s.sloId())).isEqualTo(original.evaluate(s.sloId()));
      assertThat(restored.steps(s.sloId())).isEqualTo(original.steps(s.sloId()));
    }
    // and both keep counting the same way after the restart
    clock.setMillis(clock.millis() + 3_600_000);
    original.recorder("a").recordBad();
    restored.recorder("a").recordBad();
    assertThat(restored.evaluate("a")).isEqualTo(original.evaluate("a"));
    // compact: a few bytes per step with events
    long steps = original.steps("a").size() + original.steps("b").size();
    assertThat(snap.length).isLessThan((int) (steps * 8));
  }

  @Test
  void stepsOfUnknownSlosAreDroppedAndNewSlosStartEmpty() {
    MutableClock clock = new MutableClock(T0);
    byte[] snap = filled(clock).snapshot();
    Slo c =
        Slo.builder()
            .sloName("test")
            .serviceName("svc")
            .sloType(SloType.AVAILABILITY)
            .sloId("c")
            .targetPercentage(99)
            .timePeriod(TimePeriod.ROLLING_1H)
            .build();
    SloTracker restored =
        SloTracker.restore(snap, SloTracker.builder(clock).add(slos().get(0)).add(c));
    assertThat(restored.steps("a")).isNotEmpty();
    assertThat(restored.steps("c")).isEmpty();
  }

  @Test
  void refusesCorruptSnapshotsAndAnotherStep() {
    MutableClock clock = new MutableClock(T0);
    byte[] snap = filled(clock).snapshot();
    byte[] flipped = snap.clone();
    flipped[snap.length / 2] ^= 1;
    var builder = SloTracker.builder(clock).addAll(slos());
    assertThatThrownBy(() -> SloTracker.restore(flipped, builder))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "not a valid SLO tracker snapshot: its CRC-32 does not match (truncated or changed)");
    assertThatThrownBy(() -> SloTracker.restore(Arrays.copyOf(snap, 3), builder))
        .hasMessage("not a valid SLO tracker snapshot: it is shorter than a header");
    assertThatThrownBy(() -> SloTracker.restore("PK\3\4xxxxxxxx".getBytes(), builder))
        .hasMessage("not a valid SLO tracker snapshot: it does not start with \"SLOT\"");
    var other = SloTracker.builder(clock).step(Duration.ofSeconds(30)).addAll(slos());
    assertThatThrownBy(() -> SloTracker.restore(snap, other))
        .hasMessage(
            "60000 ms is the snapshot's step, but the tracker's step is 30000 ms: restore with"
                + " the same step");
  }
}
