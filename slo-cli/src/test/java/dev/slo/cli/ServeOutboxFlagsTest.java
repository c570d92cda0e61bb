package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slo serve --outbox-max-age/--outbox-max-events}: bad values exit 2 naming the flag, before
 * any database is opened (the URL given points at no server).
 */
class ServeOutboxFlagsTest {
  private static final String NO_DB = "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1";

  @TempDir Path dir;

  private String run(String... flags) {
    Path spec = Fixtures.write(dir, "slos.yaml", Fixtures.SPEC);
    String[] base = {"serve", "--spec", spec.toString(), "--port", "0"};
    String[] args = java.util.Arrays.copyOf(base, base.length + flags.length);
    System.arraycopy(flags, 0, args, base.length, flags.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC),
            new PrintWriter(out),
            new PrintWriter(err),
            args);
    return code + "\n" + out + err;
  }

  @Test
  void shouldListTheOutboxFlagsInHelp() {
    assertThat(run("--help"))
        .startsWith("0\n")
        .contains("--outbox-max-age")
        .contains("--outbox-max-events");
  }

  @Test
  void shouldRefuseAnOutboxMaxEventsOutsideItsRangeNamingTheFlag() {
    assertThat(run("--jdbc", NO_DB, "--fleet", "--outbox-max-events", "0"))
        .startsWith("2\n")
        .contains("--outbox-max-events 0 is not a valid outbox_max_events: use 1 to 100000000");
    assertThat(run("--jdbc", NO_DB, "--fleet", "--outbox-max-events", "100000001"))
        .startsWith("2\n")
        .contains("--outbox-max-events 100000001 is not a valid outbox_max_events");
    assertThat(run("--jdbc", NO_DB, "--fleet", "--outbox-max-events", "many"))
        .startsWith("2\n")
        .contains("--outbox-max-events");
  }

  @Test
  void shouldRefuseAnOutboxMaxAgeOutsideItsRangeNamingTheFlag() {
    assertThat(run("--jdbc", NO_DB, "--fleet", "--outbox-max-age", "30s"))
        .startsWith("2\n")
        .contains("--outbox-max-age")
        .contains("outbox_max_age: use 1m to 365d");
    assertThat(run("--jdbc", NO_DB, "--fleet", "--outbox-max-age", "400d"))
        .startsWith("2\n")
        .contains("--outbox-max-age")
        .contains("use 1m to 365d");
    assertThat(run("--jdbc", NO_DB, "--fleet", "--outbox-max-age", "soon"))
        .startsWith("2\n")
        .contains("--outbox-max-age \"soon\" is not a duration");
    assertThat(run("--jdbc", NO_DB, "--fleet", "--outbox-max-age", "0s"))
        .startsWith("2\n")
        .contains("--outbox-max-age \"0s\" is zero");
  }

  @Test
  void shouldRefuseTheOutboxFlagsWithoutAFleet() {
    assertThat(run("--jdbc", NO_DB, "--outbox-max-age", "2h"))
        .startsWith("2\n")
        .contains("--outbox-max-age needs --fleet");
    assertThat(run("--jdbc", NO_DB, "--outbox-max-events", "10"))
        .startsWith("2\n")
        .contains("--outbox-max-events needs --fleet");
  }
}
