package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
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
  @Parameters(
      arity = "1..*",
      paramLabel = "SPEC",
      description =
          "Spec files or directories (YAML or JSON): ours, OpenSLO, Sloth or Pyrra. OpenSLO"
              + " references are resolved across all of them.")
  List<Path> specs;

  @picocli.CommandLine.Spec(Target.SELF)
  picocli.CommandLine.Model.CommandSpec self;

  @Override
  public Integer call() {
    PrintWriter out = self.commandLine().getOut();
    PrintWriter err = self.commandLine().getErr();
    int bad = 0;
    dev.slo.interop.SpecLoader.Result r;
    try {
      r = SpecFiles.result(specs);
    } catch (InvalidInputException e) {
      err.println(Printable.escape(e.getMessage()));
      return ExitCode.BAD_INPUT;
    }
    r.problems()
        .warnings()
        .forEach(w -> err.println("slo: warning: " + Printable.escape(w.toString())));
    r.problems().errors().forEach(e -> err.println(Printable.escape(e.toString())));
    bad = r.problems().errors().size();
    java.util.Map<String, List<dev.slo.interop.Loaded>> bySource = new java.util.LinkedHashMap<>();
    r.sources().forEach(source -> bySource.put(source, new java.util.ArrayList<>()));
    r.loaded()
        .forEach(l -> java.util.Objects.requireNonNull(bySource.get(l.source()), "source").add(l));
    java.util.Set<String> failed = new java.util.HashSet<>();
    r.problems().errors().forEach(e -> failed.add(e.source()));
    bySource.forEach(
        (source, loaded) -> {
          if (!failed.contains(source)) {
            long enabled = loaded.stream().filter(l -> l.slo().enabled()).count();
            int corrections = r.correctionsPerSource().getOrDefault(source, 0);
            out.println(
                Printable.escape(source)
                    + ": valid, "
                    + loaded.size()
                    + " SLO"
                    + (loaded.size() == 1 ? "" : "s")
                    + " ("
                    + enabled
                    + " enabled)"
                    + (corrections == 0
                        ? ""
                        : ", " + corrections + " correction" + (corrections == 1 ? "" : "s"))
                    + (loaded.isEmpty() || loaded.get(0).format() == dev.slo.interop.Format.NATIVE
                        ? ""
                        : ", " + loaded.get(0).format().version()));
          }
        });
    return bad == 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
  }
}
