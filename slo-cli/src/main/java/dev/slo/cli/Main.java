package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.SloException;
import dev.slo.core.SourceException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import picocli.CommandLine;

/** Entry point of the {@code slo} command. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(
        run(
            Clock.systemUTC(),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            args));
  }

  /**
   * Runs {@code slo} in-process: output to {@code out}, errors to {@code err}, "now" from {@code
   * clock}. Returns the exit code; never throws for a user mistake.
   */
  public static int run(Clock clock, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(new SloCommand(clock), args);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (ex, line, parse) -> {
          line.getErr().println("slo: " + Printable.escape(message(ex)));
          if (code(ex) == ExitCode.INTERNAL_ERROR) {
            ex.printStackTrace(line.getErr());
          }
          line.getErr().flush();
          return code(ex);
        });
    cl.setParameterExceptionHandler(
        (ex, args2) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println(parameterMessage(ex.getMessage(), c.getCommandSpec().qualifiedName()));
          c.getErr().flush();
          return ExitCode.BAD_INPUT;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * One line: picocli's message (its lines joined, control characters escaped) and where help is.
   */
  static String parameterMessage(
      @org.jspecify.annotations.Nullable String message, String command) {
    String joined =
        String.join("; ", String.valueOf(message).strip().lines().map(String::strip).toList());
    return "slo: " + Printable.escape(joined) + " (see '" + command + " --help')";
  }

  /**
   * The command tree. When the first argument names a subcommand, only that subcommand's model is
   * built (picocli otherwise reflects over every command and option at start, most of a short run's
   * time); help, version and anything else get the whole tree.
   */
  static CommandLine commandLine(SloCommand root, String... args) {
    Class<?> only = args.length == 0 ? null : subcommand(args[0]);
    if (only == null) {
      return new CommandLine(root);
    }
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(root);
    spec.name("slo");
    spec.mixinStandardHelpOptions(true);
    spec.versionProvider(new SloCommand.Version());
    CommandLine cl = new CommandLine(spec);
    cl.addSubcommand(new CommandLine(only));
    return cl;
  }

  private static @org.jspecify.annotations.Nullable Class<?> subcommand(String name) {
    for (Class<?> c : SloCommand.class.getAnnotation(CommandLine.Command.class).subcommands()) {
      CommandLine.Command a = c.getAnnotation(CommandLine.Command.class);
      if (a != null
          && (a.name().equals(name) || java.util.Arrays.asList(a.aliases()).contains(name))) {
        return c;
      }
    }
    return null;
  }

  static int code(Throwable ex) {
    if (ex instanceof InvalidInputException || ex instanceof CommandLine.ParameterException) {
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
