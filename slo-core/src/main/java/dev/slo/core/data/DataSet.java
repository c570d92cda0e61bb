package dev.slo.core.data;

import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import java.util.List;
import java.util.Map;

/**
 * Event rows read from a data file, one series per slo_id, plus warnings for rows that were
 * skipped. Immutable.
 *
 * @param series per slo_id
 * @param rows rows read (kept and skipped)
 * @param warnings one line per kind of skipped row
 */
public record DataSet(Map<String, EventSeries> series, long rows, List<String> warnings) {
  /** Copies the collections. */
  public DataSet {
    series = Map.copyOf(series);
    warnings = List.copyOf(warnings);
  }

  /** The embedded default source over these series. */
  public InMemoryEventSource source() {
    return new InMemoryEventSource(series);
  }
}
