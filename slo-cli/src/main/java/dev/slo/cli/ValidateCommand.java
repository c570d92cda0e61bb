package dev.slo.cli;

import dev.slo.interop.SpecSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slo validate}: checks spec files and prints one line per problem. */
@Command(
    name = "validate",
    description = "Check spec files; print one line per problem (file:line: field: message).")
final class ValidateCommand extends Subcommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "SPEC",
      description =
          "Spec files or directories (YAML or JSON): ours, OpenSLO, Sloth or Pyrra. OpenSLO"
              + " references are resolved across all of them.")
  List<Path> specs;

  @Override
  public Integer call() {
    SpecSummary.Check c = SpecSummary.check(specs);
    c.warnings().forEach(w -> err().println("slo: warning: " + w));
    c.errors().forEach(err()::println);
    c.valid().forEach(out()::println);
    return c.errors().isEmpty() ? ExitCode.OK : ExitCode.BAD_INPUT;
  }
}
