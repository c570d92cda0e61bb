package dev.slo.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the CLI in-process with a fixed clock and keeps what it printed. */
record ReportRun(int code, String out, String err) {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final String AT = "2026-11-20T12:00:00Z";
  static final Path SPEC = Path.of("..", "examples", "slos.yaml");
  static final Path DATA = Path.of("..", "examples", "events.csv");

  static ReportRun of(String... args) {
    return at(NOW, args);
  }

  static ReportRun at(Instant now, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            Clock.fixed(now, ZoneOffset.UTC), new PrintWriter(out), new PrintWriter(err), args);
    return new ReportRun(code, out.toString(), err.toString());
  }

  /** {@code slo report} over the bundled example with the given extra arguments. */
  static ReportRun example(String... extra) {
    String[] args = new String[extra.length + 5];
    args[0] = "report";
    args[1] = "--spec";
    args[2] = SPEC.toString();
    args[3] = "--data";
    args[4] = DATA.toString();
    System.arraycopy(extra, 0, args, 5, extra.length);
    return of(args);
  }

  /** {@code slo eval} over the bundled example with the given extra arguments. */
  static ReportRun eval(String... extra) {
    String[] args = new String[extra.length + 5];
    args[0] = "eval";
    args[1] = "--spec";
    args[2] = SPEC.toString();
    args[3] = "--data";
    args[4] = DATA.toString();
    System.arraycopy(extra, 0, args, 5, extra.length);
    return of(args);
  }
}
