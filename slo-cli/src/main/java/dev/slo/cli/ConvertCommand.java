package dev.slo.cli;

import dev.slo.interop.Conversion;
import dev.slo.interop.Converter;
import dev.slo.interop.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slo convert}: rewrites specs of any supported format as native, OpenSLO or Sloth. */
@Command(
    name = "convert",
    description =
        "Convert specs (ours, OpenSLO, Sloth, Pyrra; mixed) to native, openslo or sloth. One"
            + " warning line per dropped or approximated field (docs/formats.md).")
final class ConvertCommand extends Subcommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SPEC", description = "Spec files or directories.")
  List<Path> specs;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "FORMAT",
      description = "native, openslo or sloth.")
  String to;

  @Option(
      names = "--out",
      paramLabel = "DIR|FILE",
      description =
          "Write here (default: stdout). An existing directory gets one file per SLO (openslo),"
              + " per service (sloth) or slos.yaml (native).")
  @Nullable Path out;

  @Option(
      names = "--strict",
      description = "Refuse (exit 2, nothing written) when any field is dropped or approximated.")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter err = err();
    Converter.Target target = Converter.Target.of(to);
    SpecLoader.Result r = SpecLoader.load(specs);
    if (r.problems().hasErrors()) {
      r.problems().errors().forEach(err::println);
      return ExitCode.BAD_INPUT;
    }
    boolean dir = out != null && Files.isDirectory(out);
    Conversion c = Conversion.of(r, target, dir);
    c.warnings().forEach(w -> err.println("slo: warning: " + w));
    err.flush();
    if (strict && c.strictRefusal().isPresent()) {
      err.println("slo: --strict: " + c.strictRefusal().get());
      return ExitCode.BAD_INPUT;
    }
    c.write("--out", out, dir, out());
    return ExitCode.OK;
  }
}
