package dev.slo.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.SourceException;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.store.Bucket;
import dev.slo.core.store.BucketSize;
import dev.slo.core.store.SliHistory;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HistoryWriterTest {
  static final Instant T0 = Instant.parse("2026-11-01T00:00:30Z");

  /** Keeps rows by (slo_id, timestamp) like the real store; fails when told to. */
  static final class MemoryHistory implements SliHistory {
    final Map<String, SliMetric> rows = new TreeMap<>();
    boolean down;

    @Override
    public long append(List<SliMetric> batch) {
      if (down) {
        throw new SourceException("store down");
      }
      batch.forEach(m -> rows.put(m.sloId() + "@" + m.timestamp(), m));
      return batch.size();
    }

    @Override
    public List<SliMetric> history(String sloId, Window window) {
      return new ArrayList<>(rows.values());
    }

    @Override
    public java.util.Optional<Instant> latest(String sloId) {
      return rows.values().stream()
          .filter(m -> m.sloId().equals(sloId))
          .map(SliMetric::timestamp)
          .max(Instant::compareTo);
    }

    @Override
    public List<Bucket> buckets(String sloId, Instant from, Instant to, BucketSize size) {
      return List.of();
    }
  }

  @Test
  void writesEachClosedStepOnceAtItsEnd() {
    MutableClock clock = new MutableClock(T0);
    Slo slo =
        Slo.builder()
            .sloName("test")
            .serviceName("svc")
            .sloType(SloType.AVAILABILITY)
            .sloId("w")
            .targetPercentage(99)
            .timePeriod(TimePeriod.ROLLING_1H)
            .build();
    SloTracker tracker = SloTracker.builder(clock).add(slo).build();
    MemoryHistory store = new MemoryHistory();
    HistoryWriter writer = new HistoryWriter(tracker, store);
    tracker.recorder("w").record(3, 4);
    assertThat(writer.flush()).isZero(); // the step is still open
    clock.setMillis(clock.millis() + 60_000);
    tracker.recorder("w").recordGood();
    assertThat(writer.flush()).isEqualTo(1);
    assertThat(store.rows.values())
        .containsExactly(SliMetric.ofCounts("w", Instant.parse("2026-11-01T00:01:00Z"), 3, 4));
    store.down = true;
    clock.setMillis(clock.millis() + 60_000);
    assertThatThrownBy(writer::flush).isInstanceOf(SourceException.class);
    store.down = false;
    assertThat(writer.flush()).isEqualTo(1); // retried, not lost
    assertThat(writer.flush()).isZero();
    assertThat(store.rows).hasSize(2);
  }
}
