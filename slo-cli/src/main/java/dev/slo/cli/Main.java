package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.SloException;
import dev.slo.core.SourceException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Entry point of the {@code slo} command: {@link QuickStart} for a plain {@code eval} or {@code
 * check}, picocli ({@link CommandTree}) for everything else. Touches no picocli type itself, so
 * linking it loads none (picocli's old class files are not in the class data archive).
 */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    preload();
    System.exit(
        run(
            Clock.systemUTC(),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            args));
  }

  /**
   * Starts the first use of the time-zone rules on another core while the main thread reads the
   * spec: every SLO has a zone, and the first one costs a service scan of the class path and
   * reading the time-zone database, several milliseconds of a short command's start.
   */
  static void preload() {
    Thread zones = new Thread(Main::loadZoneRules, "slo-zone-rules");
    zones.setDaemon(true);
    zones.start();
  }

  private static void loadZoneRules() {
    try {
      java.time.ZoneId.of("UTC").getRules();
    } catch (RuntimeException | Error e) {
      // the command meets it on its own thread
    }
  }

  /**
   * Runs {@code slo} in-process: output to {@code out}, errors to {@code err}, "now" from {@code
   * clock}. Returns the exit code; never throws for a user mistake.
   */
  public static int run(Clock clock, PrintWriter out, PrintWriter err, String... args) {
    Integer quick = QuickStart.run(new SloCommand(clock), out, err, args);
    if (quick != null) {
      out.flush();
      err.flush();
      return quick;
    }
    return CommandTree.run(clock, out, err, args);
  }

  /** Reports a command's exception on {@code err} and returns its exit code. */
  static int failed(Exception ex, PrintWriter err) {
    err.println("slo: " + Printable.escape(message(ex)));
    if (code(ex) == ExitCode.INTERNAL_ERROR) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code(ex);
  }

  static int code(Throwable ex) {
    if (ex instanceof InvalidInputException
        || ex instanceof picocli.CommandLine.ParameterException) {
      return ExitCode.BAD_INPUT;
    }
    if (ex instanceof SourceException || ex instanceof UncheckedIOException) {
      return ExitCode.SOURCE_FAILED;
    }
    if (ex instanceof SloException) {
      return ExitCode.BAD_INPUT;
    }
    if (ex instanceof ArithmeticException) {
      return ExitCode.BAD_INPUT;
    }
    return ExitCode.INTERNAL_ERROR;
  }

  static @org.jspecify.annotations.Nullable String message(Throwable ex) {
    if (ex instanceof ArithmeticException) {
      return "event counts overflow a 64-bit integer: " + ex.getMessage();
    }
    if (code(ex) == ExitCode.INTERNAL_ERROR) {
      return "internal error, please report it: " + ex;
    }
    return ex.getMessage();
  }
}
