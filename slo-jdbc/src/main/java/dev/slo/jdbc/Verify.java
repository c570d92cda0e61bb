package dev.slo.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Recomputes hour and day buckets from the raw rows and lists where the rollups differ. Only days
 * whose raw rows are all still kept are checked. Stateless.
 */
final class Verify {
  /** At most this many differences are listed. */
  static final int MAX_LISTED = 1_000;

  private Verify() {}

  private static final String COMPARE =
      "WITH r AS (SELECT slo_id, date_bin(interval '<w>', \"timestamp\", timestamptz 'epoch') AS b,"
          + " sum(good_events) AS g, sum(total_events) AS t, count(*) AS n,"
          + " coalesce(sum(good_events) FILTER (WHERE \"timestamp\" = date_bin(interval '<w>',"
          + " \"timestamp\", timestamptz 'epoch')), 0) AS sg,"
          + " coalesce(sum(total_events) FILTER (WHERE \"timestamp\" = date_bin(interval '<w>',"
          + " \"timestamp\", timestamptz 'epoch')), 0) AS st"
          + " FROM sli_metrics_ts WHERE \"timestamp\" >= :lo AND \"timestamp\" < :hi GROUP BY 1, 2),"
          + " x AS (SELECT * FROM <table> WHERE bucket >= :lo AND bucket < :hi)"
          + " SELECT coalesce(r.slo_id, x.slo_id) AS slo_id, coalesce(r.b, x.bucket) AS b,"
          + " coalesce(r.g, 0) AS rg, coalesce(r.t, 0) AS rt, coalesce(r.n, 0) AS rn,"
          + " coalesce(x.good_events, 0) AS xg, coalesce(x.total_events, 0) AS xt,"
          + " coalesce(x.row_count, 0) AS xn, count(*) OVER () AS differing"
          + " FROM r FULL JOIN x ON x.slo_id = r.slo_id AND x.bucket = r.b"
          + " WHERE (r.g, r.t, r.n, r.sg, r.st) IS DISTINCT FROM"
          + " (x.good_events, x.total_events, x.row_count, x.start_good, x.start_total)"
          + " ORDER BY 1, 2 LIMIT "
          + MAX_LISTED;

  /** One bucket whose rollup differs from its raw rows. */
  record Difference(
      String resolution,
      String sloId,
      Instant bucket,
      long rawGood,
      long rawTotal,
      long rawRows,
      long rollupGood,
      long rollupTotal,
      long rollupRows) {}

  /**
   * The result of a check.
   *
   * @param from first instant checked (raised to the raw retention)
   * @param to end of the range checked, exclusive
   * @param differing buckets that differ, all of them (only the first are listed)
   */
  record Result(Instant from, Instant to, long differing, List<Difference> listed) {}

  /** Checks the whole days in {@code [from, to)}, UTC, raised to where raw rows are complete. */
  static Result run(Handle h, Instant from, Instant to) {
    Retention.Bounds b = Retention.read(h);
    Instant lo = b.rawFrom() != null && b.rawFrom().isAfter(from) ? b.rawFrom() : from;
    List<Difference> out = new ArrayList<>();
    long[] differing = {0};
    for (String res : List.of("hour", "day")) {
      long[] n = {0};
      h.createQuery(
              COMPARE
                  .replace("<w>", res.equals("hour") ? "1 hour" : "24 hours")
                  .replace("<table>", res.equals("hour") ? "sli_rollup_hour" : "sli_rollup_day"))
          .bind("lo", JdbcSloRepository.utc(lo))
          .bind("hi", JdbcSloRepository.utc(to))
          .map(
              (rs, ctx) -> {
                n[0] = rs.getLong("differing");
                out.add(
                    new Difference(
                        res,
                        rs.getString("slo_id"),
                        JdbcSloRepository.requiredInstant(rs, "b"),
                        rs.getLong("rg"),
                        rs.getLong("rt"),
                        rs.getLong("rn"),
                        rs.getLong("xg"),
                        rs.getLong("xt"),
                        rs.getLong("xn")));
                return 1;
              })
          .list();
      differing[0] += n[0];
    }
    return new Result(lo, to, differing[0], out);
  }
}
