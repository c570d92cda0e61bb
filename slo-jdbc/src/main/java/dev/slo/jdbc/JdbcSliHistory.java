package dev.slo.jdbc;

import dev.slo.core.source.EventCounts;
import dev.slo.core.store.Bucket;
import dev.slo.core.store.BucketSize;
import dev.slo.core.store.SliHistory;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@link SliHistory} on {@code sli_metrics_ts} and its hour and day rollups; minute buckets are
 * summed from raw rows. Thread-safe.
 */
final class JdbcSliHistory implements SliHistory {
  private final Db db;

  JdbcSliHistory(Db db) {
    this.db = db;
  }

  @Override
  public long append(List<SliMetric> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    return db.transaction("appending " + rows.size() + " SLI rows", h -> SliWriter.write(h, rows));
  }

  @Override
  public List<SliMetric> history(String sloId, Window window) {
    return db.call(
        "reading the SLI history of SLO " + sloId,
        h ->
            h.createQuery(
                    "SELECT \"timestamp\", slo_id, sli_value, good_events, total_events, is_good,"
                        + " error_budget_consumed, burn_rate FROM sli_metrics_ts"
                        + " WHERE slo_id = :id AND \"timestamp\" > :from AND \"timestamp\" <= :to"
                        + " ORDER BY \"timestamp\"")
                .bind("id", sloId)
                .bind("from", JdbcSloRepository.utc(window.start().truncatedTo(ChronoUnit.MICROS)))
                .bind("to", JdbcSloRepository.utc(storable(window.end())))
                .map(
                    (rs, ctx) ->
                        new SliMetric(
                            rs.getString("slo_id"),
                            JdbcSloRepository.requiredInstant(rs, "timestamp"),
                            rs.getDouble("sli_value"),
                            rs.getLong("good_events"),
                            rs.getLong("total_events"),
                            rs.getObject("is_good", Boolean.class),
                            rs.getObject("error_budget_consumed", Double.class),
                            rs.getObject("burn_rate", Double.class)))
                .list());
  }

  /** The last instant PostgreSQL's timestamptz and OffsetDateTime both hold, for open ends. */
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** {@code t} in microseconds, no later than {@link #LAST} (an open end, {@code Instant.MAX}). */
  private static Instant storable(Instant t) {
    return t.isAfter(LAST) ? LAST : t.truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public Optional<Instant> latest(String sloId) {
    return db.call(
        "reading the newest SLI row of SLO " + sloId,
        h ->
            h.createQuery(
                    "SELECT \"timestamp\" FROM sli_metrics_ts WHERE slo_id = :id"
                        + " ORDER BY \"timestamp\" DESC LIMIT 1")
                .bind("id", sloId)
                .map((rs, ctx) -> JdbcSloRepository.requiredInstant(rs, "timestamp"))
                .findOne());
  }

  @Override
  public List<Bucket> buckets(String sloId, Instant from, Instant to, BucketSize size) {
    Instant lo = ceil(from, size);
    Instant hi = ceil(to, size);
    String sql =
        switch (size) {
          case MINUTE ->
              "SELECT date_bin(interval '1 minute', \"timestamp\", timestamptz 'epoch') AS b,"
                  + " sum(good_events) AS good, sum(total_events) AS total, count(*) AS n"
                  + " FROM sli_metrics_ts WHERE slo_id = :id AND \"timestamp\" >= :lo"
                  + " AND \"timestamp\" < :hi GROUP BY 1 ORDER BY 1";
          case HOUR, DAY ->
              "SELECT bucket AS b, good_events AS good, total_events AS total,"
                  + " row_count AS n FROM "
                  + (size == BucketSize.HOUR ? "sli_rollup_hour" : "sli_rollup_day")
                  + " WHERE slo_id = :id AND bucket >= :lo AND bucket < :hi ORDER BY bucket";
        };
    return db.call(
        "reading " + size.name().toLowerCase(java.util.Locale.ROOT) + " buckets of SLO " + sloId,
        h ->
            h.createQuery(sql)
                .bind("id", sloId)
                .bind("lo", JdbcSloRepository.utc(lo))
                .bind("hi", JdbcSloRepository.utc(hi))
                .map(
                    (rs, ctx) ->
                        new Bucket(
                            JdbcSloRepository.requiredInstant(rs, "b"),
                            new EventCounts(rs.getLong("good"), rs.getLong("total")),
                            rs.getLong("n")))
                .list());
  }

  private static Instant ceil(Instant t, BucketSize size) {
    Instant f = WindowSplit.floor(t, size);
    return f.equals(t) ? t : f.plus(size.width());
  }

  @Override
  public java.util.Set<java.util.Map<String, String>> groups(
      dev.slo.core.model.Slo template, Instant from, Instant to) {
    return StoredGroups.groups(db, template, from, to);
  }
}
