package dev.slo.cli.serve;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link HistoryStore}: the newest {@code capacity} samples per SLO in memory; older
 * ones are dropped. Thread-safe: each SLO's samples are guarded by their own lock.
 */
public final class InMemoryHistoryStore implements HistoryStore {
  private final int capacity;
  private final Map<String, Deque<SliMetric>> samples = new ConcurrentHashMap<>();

  /** A store keeping at most {@code capacity} samples per SLO. */
  public InMemoryHistoryStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException(capacity + " is not a valid capacity: use at least 1");
    }
    this.capacity = capacity;
  }

  @Override
  public void append(SliMetric metric) {
    Deque<SliMetric> d = samples.computeIfAbsent(metric.sloId(), k -> new ArrayDeque<>());
    synchronized (d) {
      if (d.size() == capacity) {
        d.removeFirst();
      }
      d.addLast(metric);
    }
  }

  @Override
  public List<SliMetric> history(String sloId, Instant start, Instant end) {
    Deque<SliMetric> d = samples.get(sloId);
    if (d == null) {
      return List.of();
    }
    List<SliMetric> out = new ArrayList<>();
    synchronized (d) {
      for (SliMetric m : d) {
        if (!m.timestamp().isBefore(start) && !m.timestamp().isAfter(end)) {
          out.add(m);
        }
      }
    }
    return out;
  }
}
