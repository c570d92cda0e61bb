package dev.slo.cli;

import dev.slo.core.Printable;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;

/** The picocli side of {@link Main}: the command tree, its parsing and its error handlers. */
final class CommandTree {
  private CommandTree() {}

  /** As {@link Main#run}, always through picocli (what {@link QuickStart} must match). */
  static int run(Clock clock, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(new SloCommand(clock), args);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((ex, line, parse) -> Main.failed(ex, line.getErr()));
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
}
