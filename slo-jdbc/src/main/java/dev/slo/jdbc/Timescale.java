package dev.slo.jdbc;

import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * Upkeep of a TimescaleDB hypertable {@code sli_metrics_ts} (TimescaleDB 2.x): daily chunks, the
 * raw retention as {@code add_retention_policy}, and compression of chunks older than {@link
 * #COMPRESS_AFTER} by {@code add_compression_policy}; TimescaleDB's job scheduler then does the
 * work. Not run in CI: TimescaleDB is not packaged for Debian (docs/jdbc.md). Stateless; runs in
 * the caller's transaction.
 */
final class Timescale {
  /** Chunks older than a 30-day window plus margin are compressed (segmented by slo_id). */
  static final Duration COMPRESS_AFTER = Duration.ofDays(35);

  private Timescale() {}

  /** Applies the chunk interval and the policies; returns a description of the settings. */
  static String apply(Handle h, Duration rawRetention) {
    String t = "sli_metrics_ts";
    h.createQuery("SELECT set_chunk_time_interval(CAST(:t AS regclass), INTERVAL '1 day')")
        .bind("t", t)
        .map((rs, ctx) -> 1)
        .list();
    boolean compressed =
        h.createQuery(
                "SELECT coalesce(bool_or(compression_enabled), false)"
                    + " FROM timescaledb_information.hypertables"
                    + " WHERE hypertable_schema = current_schema() AND hypertable_name = :t")
            .bind("t", t)
            .mapTo(Boolean.class)
            .one();
    if (!compressed) {
      h.execute(
          "ALTER TABLE sli_metrics_ts SET (timescaledb.compress,"
              + " timescaledb.compress_segmentby = 'slo_id',"
              + " timescaledb.compress_orderby = '\"timestamp\"')");
    }
    // replace the policies, so a changed retention takes effect
    h.createQuery("SELECT remove_retention_policy(CAST(:t AS regclass), if_exists => true)")
        .bind("t", t)
        .map((rs, ctx) -> 1)
        .list();
    h.createQuery("SELECT add_retention_policy(CAST(:t AS regclass), make_interval(secs => :k))")
        .bind("t", t)
        .bind("k", rawRetention.toSeconds())
        .map((rs, ctx) -> 1)
        .list();
    h.createQuery("SELECT remove_compression_policy(CAST(:t AS regclass), if_exists => true)")
        .bind("t", t)
        .map((rs, ctx) -> 1)
        .list();
    h.createQuery("SELECT add_compression_policy(CAST(:t AS regclass), make_interval(secs => :k))")
        .bind("t", t)
        .bind("k", COMPRESS_AFTER.toSeconds())
        .map((rs, ctx) -> 1)
        .list();
    return "TimescaleDB hypertable: 1-day chunks, retention policy "
        + rawRetention.toDays()
        + " d, chunks compressed after "
        + COMPRESS_AFTER.toDays()
        + " d (run by TimescaleDB's job scheduler)";
  }
}
