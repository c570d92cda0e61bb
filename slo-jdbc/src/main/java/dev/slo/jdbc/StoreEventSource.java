package dev.slo.jdbc;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The core's {@link EventSource} over the stored SLI history. Each window is cut by {@link
 * WindowSplit} into raw edges, hour buckets and day buckets, and all windows of one call are
 * answered with at most three queries on one connection, so a 30-day window reads about a hundred
 * aggregated rows rather than every raw one. Counts are exact. Thread-safe.
 */
final class StoreEventSource implements EventSource {
  // LATERAL keeps the plan to one index range scan per piece, whatever the statistics
  private static final String RAW =
      "SELECT r.i, s.good, s.total"
          + " FROM unnest(CAST(:lo AS timestamptz[]), CAST(:hi AS timestamptz[]))"
          + " WITH ORDINALITY AS r(lo, hi, i)"
          + " CROSS JOIN LATERAL (SELECT coalesce(sum(m.good_events), 0) AS good,"
          + " coalesce(sum(m.total_events), 0) AS total FROM sli_metrics_ts m"
          + " WHERE m.slo_id = :id AND m.\"timestamp\" > r.lo AND m.\"timestamp\" <= r.hi) s";

  private static final String BUCKETS =
      "SELECT r.i, s.good, s.total"
          + " FROM unnest(CAST(:lo AS timestamptz[]), CAST(:hi AS timestamptz[]))"
          + " WITH ORDINALITY AS r(lo, hi, i)"
          + " CROSS JOIN LATERAL (SELECT coalesce(sum(b.good_events), 0) AS good,"
          + " coalesce(sum(b.total_events), 0) AS total FROM <table> b"
          + " WHERE b.slo_id = :id AND b.bucket >= r.lo AND b.bucket < r.hi) s";

  private final Db db;

  StoreEventSource(Db db) {
    this.db = db;
  }

  @Override
  public java.util.Set<java.util.Map<String, String>> groups(
      Slo template, java.time.Instant from, java.time.Instant to) {
    return StoredGroups.groups(db, template, from, to);
  }

  @Override
  public List<EventCounts> counts(Slo slo, List<Window> windows) {
    List<Piece> raw = new ArrayList<>();
    List<Piece> hours = new ArrayList<>();
    List<Piece> days = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      WindowSplit split = WindowSplit.of(windows.get(i));
      for (Window w : split.raw()) {
        raw.add(new Piece(i, w));
      }
      for (Window w : split.hours()) {
        hours.add(new Piece(i, w));
      }
      for (Window w : split.days()) {
        days.add(new Piece(i, w));
      }
    }
    long[] good = new long[windows.size()];
    long[] total = new long[windows.size()];
    db.call(
        "reading the SLI history of SLO " + slo.sloId(),
        h -> {
          sum(h, RAW, slo.sloId(), raw, good, total);
          sum(h, BUCKETS.replace("<table>", "sli_rollup_hour"), slo.sloId(), hours, good, total);
          sum(h, BUCKETS.replace("<table>", "sli_rollup_day"), slo.sloId(), days, good, total);
          return null;
        });
    List<EventCounts> out = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      out.add(new EventCounts(good[i], total[i]));
    }
    return out;
  }

  private static void sum(
      Handle h, String sql, String sloId, List<Piece> pieces, long[] good, long[] total) {
    if (pieces.isEmpty()) {
      return;
    }
    List<String> lo = new ArrayList<>(pieces.size());
    List<String> hi = new ArrayList<>(pieces.size());
    for (Piece p : pieces) {
      lo.add(p.range().start().toString());
      hi.add(p.range().end().toString());
    }
    h.createQuery(sql)
        .bind("id", sloId)
        .bindArray("lo", String.class, lo)
        .bindArray("hi", String.class, hi)
        .map(
            (rs, ctx) -> {
              int piece = rs.getInt("i") - 1;
              int window = pieces.get(piece).window();
              good[window] = Math.addExact(good[window], rs.getLong("good"));
              total[window] = Math.addExact(total[window], rs.getLong("total"));
              return piece;
            })
        .list();
  }

  private record Piece(int window, Window range) {}
}
