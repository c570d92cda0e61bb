package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.server.SloServer;
import dev.slo.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code slo serve --jdbc} runs {@code slo db maintain} on its own schedule: two replicas on one
 * schema both run it (serialized by the store's lock), each run logs one line, and a failing run is
 * logged while serving goes on. Uses the database {@code slo_partman_it} (pg_partman is installed
 * per database; {@code PartmanIT} in slo-jdbc uses it too).
 */
class ServeMaintainIT {
  @TempDir Path dir;

  @Test
  void shouldMaintainThePartitionsOnScheduleAndKeepServingWhenARunFails() throws Exception {
    String url = schema(database(), "slo_serve_maintain");
    Path spec = Fixtures.write(dir, "slos.yaml", Fixtures.SPEC);
    StringWriter log = new StringWriter();
    try (SloServer a = start(url, spec, log, "--maintain-every", "1s");
        SloServer b = start(url, spec, log, "--maintain-every", "1s")) {
      await(log, l -> count(l, "slo serve: db maintain: created") >= 4);
      assertThat(log.toString())
          .contains("partitions kept by ")
          .doesNotContain("db maintain failed");
      String ahead =
          "sli_metrics_ts_p"
              + Instant.now()
                  .plus(Duration.ofDays(7))
                  .toString()
                  .substring(0, 10)
                  .replace('-', '_');
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        assertThat(
                count(st, "SELECT count(*) FROM pg_class WHERE oid = to_regclass('" + ahead + "')"))
            .isEqualTo(1);
        st.execute("ALTER TABLE slo_retention_policy RENAME TO slo_retention_policy_away");
        await(log, l -> l.contains("slo serve: db maintain failed: "));
        assertThat(readyz(a)).isEqualTo(200);
        assertThat(readyz(b)).isEqualTo(200);
        st.execute("ALTER TABLE slo_retention_policy_away RENAME TO slo_retention_policy");
        int before = count(log.toString(), "slo serve: db maintain: created");
        await(log, l -> count(l, "slo serve: db maintain: created") > before);
      }
      assertThat(log.toString().lines().filter(l -> l.contains("db maintain")))
          .allMatch(l -> l.startsWith("slo serve: db maintain"));
    }
    Thread.sleep(200);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("slo-db-maintain") && t.isAlive());
  }

  @Test
  void shouldNotMaintainWithNoMaintain() throws Exception {
    String url = schema(database(), "slo_serve_nomaintain");
    Path spec = Fixtures.write(dir, "slos.yaml", Fixtures.SPEC);
    StringWriter log = new StringWriter();
    try (SloServer a = start(url, spec, log, "--maintain-every", "1s", "--no-maintain")) {
      Thread.sleep(2_500);
      assertThat(readyz(a)).isEqualTo(200);
      assertThat(log.toString()).doesNotContain("db maintain");
    }
  }

  private static SloServer start(String url, Path spec, StringWriter log, String... more) {
    ServeCommand cmd = new ServeCommand();
    String[] args = {"--spec", spec.toString(), "--jdbc", url, "--port", "0", "--interval", "1h"};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    new CommandLine(cmd).parseArgs(all);
    return cmd.start(new PrintWriter(new StringWriter()), new PrintWriter(log, true));
  }

  private static void await(StringWriter log, Predicate<String> done) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.test(log.toString())) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out; log:\n" + log);
      }
      Thread.sleep(100);
    }
  }

  private static int count(String text, String needle) {
    return (int) text.lines().filter(l -> l.contains(needle)).count();
  }

  private static int readyz(SloServer s) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/readyz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return r.statusCode();
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static synchronized String database() throws SQLException {
    String base = TestDatabase.baseUrl();
    String url = base.replaceFirst("(//[^/]+/)[^?]*", "$1slo_partman_it");
    try {
      DriverManager.getConnection(url).close();
    } catch (SQLException missing) {
      try (Connection c = DriverManager.getConnection(base);
          Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE slo_partman_it");
      }
    }
    return url;
  }

  private static String schema(String url, String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      st.execute("CREATE SCHEMA " + schema);
      if (count(st, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_partman'") > 0) {
        st.execute("DELETE FROM partman.part_config WHERE parent_table LIKE '" + schema + ".%'");
      }
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
