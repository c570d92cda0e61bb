package dev.slo.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.store.InMemoryStore;
import dev.slo.core.store.SliMetric;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryRestoreTest {
  @Test
  void aTrackerRestoredFromTheStoreEvaluatesAsTheOneThatWroteIt() {
    MutableClock clock = new MutableClock(SnapshotTest.T0);
    SloTracker original = SnapshotTest.filled(clock);
    InMemoryStore store = new InMemoryStore(clock);
    HistoryWriter writer = new HistoryWriter(original, store.history());
    // close the open step so that every event is in a written step
    clock.setMillis((Math.floorDiv(clock.millis() - 1, 60_000L) + 1) * 60_000L + 1);
    assertThat(writer.flush()).isPositive();
    SloTracker restored =
        HistoryRestore.restore(
            store.history(), SloTracker.builder(clock).addAll(SnapshotTest.slos()));
    assertThat(restored.evaluateAll()).isEqualTo(original.evaluateAll());
    assertThat(restored.steps("a")).isEqualTo(original.steps("a"));
    // a restart after an hour without events
    clock.setMillis(clock.millis() + 3_600_000L);
    SloTracker later =
        HistoryRestore.restore(
            store.history(), SloTracker.builder(clock).addAll(SnapshotTest.slos()));
    assertThat(later.evaluateAll()).isEqualTo(original.evaluateAll());
  }

  @Test
  void rowsBetweenStepBoundariesCountInTheStepHoldingThem() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-01T01:00:00Z"));
    InMemoryStore store = new InMemoryStore(clock);
    store
        .history()
        .append(
            List.of(
                SliMetric.ofCounts("a", Instant.parse("2026-11-01T00:10:00.000001Z"), 4, 5),
                SliMetric.ofCounts("a", Instant.parse("2026-11-01T00:11:00Z"), 1, 2),
                SliMetric.ofCounts("b", Instant.parse("2026-09-01T00:00:00Z"), 1, 1)));
    SloTracker t =
        HistoryRestore.restore(
            store.history(), SloTracker.builder(clock).addAll(SnapshotTest.slos()));
    // both rows fall in (00:10, 00:11]; the row of b is older than its ring reaches
    assertThat(t.steps("a"))
        .extracting(s -> s.timestamp() + " " + s.counts().good() + "/" + s.counts().total())
        .containsExactly("2026-11-01T00:11:00Z 5/7");
    assertThat(t.steps("b")).isEmpty();
  }
}
