package dev.slo.core.tracker;

import dev.slo.core.model.Slo;
import dev.slo.core.store.SliHistory;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.List;

/**
 * The reverse of {@link HistoryWriter}: builds a tracker whose rings hold the SLI rows an {@link
 * SliHistory} store has for its SLOs (for example the PostgreSQL store of {@code slo-jdbc}, or the
 * core's {@code InMemoryStore}), so a restarted service keeps its budget without a snapshot file.
 * Each SLO reads, with one {@link SliHistory#history} call, the rows of the last ring-length of
 * steps before the clock's instant; a row stamped {@code t} counts in the step {@code (i*step,
 * (i+1)*step]} holding {@code t}, which is where {@link HistoryWriter} took it from. Stateless.
 */
public final class HistoryRestore {
  private HistoryRestore() {}

  /**
   * A tracker built by {@code builder} holding the events {@code history} has for each of its SLOs
   * over the reach of that SLO's ring, up to the builder clock's instant. Rows of other SLOs are
   * not read; an SLO without rows starts empty.
   *
   * @throws dev.slo.core.SourceException when the store cannot be read
   */
  public static SloTracker restore(SliHistory history, SloTracker.Builder builder) {
    SloTracker tracker = builder.build();
    long step = tracker.step().toMillis();
    long now = tracker.clock().millis();
    for (Slo slo : tracker.slos()) {
      BucketRing ring = tracker.recorder(slo.sloId()).ring;
      ring.lock.lock();
      try {
        long from = (ring.open() - ring.size) * step;
        List<SliMetric> rows =
            history.history(
                slo.sloId(), new Window(Instant.ofEpochMilli(from), Instant.ofEpochMilli(now)));
        long[] steps = new long[rows.size()];
        long[] good = new long[rows.size()];
        long[] total = new long[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
          SliMetric m = rows.get(k);
          Instant t = m.timestamp();
          // a row inside a millisecond belongs to the step holding the millisecond's end
          steps[k] = ring.stepOf(t.toEpochMilli() + (t.getNano() % 1_000_000 == 0 ? 0 : 1));
          good[k] = m.goodEvents();
          total[k] = m.totalEvents();
        }
        ring.load(steps, good, total);
      } finally {
        ring.lock.unlock();
      }
    }
    return tracker;
  }
}
