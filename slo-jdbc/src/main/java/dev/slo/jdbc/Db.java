package dev.slo.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * A database with the printable name of its target: runs Jdbi callbacks, or plain JDBC work for the
 * statements of a short evaluation ({@link PlainSql}), and translates failures into one-line
 * exceptions. The Jdbi instance is built on first use: a process that only evaluates (plain JDBC)
 * never pays for it (~60 ms of CPU at start). Thread-safe; each call takes its own connection.
 */
final class Db {
  private final @Nullable ConnectionFactory connections;
  private final String target;
  private volatile @Nullable Jdbi jdbi;

  /**
   * @param connections where connections come from (and go back to)
   * @param target {@code host:port/database}, never with credentials
   */
  Db(ConnectionFactory connections, String target) {
    this.connections = connections;
    this.target = target;
  }

  /** Over an existing Jdbi instance, whose handles also carry the plain calls. */
  Db(Jdbi jdbi, String target) {
    this.connections = null;
    this.target = target;
    this.jdbi = jdbi;
  }

  /** The Jdbi instance, built on first call. */
  Jdbi jdbi() {
    Jdbi j = jdbi;
    if (j == null) {
      synchronized (this) {
        j = jdbi;
        if (j == null) {
          j = Jdbi.create(java.util.Objects.requireNonNull(connections));
          jdbi = j;
        }
      }
    }
    return j;
  }

  /** True once {@link #jdbi()} has built (or was given) the Jdbi instance. */
  boolean jdbiBuilt() {
    return jdbi != null;
  }

  /** {@code host:port/database}, safe to print. */
  String target() {
    return target;
  }

  /** Runs {@code callback} on a fresh connection; {@code action} names it in errors. */
  <T> T call(String action, HandleCallback<T, RuntimeException> callback) {
    try {
      return jdbi().withHandle(callback);
    } catch (RuntimeException e) {
      throw Failures.translate(e, target, action);
    }
  }

  /** Runs {@code callback} in one transaction on a fresh connection. */
  <T> T transaction(String action, HandleCallback<T, RuntimeException> callback) {
    try {
      return jdbi().inTransaction(callback);
    } catch (RuntimeException e) {
      throw Failures.translate(e, target, action);
    }
  }

  /** Runs plain JDBC {@code work} on a connection in autocommit mode. */
  <T> T plain(String action, PlainSql.Work<T> work) {
    return plain(action, false, work);
  }

  /** Runs plain JDBC {@code work} in one transaction, rolled back when it fails. */
  <T> T plainTransaction(String action, PlainSql.Work<T> work) {
    return plain(action, true, work);
  }

  private <T> T plain(String action, boolean inTransaction, PlainSql.Work<T> work) {
    ConnectionFactory connections = this.connections;
    if (connections == null) {
      return inTransaction
          ? transaction(action, h -> PlainSql.on(h, work))
          : call(action, h -> PlainSql.on(h, work));
    }
    try {
      Connection c = connections.openConnection();
      try {
        if (!inTransaction) {
          return work.run(c);
        }
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c);
          throw e;
        } finally {
          restoreAutoCommit(c);
        }
      } finally {
        connections.closeConnection(c);
      }
    } catch (SQLException e) {
      throw Failures.translate(new PlainSql.Failed(e), target, action);
    } catch (RuntimeException e) {
      throw Failures.translate(e, target, action);
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // broken connection: the server rolls back
    }
  }

  private static void restoreAutoCommit(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // broken: closeConnection drops a connection left outside autocommit
    }
  }
}
