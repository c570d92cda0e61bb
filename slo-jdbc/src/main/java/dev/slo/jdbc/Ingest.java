package dev.slo.jdbc;

import dev.slo.core.SloException;
import dev.slo.core.SourceException;
import dev.slo.core.store.SliMetric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Streams SLI rows into the store in batches, one transaction each, on one connection. A batch that
 * fails transiently (connection lost, server restarting, deadlock) is retried on a new connection
 * with backoff until {@code retryFor} has passed since its first failure; batches are idempotent,
 * so a retry never counts a row twice. Not thread-safe: one ingest per instance at a time.
 */
final class Ingest {
  /** Writes one batch inside the given transaction, returning the keys written. */
  interface BatchWriter {
    long write(Handle handle, List<SliMetric> batch);
  }

  private final Db db;
  private final BatchWriter writer;
  private final int batchSize;
  private final Duration retryFor;

  Ingest(Db db, BatchWriter writer, int batchSize, Duration retryFor) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(batchSize + " is not a valid batch size: use at least 1");
    }
    this.db = db;
    this.writer = writer;
    this.batchSize = batchSize;
    this.retryFor = retryFor;
  }

  /**
   * Writes every row; calls {@code progress} with the running count of rows written after each
   * batch.
   *
   * @return the number of rows read from {@code rows}
   * @throws SourceException when a batch keeps failing; rows of earlier batches stay written
   */
  long run(Iterator<SliMetric> rows, LongConsumer progress) {
    @Nullable Handle handle = null;
    long done = 0;
    List<SliMetric> batch = new ArrayList<>(batchSize);
    try {
      while (rows.hasNext()) {
        batch.clear();
        while (batch.size() < batchSize && rows.hasNext()) {
          batch.add(rows.next());
        }
        handle = writeWithRetry(handle, batch, done);
        done += batch.size();
        progress.accept(done);
      }
      return done;
    } finally {
      closeQuietly(handle);
    }
  }

  private Handle writeWithRetry(@Nullable Handle handle, List<SliMetric> batch, long done) {
    long deadline = 0;
    long backoffMillis = 100;
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        if (handle == null) {
          handle = db.jdbi().open();
        }
        Handle h = handle;
        h.inTransaction(t -> writer.write(t, batch));
        return handle;
      } catch (RuntimeException e) {
        closeQuietly(handle);
        handle = null;
        if (e instanceof SloException && !(e.getCause() != null && Failures.isTransient(e))) {
          throw e;
        }
        if (!Failures.isTransient(e)) {
          throw Failures.translate(e, db.target(), "ingesting rows " + (done + 1) + " onwards");
        }
        long now = System.nanoTime();
        if (deadline == 0) {
          deadline = now + retryFor.toNanos();
        }
        if (now - deadline >= 0) {
          SloException last = Failures.translate(e, db.target(), "ingest");
          throw new SourceException(
              "ingest stopped after "
                  + done
                  + " rows, "
                  + attempts
                  + " attempts over "
                  + retryFor.toSeconds()
                  + "s: "
                  + last.getMessage()
                  + "; run it again: rows already stored are replaced, never doubled",
              e);
        }
        Failures.pauseBeforeRetry(backoffMillis);
        backoffMillis = Math.min(2000, backoffMillis * 2);
      }
    }
  }

  private static void closeQuietly(@Nullable Handle h) {
    if (h != null) {
      try {
        h.close();
      } catch (RuntimeException ignored) {
        // the connection is already broken; nothing to release
      }
    }
  }

  /** Wraps a plain Jdbi for tests that inject failures. */
  static Ingest of(Jdbi jdbi, String target, BatchWriter writer, int batchSize, Duration retry) {
    return new Ingest(new Db(jdbi, target), writer, batchSize, retry);
  }
}
