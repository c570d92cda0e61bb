package dev.slo.jdbc;

import dev.slo.core.store.SliMetric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Writes a batch of SLI rows inside the caller's transaction: locks the batch's SLOs (sorted, so
 * writers never deadlock), COPYs the rows into a session-local staging table, upserts them into
 * {@code sli_metrics_ts} (last row per key wins) and recomputes the touched hour and day rollups
 * from the stored rows. Recomputing, rather than adding, makes a retried batch leave the same sums.
 * Stateless and thread-safe.
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

  private static final String ROLLUP_HOUR =
      "INSERT INTO sli_rollup_hour AS r (slo_id, bucket, good_events, total_events, row_count)"
          + " SELECT a.slo_id, a.b, sum(m.good_events), sum(m.total_events), count(*)"
          + " FROM (SELECT DISTINCT slo_id, date_trunc('hour', ts, 'UTC') AS b"
          + " FROM slo_sli_stage) a"
          + " JOIN sli_metrics_ts m ON m.slo_id = a.slo_id AND m.\"timestamp\" >= a.b"
          + " AND m.\"timestamp\" < a.b + interval '1 hour'"
          + " GROUP BY a.slo_id, a.b"
          + " ON CONFLICT (slo_id, bucket) DO UPDATE SET good_events = excluded.good_events,"
          + " total_events = excluded.total_events, row_count = excluded.row_count";

  private static final String ROLLUP_DAY =
      "INSERT INTO sli_rollup_day AS r (slo_id, bucket, good_events, total_events, row_count)"
          + " SELECT a.slo_id, a.d, sum(h.good_events), sum(h.total_events), sum(h.row_count)"
          + " FROM (SELECT DISTINCT slo_id, date_trunc('day', ts, 'UTC') AS d"
          + " FROM slo_sli_stage) a"
          + " JOIN sli_rollup_hour h ON h.slo_id = a.slo_id AND h.bucket >= a.d"
          + " AND h.bucket < a.d + interval '24 hours'"
          + " GROUP BY a.slo_id, a.d"
          + " ON CONFLICT (slo_id, bucket) DO UPDATE SET good_events = excluded.good_events,"
          + " total_events = excluded.total_events, row_count = excluded.row_count";

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
    h.createUpdate(ROLLUP_HOUR).execute();
    h.createUpdate(ROLLUP_DAY).execute();
    return written;
  }

  private static void copy(Handle h, List<SliMetric> rows) {
    StringBuilder sb = new StringBuilder(rows.size() * 96);
    long seq = 0;
    for (SliMetric r : rows) {
      sb.append(seq++)
          .append('\t')
          .append(r.sloId())
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
