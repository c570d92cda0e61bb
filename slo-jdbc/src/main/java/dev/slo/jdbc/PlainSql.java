package dev.slo.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * Plain JDBC on the connection of a Jdbi handle, for the statements of a one-shot evaluation
 * ({@code slo eval --jdbc}): Jdbi's statement layer (named-parameter lexer, mappers, and the JFR
 * event class it registers on first use) costs a short process more CPU than those few statements
 * themselves. A failure surfaces as a {@link RuntimeException} with the {@link SQLException} as its
 * cause, which {@link Failures} translates as usual. Stateless.
 */
final class PlainSql {
  private PlainSql() {}

  /** Work on a connection. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} on the connection of {@code h}, which stays open. */
  static <T> T on(Handle h, Work<T> work) {
    try {
      return work.run(h.getConnection());
    } catch (SQLException e) {
      throw new Failed(e);
    }
  }

  /** A failed statement; the cause is the driver's exception. */
  static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failed(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
