package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.jdbc.JdbcStore;
import dev.slo.server.SloServer;
import dev.slo.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code slo serve --fleet --outbox-max-age 1h --outbox-max-events 2} trims the real outbox. */
class ServeOutboxBoundsIT {
  @TempDir Path dir;

  @Test
  void shouldAbandonEventsOlderThanTheMaxAgeAndBeyondTheMaxEvents() throws Exception {
    String url = TestDatabase.freshSchema("slo_fleet3_outbox_cli");
    JdbcStore.open(url, Map.of()).close(); // migrated
    Instant now = Instant.now();
    Map<String, UUID> ids = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement st =
            c.prepareStatement(
                "INSERT INTO slo_outbox (event_id, slo_id, shard, body, created_at,"
                    + " next_attempt_at) VALUES (?, 'gone', 0, '{}', ?, ?)")) {
      // 2 h old (kept by the default 24 h); 1 minute old: the older of them beyond 2 waiting.
      String[] names = {"old1", "old2", "new1", "new2", "new3"};
      for (int i = 0; i < names.length; i++) {
        UUID id = UUID.randomUUID();
        ids.put(names[i], id);
        Instant created =
            i < 2 ? now.minus(Duration.ofHours(2)).plusSeconds(i) : now.minusSeconds(60 - i);
        st.setObject(1, id);
        st.setTimestamp(2, Timestamp.from(created));
        st.setTimestamp(3, Timestamp.from(now.plus(Duration.ofDays(1)))); // not due: not sent
        st.executeUpdate();
      }
    }
    Path spec = Fixtures.write(dir, "slos.yaml", Fixtures.SPEC);
    StringWriter log = new StringWriter();
    ServeCommand cmd = new ServeCommand();
    new CommandLine(cmd)
        .parseArgs(
            "--spec",
            spec.toString(),
            "--jdbc",
            url,
            "--fleet",
            "--port",
            "0",
            "--interval",
            "1h",
            "--outbox-max-age",
            "1h",
            "--outbox-max-events",
            "2");
    try (SloServer s = cmd.start(new PrintWriter(new StringWriter()), new PrintWriter(log, true))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!log.toString().contains("outbox: abandoned") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(log.toString()).contains("(older than PT1H or beyond 2 waiting)");
      assertThat(s.port()).isPositive();
    }
    assertThat(lastError(url, ids.get("old1"))).isEqualTo("older than the outbox keeps events");
    assertThat(lastError(url, ids.get("old2"))).isEqualTo("older than the outbox keeps events");
    // the newest two pending events are kept: new1 at least (older than new2, new3 and any event
    // the first pass wrote meanwhile) is beyond them
    assertThat(lastError(url, ids.get("new1"))).isEqualTo("the outbox is full");
  }

  private static String lastError(String url, UUID id) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement st =
            c.prepareStatement(
                "SELECT last_error FROM slo_outbox WHERE event_id = ? AND abandoned_at IS NOT"
                    + " NULL")) {
      st.setObject(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : "not abandoned";
      }
    }
  }
}
