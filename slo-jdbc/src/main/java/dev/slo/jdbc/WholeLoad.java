package dev.slo.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * {@link JdbcStore#load}: a whole data set stored all or nothing, first by streaming it with binary
 * COPY straight into the history in one transaction ({@link DirectLoad}), else, when that does not
 * apply or the database failed transiently while streaming, by staging it and merging per-step sums
 * ({@link StagedIngest}), with the reason the direct way was left.
 */
final class WholeLoad {
  private WholeLoad() {}

  /**
   * Loads every row of {@code source} into {@code db}, creating the partitions of the retention
   * window first so that rows land in them rather than the default partitions.
   *
   * @throws dev.slo.core.InvalidInputException when a row is bad (nothing is stored)
   * @throws dev.slo.core.SourceException when the database keeps failing (nothing is stored)
   */
  static StagedIngest.Result run(Db db, JdbcStore.RowSource source) {
    Objects.requireNonNull(source, "source");
    // partitions of the retention window first, so rows land in them rather than the default
    db.transaction(
        "creating partitions",
        t -> Maintenance.premake(t, Maintenance.policy(t), Instant.now(), Duration.ofDays(7)));
    @Nullable Handle h = null;
    String why;
    try {
      h = db.jdbi().open();
      h.begin();
      long n = DirectLoad.run(h, source);
      h.commit();
      return new StagedIngest.Result(n, n, 0, null);
    } catch (RuntimeException e) {
      rollbackQuietly(h);
      if (!DirectLoad.notApplicable(e) && !Failures.isTransient(e)) {
        throw Failures.translate(e, db.target(), "loading rows");
      }
      why =
          DirectLoad.notApplicable(e)
              ? DirectLoad.reason(e)
              : "the database failed while streaming ("
                  + Failures.firstLine(
                      Failures.translate(e, db.target(), "loading rows").getMessage())
                  + ")";
    } finally {
      if (h != null) {
        try {
          h.close();
        } catch (RuntimeException ignored) {
          // broken connection: nothing to release
        }
      }
    }
    try (StagedIngest staged = new StagedIngest(db, JdbcStore.DEFAULT_RETRY_FOR)) {
      source.forEach(staged::add);
      StagedIngest.Result r = staged.merge();
      return new StagedIngest.Result(r.fileRows(), r.storedRows(), r.summedSteps(), why);
    }
  }

  private static void rollbackQuietly(@Nullable Handle h) {
    if (h != null) {
      try {
        h.rollback();
      } catch (RuntimeException ignored) {
        // the connection is broken; the server rolls back
      }
    }
  }
}
