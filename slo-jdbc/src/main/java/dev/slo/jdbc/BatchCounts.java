package dev.slo.jdbc;

import dev.slo.core.source.EventCounts;
import dev.slo.core.store.BucketSize;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Answers the windows of many SLOs with three statements in all. Every window {@code (s, e]} is
 * {@code S(e) - S(s)}, where {@code S(p)} counts the rows at or before {@code p} from a common base
 * day; each distinct boundary {@code p} of an SLO is cut into day buckets up to its day (one bulk
 * read of the day rollup), hour buckets up to its hour (one lookup) and raw rows of its own hour,
 * on whichever side of {@code p} is shorter (one lookup, none when {@code p} is on the hour and no
 * row can sit exactly on it). Boundaries older than the raw retention are rounded down to the hour,
 * older than the hourly retention to the day, and the rounding is reported. Not thread-safe.
 */
final class BatchCounts {
  /** SLOs with more distinct boundaries than this are left to the per-SLO path. */
  static final int MAX_POINTS = 4_000;

  private static final Duration MICRO = Duration.ofNanos(1000);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);

  private static final String PIECES =
      "SELECT r.i, s.good, s.total"
          + " FROM unnest(CAST(:ids AS text[]), CAST(:lo AS timestamptz[]),"
          + " CAST(:hi AS timestamptz[])) WITH ORDINALITY AS r(id, lo, hi, i)"
          + " CROSS JOIN LATERAL (SELECT coalesce(sum(m.good_events), 0) AS good,"
          + " coalesce(sum(m.total_events), 0) AS total FROM <table> m"
          + " WHERE m.slo_id = r.id AND m.<col> >= r.lo AND m.<col> < r.hi) s";

  private record Piece(String sloId, int point, int sign, Instant lo, Instant hi) {}

  private final Instant rawFrom;
  private final Instant hourFrom;
  private final List<String> notes;

  /**
   * @param rawFrom oldest instant raw rows are kept from, or null when kept for ever
   * @param hourFrom oldest hour bucket kept, or null when kept for ever
   * @param notes receives one line per SLO whose boundaries were rounded
   */
  BatchCounts(Instant rawFrom, Instant hourFrom, List<String> notes) {
    this.rawFrom = rawFrom;
    this.hourFrom = hourFrom;
    this.notes = notes;
  }

  /** The counts of each requested window, by SLO; SLOs with too many boundaries are left out. */
  Map<String, Map<Window, EventCounts>> answer(Handle h, Map<String, List<Window>> requests) {
    Map<String, Instant[]> points = new HashMap<>();
    Map<String, Instant[]> effective = new HashMap<>();
    Instant base = null;
    Instant top = null;
    List<Piece> hours = new ArrayList<>();
    List<Piece> raws = new ArrayList<>();
    Map<String, Map<Instant, Integer>> exact = new HashMap<>();
    for (Map.Entry<String, List<Window>> e : requests.entrySet()) {
      TreeSet<Instant> set = new TreeSet<>();
      for (Window w : e.getValue()) {
        set.add(w.start().truncatedTo(ChronoUnit.MICROS));
        set.add(w.end().truncatedTo(ChronoUnit.MICROS));
      }
      if (set.isEmpty() || set.size() > MAX_POINTS) {
        continue;
      }
      String id = e.getKey();
      Instant[] ps = set.toArray(new Instant[0]);
      Instant[] eff = new Instant[ps.length];
      String rounded = null;
      for (int i = 0; i < ps.length; i++) {
        Instant p = ps[i];
        Instant fd = WindowSplit.floor(p, BucketSize.DAY);
        Instant fh = WindowSplit.floor(p, BucketSize.HOUR);
        if (hourFrom != null && p.isBefore(hourFrom)) {
          eff[i] = fd;
          rounded = "day";
          continue; // S(p) ~ days before fd
        }
        if (fh.isAfter(fd)) {
          hours.add(new Piece(id, i, 1, fd, fh));
        }
        if (rawFrom != null && p.isBefore(rawFrom)) {
          eff[i] = fh;
          rounded = rounded == null ? "hour" : rounded;
          continue; // S(p) ~ days and hours before fh
        }
        eff[i] = p;
        Instant next = fh.plus(HOUR);
        Instant after = p.plus(MICRO);
        if (p.equals(fh)) {
          exact.computeIfAbsent(id, k -> new HashMap<>()).put(p, i); // rows exactly at p
        } else if (Duration.between(fh, after).compareTo(Duration.between(after, next)) <= 0) {
          raws.add(new Piece(id, i, 1, fh, after)); // rows in [fh, p]
        } else {
          hours.add(new Piece(id, i, 1, fh, next)); // the whole hour, less rows in (p, fh+1h)
          raws.add(new Piece(id, i, -1, after, next));
        }
      }
      if (rounded != null) {
        notes.add(
            id
                + ": boundaries before the raw retention were read at "
                + rounded
                + " resolution from the rollups");
      }
      points.put(id, ps);
      effective.put(id, eff);
      Instant b = WindowSplit.floor(ps[0], BucketSize.DAY);
      base = base == null || b.isBefore(base) ? b : base;
      Instant t = WindowSplit.floor(ps[ps.length - 1], BucketSize.DAY);
      top = top == null || t.isAfter(top) ? t : top;
    }
    if (points.isEmpty()) {
      return Map.of();
    }
    Map<String, long[][]> s = new HashMap<>(); // per SLO: [good[], total[]] of S(point)
    for (Map.Entry<String, Instant[]> e : points.entrySet()) {
      int n = e.getValue().length;
      s.put(e.getKey(), new long[][] {new long[n], new long[n]});
    }
    days(h, effective, base, top, s);
    pieces(h, "sli_rollup_hour", "bucket", hours, s);
    pieces(h, "sli_metrics_ts", "\"timestamp\"", raws, s);
    exact(h, exact, s);
    Map<String, Map<Window, EventCounts>> out = new HashMap<>();
    for (Map.Entry<String, Instant[]> e : points.entrySet()) {
      Instant[] ps = e.getValue();
      long[][] sums = s.get(e.getKey());
      Map<Window, EventCounts> byWindow = new HashMap<>();
      for (Window w : requests.get(e.getKey())) {
        int lo = java.util.Arrays.binarySearch(ps, w.start().truncatedTo(ChronoUnit.MICROS));
        int hi = java.util.Arrays.binarySearch(ps, w.end().truncatedTo(ChronoUnit.MICROS));
        byWindow.put(
            w,
            new EventCounts(
                Math.subtractExact(sums[0][hi], sums[0][lo]),
                Math.subtractExact(sums[1][hi], sums[1][lo])));
      }
      out.put(e.getKey(), byWindow);
    }
    return out;
  }

  /** Adds to each S(p) the day buckets from {@code base} up to the day of p. */
  private static void days(
      Handle h,
      Map<String, Instant[]> effective,
      Instant base,
      Instant top,
      Map<String, long[][]> s) {
    Map<String, List<long[]>> rows = new HashMap<>(); // [bucket epoch second, good, total]
    h.createQuery(
            "SELECT slo_id, bucket, good_events, total_events FROM sli_rollup_day"
                + " WHERE slo_id = ANY(:ids) AND bucket >= :lo AND bucket < :hi"
                + " ORDER BY slo_id, bucket")
        .bindArray("ids", String.class, new ArrayList<>(effective.keySet()))
        .bind("lo", JdbcSloRepository.utc(base))
        .bind("hi", JdbcSloRepository.utc(top))
        .map(
            (rs, ctx) ->
                rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(
                        new long[] {
                          JdbcSloRepository.instant(rs, "bucket").getEpochSecond(),
                          rs.getLong(3),
                          rs.getLong(4)
                        }))
        .list();
    for (Map.Entry<String, Instant[]> e : effective.entrySet()) {
      List<long[]> d = rows.getOrDefault(e.getKey(), List.of());
      long[][] sums = s.get(e.getKey());
      Instant[] eff = e.getValue();
      // eff is sorted (rounding down keeps the order), so one pass adds the day prefix
      int j = 0;
      long good = 0;
      long total = 0;
      for (int i = 0; i < eff.length; i++) {
        long fd = WindowSplit.floor(eff[i], BucketSize.DAY).getEpochSecond();
        while (j < d.size() && d.get(j)[0] < fd) {
          good = Math.addExact(good, d.get(j)[1]);
          total = Math.addExact(total, d.get(j)[2]);
          j++;
        }
        sums[0][i] = Math.addExact(sums[0][i], good);
        sums[1][i] = Math.addExact(sums[1][i], total);
      }
    }
  }

  /** Adds the rows stamped exactly at on-the-hour boundaries, in one index scan. */
  private static void exact(
      Handle h, Map<String, Map<Instant, Integer>> exact, Map<String, long[][]> s) {
    if (exact.isEmpty()) {
      return;
    }
    TreeSet<Instant> instants = new TreeSet<>();
    exact.values().forEach(m -> instants.addAll(m.keySet()));
    List<String> ts = new ArrayList<>(instants.size());
    instants.forEach(t -> ts.add(t.toString()));
    h.createQuery(
            "SELECT slo_id, \"timestamp\", good_events, total_events FROM sli_metrics_ts"
                + " WHERE slo_id = ANY(:ids) AND \"timestamp\" = ANY(CAST(:ts AS timestamptz[]))")
        .bindArray("ids", String.class, new ArrayList<>(exact.keySet()))
        .bindArray("ts", String.class, ts)
        .map(
            (rs, ctx) -> {
              String id = rs.getString(1);
              Integer point = exact.get(id).get(JdbcSloRepository.instant(rs, "timestamp"));
              if (point != null) {
                long[][] sums = s.get(id);
                sums[0][point] = Math.addExact(sums[0][point], rs.getLong(3));
                sums[1][point] = Math.addExact(sums[1][point], rs.getLong(4));
              }
              return 1;
            })
        .list();
  }

  private static void pieces(
      Handle h, String table, String column, List<Piece> pieces, Map<String, long[][]> s) {
    if (pieces.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(pieces.size());
    List<String> lo = new ArrayList<>(pieces.size());
    List<String> hi = new ArrayList<>(pieces.size());
    for (Piece p : pieces) {
      ids.add(p.sloId());
      lo.add(p.lo().toString());
      hi.add(p.hi().toString());
    }
    h.createQuery(PIECES.replace("<table>", table).replace("<col>", column))
        .bindArray("ids", String.class, ids)
        .bindArray("lo", String.class, lo)
        .bindArray("hi", String.class, hi)
        .map(
            (rs, ctx) -> {
              Piece p = pieces.get(rs.getInt(1) - 1);
              long[][] sums = s.get(p.sloId());
              sums[0][p.point()] = Math.addExact(sums[0][p.point()], p.sign() * rs.getLong(2));
              sums[1][p.point()] = Math.addExact(sums[1][p.point()], p.sign() * rs.getLong(3));
              return 1;
            })
        .list();
  }
}
