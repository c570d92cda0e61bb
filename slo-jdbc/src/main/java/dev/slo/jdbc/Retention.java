package dev.slo.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

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
      // pg_partman's own scheduler (run_maintenance_proc, its background worker) may drop expired
      // partitions between two runs of slo db maintain, which alone records kept_from: for tables
      // it keeps, nothing before the oldest partition is read from them (the rollups answer there)
      String partman = partmanSchema(c);
      if (partman != null && partmanKeeps(c, partman)) {
        b[0] = later(b[0], oldest(c, Partitions.Table.RAW));
        b[1] = later(b[1], oldest(c, Partitions.Table.HOUR));
      }
      return new Bounds(b[0], b[1]);
    }
  }

  private static @Nullable String partmanSchema(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid ="
                    + " e.extnamespace WHERE e.extname = 'pg_partman'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static boolean partmanKeeps(Connection c, String schema) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM \""
                + schema.replace("\"", "\"\"")
                + "\".part_config WHERE parent_table = current_schema() || '.' || ?)")) {
      st.setString(1, Partitions.Table.RAW.name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static @Nullable Instant oldest(Connection c, Partitions.Table t) throws SQLException {
    List<Partitions.Part> parts = Partitions.list(c, t);
    return parts.isEmpty() ? null : parts.get(0).from();
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
