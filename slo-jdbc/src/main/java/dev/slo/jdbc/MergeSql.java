package dev.slo.jdbc;

/**
 * The set-based statements that merge a staging table {@code (slo_id, ts, good, total)} into the
 * store: one upsert of per-step sums, then the touched hour and day rollups recomputed from what is
 * stored. Stateless.
 */
final class MergeSql {
  private MergeSql() {}

  /**
   * Stores each step's summed counts in place of the stored row (SLI as {@code SliMetric}); a row
   * that would not change is left alone. Answers two counts: steps, and rows inserted or changed.
   */
  static String upsert(String stage) {
    return "WITH s AS MATERIALIZED (SELECT ts, slo_id, CAST(sum(good) AS bigint) AS good,"
        + " CAST(sum(total) AS bigint) AS total,"
        + " CASE WHEN sum(total) = 0 THEN 100.0"
        + " ELSE 100.0 * CAST(sum(good) AS double precision) / CAST(sum(total) AS double precision)"
        + " END AS sli FROM "
        + stage
        + " GROUP BY slo_id, ts ORDER BY slo_id, ts),"
        + " u AS (INSERT INTO sli_metrics_ts AS m (\"timestamp\", slo_id, sli_value, good_events,"
        + " total_events, error_budget_consumed, burn_rate, is_good)"
        + " SELECT s.ts, s.slo_id, s.sli, s.good, s.total, NULL, NULL,"
        + " s.sli >= o.target_percentage"
        + " FROM s LEFT JOIN slos o ON o.slo_id = s.slo_id"
        + " ON CONFLICT (slo_id, \"timestamp\") DO UPDATE SET sli_value = excluded.sli_value,"
        + " good_events = excluded.good_events, total_events = excluded.total_events,"
        + " error_budget_consumed = NULL, burn_rate = NULL, is_good = excluded.is_good"
        + " WHERE (m.sli_value, m.good_events, m.total_events, m.error_budget_consumed,"
        + " m.burn_rate, m.is_good) IS DISTINCT FROM (excluded.sli_value, excluded.good_events,"
        + " excluded.total_events, excluded.error_budget_consumed, excluded.burn_rate,"
        + " excluded.is_good)"
        + " RETURNING 1)"
        + " SELECT (SELECT count(*) FROM s), (SELECT count(*) FROM u)";
  }

  /** Recomputes the hour buckets the stage touches from the stored rows. */
  static String rollupHour(String stage) {
    return "INSERT INTO sli_rollup_hour AS r (slo_id, bucket, good_events, total_events,"
        + " row_count, start_good, start_total)"
        + " SELECT m.slo_id, k.b, sum(m.good_events), sum(m.total_events), count(*),"
        + " coalesce(sum(m.good_events) FILTER (WHERE m.\"timestamp\" = k.b), 0),"
        + " coalesce(sum(m.total_events) FILTER (WHERE m.\"timestamp\" = k.b), 0)"
        + " FROM (SELECT DISTINCT slo_id, date_bin(interval '1 hour', ts, timestamptz 'epoch') AS b"
        + " FROM "
        + stage
        + ") k JOIN sli_metrics_ts m ON m.slo_id = k.slo_id AND m.\"timestamp\" >= k.b"
        + " AND m.\"timestamp\" < k.b + interval '1 hour'"
        + " GROUP BY m.slo_id, k.b"
        + " ON CONFLICT (slo_id, bucket) DO UPDATE SET good_events = excluded.good_events,"
        + " total_events = excluded.total_events, row_count = excluded.row_count,"
        + " start_good = excluded.start_good, start_total = excluded.start_total";
  }

  /** Recomputes the day buckets the stage touches from the hour buckets. */
  static String rollupDay(String stage) {
    return "INSERT INTO sli_rollup_day AS r (slo_id, bucket, good_events, total_events,"
        + " row_count, start_good, start_total)"
        + " SELECT h.slo_id, k.d, sum(h.good_events), sum(h.total_events), sum(h.row_count),"
        + " coalesce(sum(h.start_good) FILTER (WHERE h.bucket = k.d), 0),"
        + " coalesce(sum(h.start_total) FILTER (WHERE h.bucket = k.d), 0)"
        + " FROM (SELECT DISTINCT slo_id, date_bin(interval '24 hours', ts, timestamptz 'epoch') AS d"
        + " FROM "
        + stage
        + ") k JOIN sli_rollup_hour h ON h.slo_id = k.slo_id AND h.bucket >= k.d"
        + " AND h.bucket < k.d + interval '24 hours'"
        + " GROUP BY h.slo_id, k.d"
        + " ON CONFLICT (slo_id, bucket) DO UPDATE SET good_events = excluded.good_events,"
        + " total_events = excluded.total_events, row_count = excluded.row_count,"
        + " start_good = excluded.start_good, start_total = excluded.start_total";
  }
}
