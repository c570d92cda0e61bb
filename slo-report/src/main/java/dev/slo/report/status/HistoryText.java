package dev.slo.report.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slo.core.json.StatusJson;
import dev.slo.core.store.SliMetric;
import java.util.List;
import java.util.Locale;

/**
 * An SLO's SLI history as {@code slo history} prints it: an aligned table, one JSON array of {@code
 * SLIMetric} objects (docs/openapi.json), or CSV in the columns of an event data file
 * (docs/formats.md), so that a history can be fed back to {@code slo eval --data}. Thread-safe; no
 * state.
 */
public final class HistoryText {
  /** The output formats. */
  public enum Format {
    /** Columns TIMESTAMP, GOOD, TOTAL and SLI (percent, four decimals). */
    TABLE,
    /** One line: an array of {@code SLIMetric} objects. */
    JSON,
    /** {@code timestamp,slo_id,good_events,total_events} and one line per row. */
    CSV
  }

  private HistoryText() {}

  /**
   * The rows in {@code format}, in the given order, each line ended by {@code \n}; a table or CSV
   * of no rows is its header line alone, JSON of no rows is {@code []}.
   */
  public static String render(List<SliMetric> rows, Format format) {
    StringBuilder sb = new StringBuilder();
    switch (format) {
      case JSON -> {
        ArrayNode arr = StatusJson.MAPPER.createArrayNode();
        for (SliMetric m : rows) {
          arr.add(
              StatusJson.sliMetric(
                  m.sloId(),
                  m.timestamp(),
                  m.sliValue(),
                  m.goodEvents(),
                  m.totalEvents(),
                  m.isGood()));
        }
        sb.append(StatusJson.line(arr)).append('\n');
      }
      case CSV -> {
        sb.append("timestamp,slo_id,good_events,total_events\n");
        for (SliMetric m : rows) {
          sb.append(m.timestamp()).append(',').append(m.sloId()).append(',');
          sb.append(m.goodEvents()).append(',').append(m.totalEvents()).append('\n');
        }
      }
      case TABLE -> {
        sb.append(line("%-24s %12s %12s %10s", "TIMESTAMP", "GOOD", "TOTAL", "SLI"));
        for (SliMetric m : rows) {
          sb.append(
              line(
                  "%-24s %12s %12s %9.4f%%",
                  m.timestamp(), m.goodEvents(), m.totalEvents(), m.sliValue()));
        }
      }
    }
    return sb.toString();
  }

  private static String line(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values) + "\n";
  }
}
