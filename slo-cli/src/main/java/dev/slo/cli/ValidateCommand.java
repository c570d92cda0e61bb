package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.interop.SpecSummary;
import java.io.PrintWriter;
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
    PrintWriter out = out();
    PrintWriter err = err();
    dev.slo.interop.SpecLoader.Result r;
    try {
      r = dev.slo.interop.SpecLoader.load(specs);
    } catch (InvalidInputException e) {
      err.println(Printable.escape(e.getMessage()));
      return ExitCode.BAD_INPUT;
    }
    r.problems()
        .warnings()
        .forEach(w -> err.println("slo: warning: " + Printable.escape(w.toString())));
    r.problems().errors().forEach(e -> err.println(Printable.escape(e.toString())));
    SpecSummary.valid(r).forEach(out::println);
    return r.problems().errors().isEmpty() ? ExitCode.OK : ExitCode.BAD_INPUT;
  }
}
