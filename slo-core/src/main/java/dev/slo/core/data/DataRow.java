package dev.slo.core.data;

import java.time.Instant;

/**
 * One row of a data file. Immutable.
 *
 * @param line 1-based line in the file
 * @param timestamp when the events were counted
 * @param sloId the SLO
 * @param goodEvents good events, {@code 0 <= good <= total}
 * @param totalEvents all events
 */
public record DataRow(
    int line, Instant timestamp, String sloId, long goodEvents, long totalEvents) {}
