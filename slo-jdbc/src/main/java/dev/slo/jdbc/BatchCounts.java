package dev.slo.jdbc;

import dev.slo.core.source.EventCounts;
import dev.slo.core.store.BucketSize;
import dev.slo.core.window.Window;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Answers the windows of many SLOs with three statements in all. Every window {@code (s, e]} is
 * {@code S(e) - S(s)}, where {@code S(p)} counts the rows at or before {@code p} from a common base
 * day; each distinct boundary {@code p} of an SLO is cut into day buckets before its day (one bulk
 * read of the day rollup), hour buckets before its hour (one read of the hour buckets of the days
 * holding boundaries, summed here) and raw rows of its own hour, on whichever side of {@code p} is
 * shorter (one index range scan per boundary). A boundary on a bucket start needs no raw rows:
 * rollups also hold the sums of rows stamped exactly at their start. Boundaries older than the raw
 * retention are rounded down to the hour, older than the hourly retention to the day, and the
 * resolution used is reported. Not thread-safe.
 */
final class BatchCounts {
  /** SLOs with more distinct boundaries than this are left to the per-SLO path. */
  static final int MAX_POINTS = 4_000;

  private static final Duration MICRO = Duration.ofNanos(1000);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);

  // LATERAL keeps the plan to one index range scan per piece, whatever the statistics
  private static final String RAW =
      "SELECT r.i, s.good, s.total"
          + " FROM unnest(CAST(? AS text[]), CAST(? AS timestamptz[]),"
          + " CAST(? AS timestamptz[])) WITH ORDINALITY AS r(id, lo, hi, i)"
          + " CROSS JOIN LATERAL (SELECT coalesce(sum(m.good_events), 0) AS good,"
          + " coalesce(sum(m.total_events), 0) AS total FROM sli_metrics_ts m"
          + " WHERE m.slo_id = r.id AND m.\"timestamp\" >= r.lo AND m.\"timestamp\" < r.hi) s";

  private record Piece(
      String sloId, int point, int sign, Instant lo, Instant hi, boolean withStart) {}

  private final @Nullable Instant rawFrom;
  private final @Nullable Instant hourFrom;
  private final List<String> notes;

  /**
   * @param rawFrom oldest instant raw rows are kept from, or null when kept for ever
   * @param hourFrom oldest hour bucket kept, or null when kept for ever
   * @param notes receives one line per SLO whose boundaries were rounded
   */
  BatchCounts(@Nullable Instant rawFrom, @Nullable Instant hourFrom, List<String> notes) {
    this.rawFrom = rawFrom;
    this.hourFrom = hourFrom;
    this.notes = notes;
  }

  /** The counts of each requested window, by SLO; SLOs with too many boundaries are left out. */
  Map<String, Map<Window, EventCounts>> answer(Handle h, Map<String, List<Window>> requests) {
    return PlainSql.on(h, c -> answer(c, requests));
  }

  /** As {@link #answer(Handle, Map)}, on a plain connection. */
  Map<String, Map<Window, EventCounts>> answer(Connection c, Map<String, List<Window>> requests)
      throws SQLException {
    Map<String, Instant[]> points = new HashMap<>();
    Map<String, Instant[]> effective = new HashMap<>();
    Instant base = null;
    Instant top = null;
    List<Piece> hours = new ArrayList<>();
    List<Piece> raws = new ArrayList<>();
    Map<String, boolean[]> starts = new HashMap<>();
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
      boolean inexact = false;
      boolean[] dayStart = new boolean[ps.length];
      for (int i = 0; i < ps.length; i++) {
        Instant p = ps[i];
        Instant q = p;
        if (hourFrom != null && p.isBefore(hourFrom)) {
          q = WindowSplit.floor(p, BucketSize.DAY);
          rounded = "day";
        } else if (rawFrom != null && p.isBefore(rawFrom)) {
          q = WindowSplit.floor(p, BucketSize.HOUR);
          rounded = "day".equals(rounded) ? rounded : "hour";
        }
        inexact |= !q.equals(p);
        eff[i] = q;
        Instant fd = WindowSplit.floor(q, BucketSize.DAY);
        Instant fh = WindowSplit.floor(q, BucketSize.HOUR);
        if (q.equals(fd)) {
          dayStart[i] = true; // days before fd, plus the rows stamped exactly at fd
          continue;
        }
        if (q.equals(fh)) {
          hours.add(new Piece(id, i, 1, fd, fh, true)); // hours before fh, plus rows at fh
          continue;
        }
        Instant next = fh.plus(HOUR);
        Instant after = q.plus(MICRO);
        if (Duration.between(fh, after).compareTo(Duration.between(after, next)) <= 0) {
          if (fh.isAfter(fd)) {
            hours.add(new Piece(id, i, 1, fd, fh, false));
          }
          raws.add(new Piece(id, i, 1, fh, after, false)); // rows in [fh, q]
        } else {
          hours.add(new Piece(id, i, 1, fd, next, false)); // through q's hour, less (q, next)
          raws.add(new Piece(id, i, -1, after, next, false));
        }
      }
      starts.put(id, dayStart);
      if (rounded != null) {
        notes.add(
            id
                + ": read at "
                + rounded
                + " resolution from the rollups before "
                + (rawFrom == null ? hourFrom : rawFrom)
                + ", where raw rows have expired"
                + (inexact
                    ? " (boundaries inside an hour were rounded down to it)"
                    : " (every boundary on a bucket start: exact)"));
      }
      points.put(id, ps);
      effective.put(id, eff);
      Instant b = WindowSplit.floor(ps[0], BucketSize.DAY);
      base = base == null || b.isBefore(base) ? b : base;
      Instant t = WindowSplit.floor(ps[ps.length - 1], BucketSize.DAY);
      top = top == null || t.isAfter(top) ? t : top;
    }
    if (points.isEmpty() || base == null || top == null) {
      return Map.of();
    }
    Map<String, long[][]> s = new HashMap<>(); // per SLO: [good[], total[]] of S(point)
    for (Map.Entry<String, Instant[]> e : points.entrySet()) {
      int n = e.getValue().length;
      s.put(e.getKey(), new long[][] {new long[n], new long[n]});
    }
    days(c, effective, starts, base, top, s);
    hours(c, hours, s);
    pieces(c, raws, s);
    Map<String, Map<Window, EventCounts>> out = new HashMap<>();
    for (Map.Entry<String, Instant[]> e : points.entrySet()) {
      Instant[] ps = e.getValue();
      long[][] sums = Objects.requireNonNull(s.get(e.getKey()));
      Map<Window, EventCounts> byWindow = new HashMap<>();
      for (Window w : Objects.requireNonNull(requests.get(e.getKey()))) {
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

  /**
   * Adds to each S(p) the day buckets from {@code base} up to the day of p. Bucket starts are whole
   * seconds and are read as epoch seconds, which spares the driver's timestamp parsing.
   */
  private static void days(
      Connection c,
      Map<String, Instant[]> effective,
      Map<String, boolean[]> starts,
      Instant base,
      Instant top,
      Map<String, long[][]> s)
      throws SQLException {
    // [bucket epoch second, good, total, start good, start total]
    Map<String, List<long[]>> rows = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT slo_id, CAST(extract(epoch FROM bucket) AS bigint), good_events,"
                + " total_events, start_good, start_total FROM sli_rollup_day"
                + " WHERE slo_id = ANY(?) AND bucket >= ? AND bucket <= ? ORDER BY slo_id, bucket")) {
      ps.setArray(1, c.createArrayOf("text", effective.keySet().toArray()));
      ps.setObject(2, JdbcSloRepository.utc(base));
      ps.setObject(3, JdbcSloRepository.utc(top));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new long[] {
                    rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)
                  });
        }
      }
    }
    for (Map.Entry<String, Instant[]> e : effective.entrySet()) {
      List<long[]> d = rows.getOrDefault(e.getKey(), List.of());
      long[][] sums = Objects.requireNonNull(s.get(e.getKey()));
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
        if (Objects.requireNonNull(starts.get(e.getKey()))[i]
            && j < d.size()
            && d.get(j)[0] == fd) {
          sums[0][i] = Math.addExact(sums[0][i], d.get(j)[3]);
          sums[1][i] = Math.addExact(sums[1][i], d.get(j)[4]);
        }
      }
    }
  }

  /**
   * Adds the hour pieces. Every piece lies within one UTC day, and the SLOs of one evaluation share
   * their days, so the hour buckets of those days are read in one scan and summed here.
   */
  private static void hours(Connection c, List<Piece> pieces, Map<String, long[][]> s)
      throws SQLException {
    if (pieces.isEmpty()) {
      return;
    }
    TreeSet<Instant> days = new TreeSet<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Piece p : pieces) {
      days.add(p.lo()); // a day start: pieces run from their boundary's day start
      ids.add(p.sloId());
    }
    // per SLO and day: [hour][good, total, start good, start total]
    Map<String, Map<Instant, long[][]>> grid = new HashMap<>();
    List<String> dayText = new ArrayList<>(days.size());
    days.forEach(d -> dayText.add(d.toString()));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT m.slo_id, CAST(extract(epoch FROM m.bucket) AS bigint), m.good_events,"
                + " m.total_events, m.start_good, m.start_total"
                + " FROM unnest(CAST(? AS timestamptz[])) AS d(day)"
                + " JOIN sli_rollup_hour m ON m.slo_id = ANY(?) AND m.bucket >= d.day"
                + " AND m.bucket < d.day + interval '24 hours'")) {
      ps.setArray(1, c.createArrayOf("text", dayText.toArray()));
      ps.setArray(2, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long b = rs.getLong(2);
          long daySecond = Math.floorDiv(b, DAY.getSeconds()) * DAY.getSeconds();
          long[][] hoursOfDay =
              grid.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                  .computeIfAbsent(Instant.ofEpochSecond(daySecond), k -> new long[24][4]);
          long[] v = hoursOfDay[(int) ((b - daySecond) / HOUR.getSeconds())];
          for (int k = 0; k < 4; k++) {
            v[k] = rs.getLong(3 + k);
          }
        }
      }
    }
    for (Piece p : pieces) {
      long[][] hoursOfDay = grid.getOrDefault(p.sloId(), Map.of()).get(p.lo());
      if (hoursOfDay == null) {
        continue;
      }
      int from = 0;
      int to = (int) Duration.between(p.lo(), p.hi()).toHours();
      long good = 0;
      long total = 0;
      for (int k = from; k < to; k++) {
        good = Math.addExact(good, hoursOfDay[k][0]);
        total = Math.addExact(total, hoursOfDay[k][1]);
      }
      if (p.withStart() && to < 24) {
        good = Math.addExact(good, hoursOfDay[to][2]);
        total = Math.addExact(total, hoursOfDay[to][3]);
      }
      long[][] sums = Objects.requireNonNull(s.get(p.sloId()));
      sums[0][p.point()] = Math.addExact(sums[0][p.point()], p.sign() * good);
      sums[1][p.point()] = Math.addExact(sums[1][p.point()], p.sign() * total);
    }
  }

  private static void pieces(Connection c, List<Piece> pieces, Map<String, long[][]> s)
      throws SQLException {
    if (pieces.isEmpty()) {
      return;
    }
    String[] ids = new String[pieces.size()];
    String[] lo = new String[pieces.size()];
    String[] hi = new String[pieces.size()];
    for (int i = 0; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      ids[i] = p.sloId();
      lo[i] = p.lo().toString();
      hi[i] = p.hi().toString();
    }
    try (PreparedStatement ps = c.prepareStatement(RAW)) {
      ps.setArray(1, c.createArrayOf("text", ids));
      ps.setArray(2, c.createArrayOf("text", lo));
      ps.setArray(3, c.createArrayOf("text", hi));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Piece p = pieces.get(rs.getInt(1) - 1);
          long[][] sums = Objects.requireNonNull(s.get(p.sloId()));
          sums[0][p.point()] = Math.addExact(sums[0][p.point()], p.sign() * rs.getLong(2));
          sums[1][p.point()] = Math.addExact(sums[1][p.point()], p.sign() * rs.getLong(3));
        }
      }
    }
  }
}
