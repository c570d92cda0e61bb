package dev.slo.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker's evaluation equals {@code slo eval}'s on the same events written to a data file: raw
 * events at any millisecond when the evaluation instant is on a step boundary, and the tracker's
 * own step rows at any instant.
 */
class TrackerEquivalenceTest {
  static final Instant START = Instant.parse("2026-09-20T07:13:00Z");
  static final Duration SPAN = Duration.ofDays(45);

  @TempDir Path dir;

  static List<Slo> slos() {
    return List.of(
        slo("rolling-30d", 99.9, TimePeriod.ROLLING_30D).build(),
        slo("rolling-1h", 99.0, TimePeriod.ROLLING_1H).build(),
        slo("rolling-24h-nodata-bad", 99.5, TimePeriod.ROLLING_24H)
            .noData(NoDataPolicy.BAD)
            .build(),
        slo("month-berlin", 99.5, TimePeriod.CALENDAR_MONTH)
            .timeZone(ZoneId.of("Europe/Berlin"))
            .build(),
        slo("quarter-ny-slices", 99.0, TimePeriod.CALENDAR_QUARTER)
            .timeZone(ZoneId.of("America/New_York"))
            .budgetingMethod(BudgetingMethod.TIMESLICES)
            .timesliceLength(Duration.ofHours(1))
            .timesliceTargetPercentage(97.5)
            .build(),
        slo("rolling-7d-slices", 99.0, TimePeriod.ROLLING_7D)
            .budgetingMethod(BudgetingMethod.TIMESLICES)
            .timesliceLength(Duration.ofMinutes(10))
            .timesliceTargetPercentage(95.0)
            .noData(NoDataPolicy.BAD)
            .build());
  }

  static Slo.Builder slo(String id, double target, TimePeriod period) {
    return Slo.builder()
        .sloName("test")
        .serviceName("svc")
        .sloType(SloType.AVAILABILITY)
        .sloId(id)
        .serviceName("shop")
        .targetPercentage(target)
        .timePeriod(period);
  }

  @Test
  void rawEventsGiveTheSameEvaluationAtStepBoundaries() {
    List<Slo> slos = slos();
    MutableClock clock = new MutableClock(START);
    SloTracker tracker = SloTracker.builder(clock).addAll(slos).build();
    Events file = new Events();
    List<Instant> checkpoints = new ArrayList<>();
    for (int d = 2; d <= 45; d += 3) {
      checkpoints.add(START.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(d * 37L)));
    }
    checkpoints.add(Instant.parse("2026-10-01T00:00:00Z")); // calendar boundaries
    checkpoints.add(Instant.parse("2026-10-25T01:00:00Z")); // Berlin DST ends
    checkpoints.add(Instant.parse("2026-10-31T23:00:00Z")); // Berlin month boundary
    checkpoints.removeIf(c -> !c.isBefore(START.plus(SPAN).minusSeconds(600)));
    checkpoints.sort(null);

    Random rnd = new Random(20261201L);
    long t = START.toEpochMilli();
    long end = START.plus(SPAN).toEpochMilli();
    List<Instant[]> pending = new ArrayList<>();
    int cp = 0;
    List<Evaluation[]> pairs = new ArrayList<>();
    while (t < end) {
      // quiet hours with no events at all, otherwise an event every few seconds to minutes
      boolean quiet = (t / 3_600_000L) % 53 == 7;
      t += quiet ? 3_600_000L : 1 + rnd.nextInt(400_000);
      while (cp < checkpoints.size() && checkpoints.get(cp).toEpochMilli() < t) {
        Instant at = checkpoints.get(cp++);
        clock.set(at);
        for (Slo s : slos) {
          pending.add(new Instant[] {at});
          pairs.add(new Evaluation[] {tracker.evaluate(s.sloId()), null});
        }
      }
      clock.setMillis(t);
      Instant when = Instant.ofEpochMilli(t);
      for (Slo s : slos) {
        boolean burst = (t / 60_000L) % 2999 < 6;
        long total = 1 + rnd.nextInt(burst ? 50 : 5);
        long good =
            burst
                ? total - rnd.nextInt((int) total / 3 + 1)
                : total - (rnd.nextInt(3000) == 0 ? 1 : 0);
        tracker.recorder(s.sloId()).record(good, total);
        file.add(when, s.sloId(), good, total);
      }
    }
    EventSource source = file.source(dir, ids(slos));
    assertThat(pairs.size()).isEqualTo(checkpoints.size() * slos.size());
    for (int i = 0; i < pairs.size(); i++) {
      Evaluation fromTracker = pairs.get(i)[0];
      Evaluation fromFile = Events.eval(fromTracker.slo(), source, pending.get(i)[0]);
      assertThat(fromTracker)
          .as(fromTracker.slo().sloId() + " at " + fromTracker.at())
          .isEqualTo(fromFile);
    }
    // the events really moved the numbers: some evaluations fire, some have no data
    assertThat(pairs.stream().filter(p -> p[0].alertTriggered()).count()).isPositive();
    assertThat(pairs.stream().filter(p -> p[0].status() == Status.HEALTHY).count()).isPositive();
  }

  @Test
  void stepRowsGiveTheSameEvaluationAtAnyInstant() {
    List<Slo> slos = slos();
    MutableClock clock = new MutableClock(START);
    SloTracker tracker = SloTracker.builder(clock).addAll(slos).build();
    Random rnd = new Random(7L);
    long t = START.toEpochMilli();
    long stop = START.plus(Duration.ofDays(33)).toEpochMilli();
    while (t < stop) {
      t += 1 + rnd.nextInt(300_000);
      clock.setMillis(t);
      for (Slo s : slos) {
        long total = 1 + rnd.nextInt(9);
        tracker.recorder(s.sloId()).record(total - (rnd.nextInt(30) == 0 ? 1 : 0), total);
      }
    }
    long end = t; // the last event
    for (long off : new long[] {0, 1, 12_345, 59_999, 60_000, 61_001, 3_600_000}) {
      clock.setMillis(end + off);
      for (Slo s : slos) {
        Events rows = new Events().addSteps(s.sloId(), tracker.steps(s.sloId()));
        Evaluation fromTracker = tracker.evaluate(s.sloId());
        Evaluation fromFile =
            Events.eval(s, rows.source(dir, Set.of(s.sloId())), Instant.ofEpochMilli(end + off));
        assertThat(fromTracker).as(s.sloId() + " at +" + off + "ms").isEqualTo(fromFile);
      }
    }
  }

  static Set<String> ids(List<Slo> slos) {
    return slos.stream().map(Slo::sloId).collect(Collectors.toSet());
  }
}
