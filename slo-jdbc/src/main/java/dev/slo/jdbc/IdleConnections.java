package dev.slo.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * A Jdbi connection factory that keeps up to {@code maxIdle} released connections for reuse, since
 * opening one (TCP and SCRAM authentication) costs far more than a query. A kept connection is
 * checked with {@link Connection#isValid} before reuse and dropped when broken or left outside
 * autocommit. Thread-safe.
 */
final class IdleConnections implements ConnectionFactory, AutoCloseable {
  /** Opens a new connection. */
  interface Opener {
    Connection open() throws SQLException;
  }

  private final Opener opener;
  private final int maxIdle;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  IdleConnections(Opener opener, int maxIdle) {
    this.opener = opener;
    this.maxIdle = maxIdle;
  }

  @Override
  public Connection openConnection() throws SQLException {
    while (true) {
      Connection c;
      synchronized (this) {
        c = idle.pollFirst();
      }
      if (c == null) {
        return opener.open();
      }
      if (c.isValid(2)) {
        return c;
      }
      closeQuietly(c);
    }
  }

  @Override
  public void closeConnection(Connection c) throws SQLException {
    boolean keep = !c.isClosed() && c.getAutoCommit();
    synchronized (this) {
      if (keep && !closed && idle.size() < maxIdle) {
        idle.addFirst(c);
        return;
      }
    }
    c.close();
  }

  /** Closes the idle connections; connections in use close when released. */
  @Override
  public void close() {
    Deque<Connection> drop;
    synchronized (this) {
      closed = true;
      drop = new ArrayDeque<>(idle);
      idle.clear();
    }
    drop.forEach(IdleConnections::closeQuietly);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // already broken; nothing to release
    }
  }
}
