package dev.slo.jdbc;

import java.util.List;

/**
 * What a migration run did. Immutable.
 *
 * @param fromVersion the schema version found (0 for an empty database)
 * @param toVersion the schema version now
 * @param applied descriptions of the migrations this run applied, in order; empty when current
 * @param hypertable true when {@code sli_metrics_ts} is a TimescaleDB hypertable
 */
public record MigrationResult(
    int fromVersion, int toVersion, List<String> applied, boolean hypertable) {
  /** Copies the list. */
  public MigrationResult {
    applied = List.copyOf(applied);
  }

  /**
   * One line saying what the run did in {@code target}: {@code <target>: schema version 0 -> 11,
   * applied [...]}, or {@code , already current}, and whether {@code sli_metrics_ts} is a
   * TimescaleDB hypertable.
   */
  public String describe(String target) {
    return target
        + ": schema version "
        + fromVersion
        + " -> "
        + toVersion
        + (applied.isEmpty() ? ", already current" : ", applied " + applied)
        + (hypertable ? ", sli_metrics_ts is a TimescaleDB hypertable" : "");
  }
}
