package dev.slo.cli;

import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every runnable {@code slo} subcommand shares: {@code --help}/{@code --version}, the
 * exit-code footer (picocli applies a superclass's {@code @Command} attributes before the
 * subclass's own), and the output and error streams of the run ({@link Main#run}'s).
 */
@Command(mixinStandardHelpOptions = true, footer = ExitCode.HELP)
abstract class Subcommand {
  @Spec CommandSpec self;

  private @Nullable PrintWriter out;
  private @Nullable PrintWriter err;

  /** Sets the streams of a run without picocli ({@link QuickStart}). */
  final void streams(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Standard output of this run. */
  final PrintWriter out() {
    return out != null ? out : self.commandLine().getOut();
  }

  /** Standard error of this run. */
  final PrintWriter err() {
    return err != null ? err : self.commandLine().getErr();
  }
}
