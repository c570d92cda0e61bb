package dev.slo.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A database of a test's own on the test server, so that helpers do not share schemas. */
public final class OwnDatabase {
  private OwnDatabase() {}

  /**
   * A URL to the database {@code name} on {@link TestDatabase}'s server, dropped (ending its
   * sessions) and created empty; skips the calling test when there is no server.
   */
  public static String fresh(String name) {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException(name + " is not a plain database name");
    }
    String base = TestDatabase.baseUrl();
    int slash = base.indexOf('/', "jdbc:postgresql://".length());
    int query = base.indexOf('?');
    String url = base.substring(0, slash + 1) + name + (query < 0 ? "" : base.substring(query));
    try (Connection c = DriverManager.getConnection(base);
        Statement st = c.createStatement()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getBoolean(1); // each session of a previous run is terminated
          }
        }
      }
      st.execute("DROP DATABASE IF EXISTS " + name);
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return url;
  }
}
