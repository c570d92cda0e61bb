package dev.slo.cli.serve;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.store.SliHistory;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * SLI history in the store's {@code sli_metrics_ts}. Each evaluation stores the events since the
 * previous one, read from the source, so the table is an exact event history that outlives the
 * source (for example Prometheus retention) and that the store's own event source can evaluate. The
 * first evaluation of a process only anchors the next one. When the source is the store itself
 * nothing is written: the events are already there. Thread-safe.
 */
final class JdbcHistoryStore implements HistoryStore {
  private final SliHistory history;
  private final EventSource source;
  private final boolean sourceIsStore;
  private final Function<String, Optional<Slo>> slos;
  private final Map<String, Instant> last = new ConcurrentHashMap<>();

  JdbcHistoryStore(
      SliHistory history,
      EventSource source,
      boolean sourceIsStore,
      Function<String, Optional<Slo>> slos) {
    this.history = history;
    this.source = source;
    this.sourceIsStore = sourceIsStore;
    this.slos = slos;
  }

  @Override
  public void append(SliMetric metric) {
    if (sourceIsStore) {
      return;
    }
    Instant prev = last.put(metric.sloId(), metric.timestamp());
    Optional<Slo> slo = slos.apply(metric.sloId());
    if (prev == null || !prev.isBefore(metric.timestamp()) || slo.isEmpty()) {
      return;
    }
    EventCounts c = source.counts(slo.get(), List.of(new Window(prev, metric.timestamp()))).get(0);
    if (c.total() == 0) {
      return;
    }
    history.append(
        List.of(
            dev.slo.core.store.SliMetric.ofCounts(
                metric.sloId(), metric.timestamp(), c.good(), c.total())));
  }

  @Override
  public List<SliMetric> history(String sloId, Instant start, Instant end) {
    List<SliMetric> out = new ArrayList<>();
    Optional<Slo> slo = slos.apply(sloId);
    double target = slo.map(Slo::targetPercentage).orElse(0.0);
    for (dev.slo.core.store.SliMetric m : history.history(sloId, new Window(start, end))) {
      out.add(
          new SliMetric(
              m.sloId(),
              m.timestamp(),
              m.sliValue(),
              m.goodEvents(),
              m.totalEvents(),
              m.isGood() != null ? m.isGood() : m.sliValue() >= target));
    }
    return out;
  }
}
