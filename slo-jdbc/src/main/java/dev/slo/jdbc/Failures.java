package dev.slo.jdbc;

import dev.slo.core.SloException;
import dev.slo.core.SourceException;
import java.io.IOException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Turns database failures into one-line {@link SourceException}s naming the database, and tells
 * transient failures (connection lost, server restarting, deadlock) from permanent ones. Stateless
 * and thread-safe.
 */
final class Failures {
  private Failures() {}

  /** Waits {@code millis} before an ingest retries; an interrupt ends the ingest. */
  static void pauseBeforeRetry(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new SourceException("ingest interrupted while waiting to retry", ie);
    }
  }

  /** A one-line exception for a failed {@code action} on the database at {@code target}. */
  static SloException translate(RuntimeException e, String target, String action) {
    if (e instanceof SloException s) {
      return s;
    }
    SQLException sql = sqlCause(e);
    String state = sql == null ? "" : String.valueOf(sql.getSQLState());
    String reason = firstLine(sql != null ? sql.getMessage() : rootMessage(e));
    if (sql != null && state.startsWith("08") && sql.getCause() != null) {
      reason = reason + " (" + firstLine(rootMessage(sql)) + ")";
    }
    if (state.startsWith("28")) {
      return new SourceException(
          "PostgreSQL at "
              + target
              + " rejected the login ("
              + reason
              + "): check the user and password in the URL or PGPASSWORD",
          e);
    }
    if (state.equals("3D000")) {
      return new SourceException("PostgreSQL at " + target + ": " + reason, e);
    }
    if (state.startsWith("08") || state.startsWith("57P") || (sql == null && isTransient(e))) {
      return new SourceException("cannot reach PostgreSQL at " + target + ": " + reason, e);
    }
    return new SourceException(action + " failed on PostgreSQL at " + target + ": " + reason, e);
  }

  /** True for failures worth retrying: lost connections, restarts, deadlocks, too many clients. */
  static boolean isTransient(Throwable e) {
    SQLException sql = sqlCause(e);
    if (sql != null) {
      String state = String.valueOf(sql.getSQLState());
      return state.startsWith("08")
          || state.startsWith("57P")
          || state.equals("40001")
          || state.equals("40P01")
          || state.equals("53300");
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  static @Nullable SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }

  static String firstLine(@Nullable String message) {
    if (message == null) {
      return "no detail given";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
