package dev.slo.cli;

import dev.slo.core.spec.Spec;
import dev.slo.interop.io.OutputTarget;
import dev.slo.report.GrafanaDashboard;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slo dashboard}: a Grafana dashboard over the recording rules of {@code slo rules}. */
@Command(
    name = "dashboard",
    description =
        "Write a Grafana dashboard (JSON) over the recording rules that 'slo rules' writes: per"
            + " enabled SLO with a Prometheus SLI (others are skipped with a warning, as by 'slo"
            + " rules'), its SLI, error budget remaining, burn rates and alert state. The"
            + " Prometheus data source is a dashboard variable.")
public final class DashboardCommand extends Subcommand implements Callable<Integer> {
  @Option(
      names = "--spec",
      required = true,
      paramLabel = "FILE|DIR",
      description = "Spec file or directory, any supported format (docs/formats.md); repeatable.")
  java.util.List<Path> spec;

  @Option(
      names = "--title",
      paramLabel = "TITLE",
      defaultValue = "SLOs",
      description = "Dashboard title (default SLOs); its uid is derived from it.")
  String title;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write the dashboard to FILE (a regular file is replaced atomically; a device or FIFO"
              + " is written into; - is standard output). Default: standard output.")
  @Nullable Path out;

  @Override
  public Integer call() {
    Spec s = SpecFiles.load(spec, err());
    String json = GrafanaDashboard.forSpec(s, title, SpecFiles.warnings(err()));
    OutputTarget.write("--out", out, json, out());
    return ExitCode.OK;
  }
}
