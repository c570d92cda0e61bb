package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.tracker.HistoryRestore;
import dev.slo.core.tracker.HistoryWriter;
import dev.slo.core.tracker.SloTracker;
import dev.slo.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A tracker writes its closed steps to the PostgreSQL store, is dropped (a service restart), and a
 * new tracker restored from the store through the core {@code SliHistory} contract evaluates as the
 * old one did.
 */
class TrackerRestoreIT {
  private static List<Slo> slos() {
    return List.of(
        Slo.builder()
            .sloName("rolling")
            .serviceName("svc")
            .sloType(SloType.AVAILABILITY)
            .sloId("r30")
            .targetPercentage(99.5)
            .timePeriod(TimePeriod.ROLLING_30D)
            .build(),
        Slo.builder()
            .sloName("calendar")
            .serviceName("svc")
            .sloType(SloType.AVAILABILITY)
            .sloId("month")
            .targetPercentage(99)
            .timePeriod(TimePeriod.CALENDAR_MONTH)
            .build());
  }

  @Test
  void aTrackerRestoredFromPostgresqlEvaluatesAsTheOneThatWroteIt() {
    try (JdbcStore store = JdbcStore.open(TestDatabase.freshSchema("slo_t_restore"), Map.of())) {
      for (Slo slo : slos()) {
        store.slos().create(slo);
      }
      TrackerHistoryWriterIT.Hand clock = new TrackerHistoryWriterIT.Hand();
      Instant start = Instant.parse("2026-09-20T00:00:00Z");
      clock.millis = start.toEpochMilli();
      SloTracker tracker = SloTracker.builder(clock).addAll(slos()).build();
      HistoryWriter writer = new HistoryWriter(tracker, store.history());
      Random rnd = new Random(11);
      long end = Instant.parse("2026-11-01T12:00:00Z").toEpochMilli(); // 42.5 days: past a ring
      long t = clock.millis;
      while (t < end) {
        t += 1 + rnd.nextInt(60_000);
        clock.millis = t;
        int total = 1 + rnd.nextInt(20);
        boolean incident = end - t < 7_200_000L;
        tracker
            .recorder(rnd.nextBoolean() ? "r30" : "month")
            .record(
                total - (incident || rnd.nextInt(500) == 0 ? rnd.nextInt(total + 1) : 0), total);
        if (rnd.nextInt(5_000) == 0) {
          writer.flush();
        }
      }
      clock.millis = (Math.floorDiv(t - 1, 60_000L) + 1) * 60_000L + 1;
      writer.flush();
      var before = tracker.evaluateAll();
      // the service stops; a new one starts from the store

      SloTracker restored =
          HistoryRestore.restore(store.history(), SloTracker.builder(clock).addAll(slos()));
      assertThat(restored.evaluateAll()).isEqualTo(before);
      assertThat(before).anyMatch(e -> e.alertTriggered());
      // restarted after 10 minutes of downtime: the same closed steps, the same budget spent
      clock.millis += 600_000L;
      SloTracker later =
          HistoryRestore.restore(store.history(), SloTracker.builder(clock).addAll(slos()));
      assertThat(later.steps("r30")).isEqualTo(restored.steps("r30"));
      assertThat(later.evaluateAll()).isEqualTo(tracker.evaluateAll());
    }
  }
}
