package dev.slo.core.source;

import dev.slo.core.model.Slo;
import dev.slo.core.window.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The embedded default source: event series held in memory, keyed by slo_id. An SLO without a
 * series has no events. Immutable and thread-safe.
 */
public final class InMemoryEventSource implements EventSource {
  private final Map<String, EventSeries> series;

  /** A source over the given series; the map is copied. */
  public InMemoryEventSource(Map<String, EventSeries> series) {
    this.series = Map.copyOf(series);
  }

  /** The series of an SLO, empty when there is none. */
  public EventSeries series(String sloId) {
    return series.getOrDefault(sloId, EventSeries.empty());
  }

  /** The slo_ids that have a series. */
  public java.util.Set<String> sloIds() {
    return series.keySet();
  }

  @Override
  public List<EventCounts> slices(
      Slo slo, java.time.Instant from, java.time.Instant to, java.time.Duration step) {
    return series(slo.sloId()).slices(from, to, step);
  }

  @Override
  public int forEachSlice(
      Slo slo,
      java.time.Instant from,
      java.time.Instant to,
      java.time.Duration step,
      SliceSink sink) {
    return series(slo.sloId()).forEachSlice(from, to, step, sink);
  }

  @Override
  public List<EventCounts> counts(Slo slo, List<Window> windows) {
    EventSeries s = series(slo.sloId());
    List<EventCounts> out = new ArrayList<>(windows.size());
    for (Window w : windows) {
      out.add(s.counts(w));
    }
    return out;
  }
}
