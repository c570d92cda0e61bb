package dev.slo.jdbc;

import dev.slo.core.InvalidInputException;
import dev.slo.core.SloException;
import dev.slo.core.SourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Loads a whole data set in two phases: rows are streamed with binary COPY into an unlogged staging
 * table of this run (committed chunk by chunk, so memory stays constant), then one transaction
 * merges them into {@code sli_metrics_ts}, summing the rows of one (slo_id, timestamp) step, and
 * recomputes the touched hour and day rollups set-wise. Nothing reaches {@code sli_metrics_ts}
 * before the merge, and the merge stores each step's sum in place of what was stored, so a re-run
 * of the same data leaves the same rows. Transient failures are retried on a new connection until
 * {@code retryFor} has passed. Not thread-safe; {@link #close} drops the staging table.
 */
public final class StagedIngest implements AutoCloseable {
  /** Rows per staged COPY; a chunk is kept in memory until committed so it can be replayed. */
  static final int CHUNK_ROWS = 200_000;

  static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };
  private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

  private final Db db;
  private final Duration retryFor;
  private final String stage;
  private final CopyBuffer chunk = new CopyBuffer(CHUNK_ROWS * 48);
  private @Nullable Handle handle;
  private int chunkRows;
  private long staged;
  private boolean created;
  private boolean reconnected;

  StagedIngest(Db db, Duration retryFor) {
    this.db = db;
    this.retryFor = retryFor;
    this.stage =
        "slo_ingest_stage_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /**
   * What a load stored.
   *
   * @param fileRows rows read
   * @param storedRows rows stored, one per (slo_id, timestamp) step
   * @param summedSteps rows summed into another row of the same step
   * @param staged why the data was read a second time into a staging table, or null when it was
   *     streamed straight in
   */
  public record Result(long fileRows, long storedRows, long summedSteps, @Nullable String staged) {
    /** A result of the staged path. */
    Result(long fileRows, long storedRows, long summedSteps) {
      this(fileRows, storedRows, summedSteps, "staged");
    }

    /**
     * One line saying what was stored from {@code source} in {@code target}, how many rows were
     * summed into others of their step, and why the data was staged when it was.
     */
    public String describe(Object source, String target) {
      return source
          + ": stored "
          + storedRows
          + " rows in "
          + target
          + (summedSteps > 0
              ? " ("
                  + fileRows
                  + " rows read; "
                  + summedSteps
                  + " rows shared a step with another row of the same SLO and were summed into it)"
              : "")
          + (staged != null ? "; read twice through a staging table: " + staged : "");
    }
  }

  /**
   * Stages one row; timestamps are truncated to microseconds, the precision of the store.
   *
   * @throws SourceException when the database keeps failing
   */
  public void add(String sloId, Instant timestamp, long good, long total) {
    if (chunkRows == 0) {
      chunk.reset();
    }
    chunk.putShort(4);
    byte[] id = sloId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    chunk.putInt(id.length);
    chunk.put(id);
    chunk.putInt(8);
    chunk.putLong(micros(timestamp) - PG_EPOCH_MICROS);
    chunk.putInt(8);
    chunk.putLong(good);
    chunk.putInt(8);
    chunk.putLong(total);
    if (++chunkRows == CHUNK_ROWS) {
      flush();
    }
  }

  /** Microseconds since the Unix epoch, truncated. */
  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  /** Rows staged so far, including the current chunk. */
  public long staged() {
    return staged + chunkRows;
  }

  /** Commits the current chunk to the staging table. */
  void flush() {
    if (chunkRows == 0) {
      return;
    }
    retrying(
        "staging rows " + (staged + 1) + " to " + (staged + chunkRows),
        h -> {
          ensureStage(h);
          if (reconnected) {
            long before = count(h);
            reconnected = false;
            if (before == staged + chunkRows) {
              return null; // the COPY committed before the connection broke
            }
            if (before != staged) {
              throw lost(before);
            }
          }
          copy(h);
          return null;
        });
    staged += chunkRows;
    chunkRows = 0;
  }

  /**
   * Merges every staged row into the store in one transaction.
   *
   * @throws InvalidInputException when the events of one step overflow a 64-bit count
   * @throws SourceException when the database keeps failing; nothing is stored then
   */
  public Result merge() {
    flush();
    if (staged == 0) {
      return new Result(0, 0, 0);
    }
    return retrying(
        "merging " + staged + " staged rows",
        h ->
            h.inTransaction(
                t -> {
                  long n = count(t);
                  if (n != staged) {
                    throw lost(n);
                  }
                  t.createQuery(
                          "SELECT pg_advisory_xact_lock(:ns, hashtext(s)) FROM (SELECT DISTINCT"
                              + " slo_id AS s FROM "
                              + stage
                              + " ORDER BY 1) k")
                      .bind("ns", SliWriter.LOCK_NAMESPACE)
                      .map((rs, ctx) -> 1)
                      .list();
                  // sorted by key, the upsert walks the primary key in order instead of at random
                  t.execute("SET LOCAL enable_hashagg = off");
                  t.execute("SET LOCAL work_mem = '64MB'");
                  long[] n2 =
                      t.createQuery(MergeSql.upsert(stage))
                          .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                          .one();
                  if (n2[1] > 0) { // rows changed: recompute the buckets the data touches
                    t.execute(MergeSql.rollupHour(stage));
                    t.execute(MergeSql.rollupDay(stage));
                  }
                  return new Result(staged, n2[0], staged - n2[0]);
                }));
  }

  private SourceException lost(long found) {
    return new SourceException(
        "the staging table "
            + stage
            + " holds "
            + found
            + " rows where "
            + staged
            + " were staged (the server lost unlogged data in a crash); nothing was stored: run"
            + " the ingest again");
  }

  private void ensureStage(Handle h) {
    if (!created) {
      h.execute(
          "CREATE UNLOGGED TABLE IF NOT EXISTS "
              + stage
              + " (slo_id text NOT NULL, ts timestamptz NOT NULL, good bigint NOT NULL,"
              + " total bigint NOT NULL) WITH (autovacuum_enabled = false)");
      created = true;
    }
  }

  private long count(Handle h) {
    return h.createQuery("SELECT count(*) FROM " + stage).mapTo(Long.class).one();
  }

  private void copy(Handle h) {
    chunk.putShort(-1);
    try {
      h.getConnection()
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY " + stage + " (slo_id, ts, good, total) FROM STDIN (FORMAT binary)",
              new ByteArrayInputStream(withHeader()));
    } catch (SQLException e) {
      throw new SliWriter.CopyFailure(e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      chunk.unputShort();
    }
  }

  private byte[] withHeader() {
    byte[] out = new byte[HEADER.length + chunk.size()];
    System.arraycopy(HEADER, 0, out, 0, HEADER.length);
    System.arraycopy(chunk.array(), 0, out, HEADER.length, chunk.size());
    return out;
  }

  private <T> T retrying(String action, org.jdbi.v3.core.HandleCallback<T, RuntimeException> cb) {
    long deadline = 0;
    long backoffMillis = 100;
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        if (handle == null) {
          handle = db.jdbi().open();
          reconnected = attempts > 1;
        }
        return cb.withHandle(handle);
      } catch (RuntimeException e) {
        closeHandle();
        if (e instanceof SloException s && !(e.getCause() != null && Failures.isTransient(e))) {
          throw s;
        }
        java.sql.SQLException sql = Failures.sqlCause(e);
        if (sql != null && "22003".equals(sql.getSQLState())) {
          throw new InvalidInputException(
              "the events of one (slo_id, timestamp) step add up to more than a 64-bit count: "
                  + Failures.firstLine(sql.getMessage())
                  + "; nothing was stored",
              e);
        }
        if (!Failures.isTransient(e)) {
          throw Failures.translate(e, db.target(), action + " (nothing was stored)");
        }
        long now = System.nanoTime();
        if (deadline == 0) {
          deadline = now + retryFor.toNanos();
        }
        if (now - deadline >= 0) {
          throw new SourceException(
              "ingest stopped while "
                  + action
                  + " after "
                  + attempts
                  + " attempts over "
                  + retryFor.toSeconds()
                  + "s: 0 rows committed to sli_metrics_ts ("
                  + staged
                  + " staged): "
                  + Failures.translate(e, db.target(), "ingest").getMessage()
                  + "; run it again",
              e);
        }
        Failures.pauseBeforeRetry(backoffMillis);
        backoffMillis = Math.min(2000, backoffMillis * 2);
      }
    }
  }

  private void closeHandle() {
    if (handle != null) {
      try {
        handle.close();
      } catch (RuntimeException ignored) {
        // the connection is already broken; nothing to release
      }
      handle = null;
    }
  }

  /** Drops the staging table (best effort) and releases the connection. */
  @Override
  public void close() {
    if (created) {
      try {
        if (handle == null) {
          handle = db.jdbi().open();
        }
        handle.execute("DROP TABLE IF EXISTS " + stage);
      } catch (RuntimeException ignored) {
        // left for `slo db maintain`, which drops stale staging tables
      }
    }
    closeHandle();
  }
}
