package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.tracker.HistoryWriter;
import dev.slo.core.tracker.SloTracker;
import dev.slo.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An in-process tracker writes its closed steps to the PostgreSQL store through {@link
 * HistoryWriter}; evaluating the store then gives the tracker's own numbers.
 */
class TrackerHistoryWriterIT {
  /** A clock the test moves. */
  static final class Hand extends Clock {
    volatile long millis;

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void theStoreEvaluatesToTheTrackersNumbers() {
    try (JdbcStore store = JdbcStore.open(TestDatabase.freshSchema("slo_t_tracker"), Map.of())) {
      Slo slo =
          Slo.builder()
              .sloName("test")
              .serviceName("svc")
              .sloType(SloType.AVAILABILITY)
              .sloId("tracked")
              .serviceName("svc")
              .targetPercentage(99.5)
              .timePeriod(TimePeriod.ROLLING_24H)
              .build();
      store.slos().create(slo);
      Hand clock = new Hand();
      Instant start = Instant.parse("2026-03-01T00:00:00Z");
      clock.millis = start.toEpochMilli();
      SloTracker tracker = SloTracker.builder(clock).add(slo).build();
      HistoryWriter writer = new HistoryWriter(tracker, store.history());
      Random rnd = new Random(5);
      long t = clock.millis;
      long end = start.plus(Duration.ofDays(2)).toEpochMilli();
      long rows = 0;
      while (t < end) {
        t += 1 + rnd.nextInt(20_000);
        clock.millis = t;
        int total = 1 + rnd.nextInt(10);
        boolean incident = end - t < 3_600_000L;
        tracker
            .recorder("tracked")
            .record(total - (incident ? rnd.nextInt(Math.min(3, total + 1)) : 0), total);
        if (rnd.nextInt(200) == 0) {
          rows += writer.flush();
        }
      }
      // the open step stays empty: everything the tracker counts is in closed steps
      clock.millis = (Math.floorDiv(t - 1, 60_000L) + 1) * 60_000L + 1;
      rows += writer.flush();
      assertThat(rows).isEqualTo(tracker.steps("tracked").size());
      var fromTracker = tracker.evaluate("tracked");
      var fromStore =
          new Evaluator().evaluate(slo, store.eventSource(), Instant.ofEpochMilli(clock.millis));
      assertThat(fromStore).isEqualTo(fromTracker);
      assertThat(fromTracker.alertTriggered()).isTrue();
      assertThat(writer.flush()).isZero();
    }
  }
}
