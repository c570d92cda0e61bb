package dev.slo.core.data;

import dev.slo.core.model.GroupId;
import dev.slo.core.source.EventSeries;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A data file read before the spec says which SLOs it may name ({@link
 * DataFileReader#readUnfiltered}): every slo_id's series and row count, so a short command can read
 * its data while it reads its spec. Immutable.
 *
 * @param source the file's name in messages
 * @param series per slo_id (a group id for labelled rows)
 * @param rowsOf rows per slo_id
 * @param rows rows read
 */
public record UnfilteredData(
    String source, Map<String, EventSeries> series, Map<String, Long> rowsOf, long rows) {
  /** Copies the maps. */
  public UnfilteredData {
    series = Map.copyOf(series);
    rowsOf = Map.copyOf(rowsOf);
  }

  /**
   * What {@link DataFileReader#read(String, java.io.BufferedReader, Set)} returns for {@code
   * known}: the series of known SLOs, and one warning for the rows of the others. Only for a spec
   * without grouped SLOs (their rows are checked for labels as they are read).
   */
  public DataSet forKnown(Set<String> known) {
    Map<String, EventSeries> kept = new HashMap<>();
    Map<String, Long> skip = new TreeMap<>();
    for (Map.Entry<String, EventSeries> e : series.entrySet()) {
      if (known.contains(GroupId.baseOf(e.getKey()))) {
        kept.put(e.getKey(), e.getValue());
      } else {
        skip.put(e.getKey(), rowsOf.getOrDefault(e.getKey(), 0L));
      }
    }
    return new DataSet(kept, rows, SeriesCollector.skippedWarning(source, skip));
  }
}
