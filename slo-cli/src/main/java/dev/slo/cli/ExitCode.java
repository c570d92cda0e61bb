package dev.slo.cli;

/** The exit codes of every {@code slo} command, as documented in {@code --help} and docs/cli.md. */
public final class ExitCode {
  /** Success; for {@code check}, every selected SLO is better than {@code --fail-on}. */
  public static final int OK = 0;

  /** {@code check}: at least one SLO is at or worse than {@code --fail-on}. */
  public static final int GATE_FAILED = 1;

  /** Bad input: spec, data, flags, missing or unreadable files. */
  public static final int BAD_INPUT = 2;

  /** A source could not be read (a server down or answering errors). */
  public static final int SOURCE_FAILED = 3;

  /** A bug in slo itself; the message asks for a report. */
  public static final int INTERNAL_ERROR = 70;

  /** The exit-code section appended to every command's help. */
  public static final String HELP =
      "%nExit codes:%n  0  ok%n  1  gate failed (check: an SLO is at or worse than --fail-on)%n"
          + "  2  bad input: spec, data, flags, missing or unreadable files%n"
          + "  3  a source could not be read (file vanished, server down or answering errors)%n";

  private ExitCode() {}
}
