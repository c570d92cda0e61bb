package dev.slo.core.data;

import dev.slo.core.model.GroupId;
import java.time.Instant;
import java.util.Map;

/**
 * One row of a data file. Immutable.
 *
 * @param line 1-based line in the file
 * @param timestamp when the events were counted
 * @param sloId the SLO
 * @param goodEvents good events, {@code 0 <= good <= total}
 * @param totalEvents all events
 * @param labels the row's labels in name order (the optional {@code labels} column); empty when
 *     none
 */
public record DataRow(
    int line,
    Instant timestamp,
    String sloId,
    long goodEvents,
    long totalEvents,
    Map<String, String> labels) {

  /** Copies the labels in name order. */
  public DataRow {
    labels =
        labels == null || labels.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
  }

  /** A row without labels. */
  public DataRow(int line, Instant timestamp, String sloId, long goodEvents, long totalEvents) {
    this(line, timestamp, sloId, goodEvents, totalEvents, Map.of());
  }

  /**
   * The key the row's events are kept under: the slo_id, or for a labelled row the group id with
   * the labels in name order ({@link GroupId}).
   */
  public String key() {
    return labels.isEmpty() ? sloId : GroupId.format(sloId, labels);
  }
}
