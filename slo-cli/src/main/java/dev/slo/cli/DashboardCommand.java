package dev.slo.cli;

import dev.slo.core.spec.Spec;
import dev.slo.core.spec.SpecParser;
import dev.slo.report.GrafanaDashboard;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slo dashboard}: a Grafana dashboard over the recording rules of {@code slo rules}. */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    description =
        "Write a Grafana dashboard (JSON) over the recording rules that 'slo rules' writes: per"
            + " enabled SLO, its SLI, error budget remaining, burn rates and alert state. The"
            + " Prometheus data source is a dashboard variable.",
    footer = ExitCode.HELP)
public final class DashboardCommand implements Callable<Integer> {
  @Option(
      names = "--spec",
      required = true,
      paramLabel = "FILE",
      description = "Spec file (YAML or JSON) with a top-level 'slos:' list.")
  Path spec;

  @Option(
      names = "--title",
      paramLabel = "TITLE",
      defaultValue = "SLOs",
      description = "Dashboard title (default SLOs); its uid is derived from it.")
  String title;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the dashboard to FILE (atomically). Default: standard output.")
  Path out;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @Override
  public Integer call() {
    Spec s = SpecParser.parse(spec.toString(), InputFiles.text(spec));
    OutputFile.write(out, GrafanaDashboard.render(s.enabled(), title), self.commandLine().getOut());
    return ExitCode.OK;
  }
}
