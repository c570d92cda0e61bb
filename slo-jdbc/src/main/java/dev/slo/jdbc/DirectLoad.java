package dev.slo.jdbc;

import dev.slo.core.SloException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The fast path of {@link JdbcStore#load}: one transaction that streams every row with binary COPY
 * straight into {@code sli_metrics_ts} while the hour sums are kept in memory, then adds those sums
 * to the hour and day rollups. It applies only when every (slo_id, timestamp) of the data is new to
 * the store and to the data itself: the primary key then refuses the COPY (SQL state 23505), the
 * transaction rolls back and the caller takes the staged path, which sums and replaces. Adding to
 * the rollups is exact here because no stored row is replaced. Not thread-safe.
 */
final class DirectLoad {
  /** Distinct (SLO, hour) sums kept in memory at most; beyond it the staged path is taken. */
  static final int MAX_HOURS = 500_000;

  private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
  private static final int FLUSH_BYTES = 1 << 16;

  /** Thrown inside the load when the fast path does not apply; carries no user-facing text. */
  static final class NotApplicable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotApplicable(String why) {
      super(why, null, false, false);
    }
  }

  private final Handle handle;
  private final Map<String, Double> targets = new HashMap<>();
  private final Map<String, Map<Long, long[]>> hours = new HashMap<>();
  private final Map<String, byte[]> ids = new HashMap<>();
  private final CopyBuffer buf = new CopyBuffer(FLUSH_BYTES + 1024);
  private int hourEntries;
  private long rows;
  private @Nullable CopyIn copy;

  private DirectLoad(Handle handle) {
    this.handle = handle;
  }

  /**
   * Loads every row of {@code source} in the caller's transaction on {@code h}.
   *
   * @return rows stored
   * @throws NotApplicable when a key exists already or repeats, or the data spans too many hours
   */
  static long run(Handle h, JdbcStore.RowSource source) {
    return new DirectLoad(h).load(source);
  }

  private long load(JdbcStore.RowSource source) {
    handle
        .createQuery("SELECT slo_id, target_percentage FROM slos")
        .map((rs, ctx) -> targets.put(rs.getString(1), rs.getDouble(2)))
        .list();
    try {
      CopyIn copy =
          handle
              .getConnection()
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY sli_metrics_ts (\"timestamp\", slo_id, sli_value, good_events,"
                      + " total_events, is_good) FROM STDIN (FORMAT binary)");
      this.copy = copy;
      buf.put(StagedIngest.HEADER);
      source.forEach(this::add);
      buf.putShort(-1);
      send();
      copy.endCopy();
      this.copy = null;
    } catch (SQLException e) {
      throw classify(e);
    } finally {
      cancel();
    }
    rollups();
    return rows;
  }

  private void add(String sloId, Instant timestamp, long good, long total) {
    byte[] id = ids.computeIfAbsent(sloId, s -> s.getBytes(StandardCharsets.UTF_8));
    long micros = StagedIngest.micros(timestamp);
    double sli = total == 0 ? 100.0 : 100.0 * good / total;
    Double target = targets.get(sloId);
    buf.putShort(6);
    buf.putInt(8);
    buf.putLong(micros - PG_EPOCH_MICROS);
    buf.putInt(id.length);
    buf.put(id);
    buf.putInt(8);
    buf.putLong(Double.doubleToLongBits(sli));
    buf.putInt(8);
    buf.putLong(good);
    buf.putInt(8);
    buf.putLong(total);
    if (target == null) {
      buf.putInt(-1);
    } else {
      buf.putInt(1);
      buf.putByte(sli >= target ? 1 : 0);
    }
    long hour = Math.floorDiv(micros, 3_600_000_000L);
    long[] acc =
        hours
            .computeIfAbsent(sloId, s -> new HashMap<>())
            .computeIfAbsent(
                hour,
                k -> {
                  if (++hourEntries > MAX_HOURS) {
                    throw new NotApplicable("more than " + MAX_HOURS + " (SLO, hour) pairs");
                  }
                  return new long[5];
                });
    acc[0] = Math.addExact(acc[0], good);
    acc[1] = Math.addExact(acc[1], total);
    acc[2]++;
    if (micros % 3_600_000_000L == 0) { // stamped exactly at the bucket start
      acc[3] = Math.addExact(acc[3], good);
      acc[4] = Math.addExact(acc[4], total);
    }
    rows++;
    if (buf.size() >= FLUSH_BYTES) {
      try {
        send();
      } catch (SQLException e) {
        throw classify(e);
      }
    }
  }

  private void send() throws SQLException {
    Objects.requireNonNull(copy, "an open COPY").writeToCopy(buf.array(), 0, buf.size());
    buf.reset();
  }

  private void cancel() {
    if (copy != null && copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException ignored) {
        // the transaction is rolled back by the caller anyway
      }
    }
    copy = null;
  }

  private static RuntimeException classify(SQLException e) {
    if ("23505".equals(e.getSQLState())) {
      return new NotApplicable("a row's (slo_id, timestamp) is stored already or repeats");
    }
    return new SliWriter.CopyFailure(e);
  }

  /** Adds the in-memory hour sums to the hour and day rollups under the SLOs' locks. */
  private void rollups() {
    List<String> sorted = new ArrayList<>(hours.keySet());
    sorted.sort(null);
    handle
        .createQuery("SELECT pg_advisory_xact_lock(:ns, hashtext(s)) FROM unnest(:ids) s")
        .bind("ns", SliWriter.LOCK_NAMESPACE)
        .bindArray("ids", String.class, sorted)
        .map((rs, ctx) -> 1)
        .list();
    handle.execute(
        "CREATE TEMP TABLE IF NOT EXISTS slo_hour_stage (slo_id text NOT NULL, b timestamptz"
            + " NOT NULL, good bigint NOT NULL, total bigint NOT NULL, n bigint NOT NULL,"
            + " sg bigint NOT NULL, st bigint NOT NULL)"
            + " ON COMMIT DELETE ROWS");
    CopyBuffer out = new CopyBuffer(hourEntries * 60 + 64);
    out.put(StagedIngest.HEADER);
    for (Map.Entry<String, Map<Long, long[]>> e : hours.entrySet()) {
      byte[] id = Objects.requireNonNull(ids.get(e.getKey()));
      for (Map.Entry<Long, long[]> h : e.getValue().entrySet()) {
        long[] a = h.getValue();
        out.putShort(7);
        out.putInt(id.length);
        out.put(id);
        out.putInt(8);
        out.putLong(h.getKey() * 3_600_000_000L - PG_EPOCH_MICROS);
        for (long v : a) {
          out.putInt(8);
          out.putLong(v);
        }
      }
    }
    out.putShort(-1);
    try {
      handle
          .getConnection()
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY slo_hour_stage FROM STDIN (FORMAT binary)",
              new ByteArrayInputStream(out.array(), 0, out.size()));
    } catch (SQLException e) {
      throw new SliWriter.CopyFailure(e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    handle.execute(
        "INSERT INTO sli_rollup_hour AS r (slo_id, bucket, good_events, total_events, row_count,"
            + " start_good, start_total)"
            + " SELECT slo_id, b, good, total, n, sg, st FROM slo_hour_stage"
            + " ON CONFLICT (slo_id, bucket) DO UPDATE SET"
            + " good_events = r.good_events + excluded.good_events,"
            + " total_events = r.total_events + excluded.total_events,"
            + " row_count = r.row_count + excluded.row_count,"
            + " start_good = r.start_good + excluded.start_good,"
            + " start_total = r.start_total + excluded.start_total");
    handle.execute(
        "INSERT INTO sli_rollup_day AS r (slo_id, bucket, good_events, total_events, row_count,"
            + " start_good, start_total)"
            + " SELECT slo_id, d, sum(good), sum(total), sum(n),"
            + " coalesce(sum(sg) FILTER (WHERE b = d), 0), coalesce(sum(st) FILTER (WHERE b = d), 0)"
            + " FROM (SELECT *, date_bin(interval '24 hours', b, timestamptz 'epoch') AS d"
            + " FROM slo_hour_stage) x GROUP BY 1, 2"
            + " ON CONFLICT (slo_id, bucket) DO UPDATE SET"
            + " good_events = r.good_events + excluded.good_events,"
            + " total_events = r.total_events + excluded.total_events,"
            + " row_count = r.row_count + excluded.row_count,"
            + " start_good = r.start_good + excluded.start_good,"
            + " start_total = r.start_total + excluded.start_total");
  }

  /** Why the fast path did not apply, for {@link #notApplicable} failures. */
  static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NotApplicable n) {
        return String.valueOf(n.getMessage());
      }
    }
    return "a row's (slo_id, timestamp) is stored already or repeats";
  }

  /** True when {@code e} or a cause says the fast path does not apply. */
  static boolean notApplicable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NotApplicable) {
        return true;
      }
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
      if (t instanceof SloException) {
        return false;
      }
    }
    return false;
  }
}
