package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.spec.Spec;
import dev.slo.core.spec.SpecException;
import dev.slo.core.spec.SpecParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

/** {@code slo validate}: checks spec files and prints one line per problem. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check spec files; print one line per problem (file:line: field: message).",
    footer = ExitCode.HELP)
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SPEC", description = "Spec files (YAML or JSON).")
  List<Path> specs;

  @picocli.CommandLine.Spec(Target.SELF)
  picocli.CommandLine.Model.CommandSpec self;

  @Override
  public Integer call() {
    PrintWriter out = self.commandLine().getOut();
    PrintWriter err = self.commandLine().getErr();
    int bad = 0;
    for (Path p : specs) {
      try {
        Spec s = SpecParser.parse(p.toString(), InputFiles.spec(p));
        long enabled = s.enabled().size();
        out.println(
            Printable.escape(p.toString())
                + ": valid, "
                + s.slos().size()
                + " SLO"
                + (s.slos().size() == 1 ? "" : "s")
                + " ("
                + enabled
                + " enabled)"
                + (s.corrections().isEmpty()
                    ? ""
                    : ", "
                        + s.corrections().all().size()
                        + " correction"
                        + (s.corrections().all().size() == 1 ? "" : "s")));
      } catch (SpecException e) {
        e.problems().forEach(x -> err.println(Printable.escape(x.toString())));
        bad++;
      } catch (InvalidInputException e) {
        err.println(Printable.escape(e.getMessage()));
        bad++;
      }
    }
    return bad == 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
  }
}
