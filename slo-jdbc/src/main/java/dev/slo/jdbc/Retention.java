package dev.slo.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;

/** How far back each resolution of the SLI history is kept. Stateless. */
final class Retention {
  private Retention() {}

  /**
   * The oldest instants still held at each resolution, null when nothing was dropped.
   *
   * @param rawFrom raw rows are complete from here on
   * @param hourFrom hour buckets are complete from here on
   */
  record Bounds(Instant rawFrom, Instant hourFrom) {
    static final Bounds NONE = new Bounds(null, null);
  }

  /** Reads the bounds recorded by {@code slo db maintain} when it dropped partitions. */
  static Bounds read(Handle h) {
    return PlainSql.on(h, Retention::read);
  }

  /** As {@link #read(Handle)}, on a plain connection. */
  static Bounds read(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery("SELECT to_regclass('slo_retention_state') IS NOT NULL")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return Bounds.NONE;
        }
      }
      Instant[] b = new Instant[2];
      try (ResultSet rs =
          st.executeQuery("SELECT resolution, kept_from FROM slo_retention_state")) {
        while (rs.next()) {
          OffsetDateTime t = rs.getObject(2, OffsetDateTime.class);
          String r = rs.getString(1);
          int i = "raw".equals(r) ? 0 : "hour".equals(r) ? 1 : -1;
          if (i >= 0 && t != null) {
            b[i] = t.toInstant();
          }
        }
      }
      return new Bounds(b[0], b[1]);
    }
  }
}
