package dev.slo.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the CLI in-process and keeps what it printed. */
record CliRun(int code, String out, String err) {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            Clock.fixed(NOW, ZoneOffset.UTC), new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
