package dev.slo.jdbc;

import dev.slo.core.store.BucketSize;
import dev.slo.core.store.SliMetric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Writes a batch of SLI rows inside the caller's transaction: locks the batch's SLOs (sorted, so
 * writers never deadlock), COPYs the rows into a session-local staging table, upserts them into
 * {@code sli_metrics_ts} (last row per key wins) and recomputes the touched hour and day rollups
 * from the stored rows (the touched buckets are computed here, not scanned from the stage).
 * Recomputing, rather than adding, makes a retried batch leave the same sums. Stateless and
 * thread-safe.
 */
final class SliWriter {
  /** Advisory-lock namespace of per-SLO history writes (first key of the two-key form). */
  static final int LOCK_NAMESPACE = 0x510_0001;

  private static final String STAGE =
      "CREATE TEMP TABLE IF NOT EXISTS slo_sli_stage (seq bigint NOT NULL, slo_id text NOT NULL,"
          + " ts timestamptz NOT NULL, sli_value double precision NOT NULL, good bigint NOT NULL,"
          + " total bigint NOT NULL, is_good boolean, ebc double precision, burn double precision)"
          + " ON COMMIT DELETE ROWS";

  private static final String UPSERT =
      "INSERT INTO sli_metrics_ts AS m (\"timestamp\", slo_id, sli_value, good_events,"
          + " total_events, error_budget_consumed, burn_rate, is_good)"
          + " SELECT DISTINCT ON (s.slo_id, s.ts) s.ts, s.slo_id, s.sli_value, s.good, s.total,"
          + " s.ebc, s.burn, coalesce(s.is_good, s.sli_value >= o.target_percentage)"
          + " FROM slo_sli_stage s LEFT JOIN slos o ON o.slo_id = s.slo_id"
          + " ORDER BY s.slo_id, s.ts, s.seq DESC"
          + " ON CONFLICT (slo_id, \"timestamp\") DO UPDATE SET sli_value = excluded.sli_value,"
          + " good_events = excluded.good_events, total_events = excluded.total_events,"
          + " error_budget_consumed = excluded.error_budget_consumed,"
          + " burn_rate = excluded.burn_rate, is_good = excluded.is_good";

  // LATERAL keeps the plan to one index range scan per touched bucket, whatever the statistics
  private static final String ROLLUP_HOUR =
      "INSERT INTO sli_rollup_hour AS r (slo_id, bucket, good_events, total_events, row_count,"
          + " start_good, start_total)"
          + " SELECT k.slo_id, k.b, s.good, s.total, s.n, coalesce(s.sg, 0), coalesce(s.st, 0)"
          + " FROM unnest(CAST(:ids AS text[]), CAST(:buckets AS timestamptz[])) AS k(slo_id, b)"
          + " CROSS JOIN LATERAL (SELECT sum(m.good_events) AS good, sum(m.total_events) AS total,"
          + " count(*) AS n, sum(m.good_events) FILTER (WHERE m.\"timestamp\" = k.b) AS sg,"
          + " sum(m.total_events) FILTER (WHERE m.\"timestamp\" = k.b) AS st"
          + " FROM sli_metrics_ts m WHERE m.slo_id = k.slo_id"
          + " AND m.\"timestamp\" >= k.b AND m.\"timestamp\" < k.b + interval '1 hour') s"
          + " WHERE s.n > 0"
          + " ON CONFLICT (slo_id, bucket) DO UPDATE SET good_events = excluded.good_events,"
          + " total_events = excluded.total_events, row_count = excluded.row_count,"
          + " start_good = excluded.start_good, start_total = excluded.start_total";

  private static final String ROLLUP_DAY =
      "INSERT INTO sli_rollup_day AS r (slo_id, bucket, good_events, total_events, row_count,"
          + " start_good, start_total)"
          + " SELECT k.slo_id, k.d, s.good, s.total, s.n, coalesce(s.sg, 0), coalesce(s.st, 0)"
          + " FROM unnest(CAST(:ids AS text[]), CAST(:buckets AS timestamptz[])) AS k(slo_id, d)"
          + " CROSS JOIN LATERAL (SELECT sum(h.good_events) AS good, sum(h.total_events) AS total,"
          + " sum(h.row_count) AS n, sum(h.start_good) FILTER (WHERE h.bucket = k.d) AS sg,"
          + " sum(h.start_total) FILTER (WHERE h.bucket = k.d) AS st"
          + " FROM sli_rollup_hour h WHERE h.slo_id = k.slo_id"
          + " AND h.bucket >= k.d AND h.bucket < k.d + interval '24 hours') s"
          + " WHERE s.n > 0"
          + " ON CONFLICT (slo_id, bucket) DO UPDATE SET good_events = excluded.good_events,"
          + " total_events = excluded.total_events, row_count = excluded.row_count,"
          + " start_good = excluded.start_good, start_total = excluded.start_total";

  private SliWriter() {}

  /**
   * Writes {@code rows}; the caller owns the transaction.
   *
   * @return distinct (slo_id, timestamp) keys written
   */
  static long write(Handle h, List<SliMetric> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    TreeSet<String> ids = new TreeSet<>();
    for (SliMetric r : rows) {
      ids.add(r.sloId());
    }
    h.execute(STAGE);
    h.createQuery("SELECT pg_advisory_xact_lock(:ns, hashtext(s)) FROM unnest(:ids) s")
        .bind("ns", LOCK_NAMESPACE)
        .bindArray("ids", String.class, List.copyOf(ids))
        .map((rs, ctx) -> 1)
        .list();
    copy(h, rows);
    long written = h.createUpdate(UPSERT).execute();
    rollup(h, ROLLUP_HOUR, rows, BucketSize.HOUR);
    rollup(h, ROLLUP_DAY, rows, BucketSize.DAY);
    return written;
  }

  /** Recomputes the buckets of {@code size} that {@code rows} touch. */
  private static void rollup(Handle h, String sql, List<SliMetric> rows, BucketSize size) {
    Set<Map.Entry<String, Instant>> keys = new LinkedHashSet<>();
    for (SliMetric r : rows) {
      keys.add(Map.entry(r.sloId(), WindowSplit.floor(r.timestamp(), size)));
    }
    List<String> ids = new ArrayList<>(keys.size());
    List<String> buckets = new ArrayList<>(keys.size());
    for (Map.Entry<String, Instant> k : keys) {
      ids.add(k.getKey());
      buckets.add(k.getValue().toString());
    }
    h.createUpdate(sql)
        .bindArray("ids", String.class, ids)
        .bindArray("buckets", String.class, buckets)
        .execute();
  }

  private static void copy(Handle h, List<SliMetric> rows) {
    StringBuilder sb = new StringBuilder(rows.size() * 96);
    long seq = 0;
    for (SliMetric r : rows) {
      sb.append(seq++)
          .append('\t')
          .append(copyText(r.sloId()))
          .append('\t')
          .append(r.timestamp())
          .append('\t')
          .append(r.sliValue())
          .append('\t')
          .append(r.goodEvents())
          .append('\t')
          .append(r.totalEvents())
          .append('\t');
      appendNullable(sb, r.isGood());
      sb.append('\t');
      appendNullable(sb, r.errorBudgetConsumed());
      sb.append('\t');
      appendNullable(sb, r.burnRate());
      sb.append('\n');
    }
    byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
    try {
      h.getConnection()
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY slo_sli_stage (seq, slo_id, ts, sli_value, good, total, is_good, ebc, burn)"
                  + " FROM STDIN",
              new java.io.ByteArrayInputStream(data));
    } catch (SQLException e) {
      throw new CopyFailure(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // COPY's text format: a group id may hold a backslash or a newline (docs/spec.md, "Grouping")
  private static String copyText(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0) {
      return s;
    }
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  private static void appendNullable(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("\\N");
    } else {
      sb.append(value);
    }
  }

  /** A failed COPY, keeping the SQL state for retry decisions. */
  static final class CopyFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CopyFailure(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
