package dev.slo.cli;

import dev.slo.core.eval.Evaluation;
import dev.slo.interop.io.EventLog;
import dev.slo.report.status.Format;
import dev.slo.report.status.Renderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code slo eval}: evaluates SLOs and prints their status. */
@Command(
    name = "eval",
    description = "Evaluate SLOs at an instant: SLI, error budget, burn rates, alerts, status.")
final class EvalCommand extends Subcommand implements Callable<Integer> {
  @ParentCommand SloCommand parent;

  @Mixin Inputs inputs;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default), json, yaml or markdown.")
  Format format;

  @Option(
      names = "--events",
      paramLabel = "FILE",
      description = "Append one slo_status_updated event per SLO to FILE as JSON Lines.")
  @Nullable Path events;

  @Override
  public Integer call() {
    List<Evaluation> evaluations = inputs.evaluate(parent.clock(), err());
    if (events != null) {
      EventLog.append(events, evaluations);
    }
    out().print(Renderer.render(evaluations, format));
    out().flush();
    return ExitCode.OK;
  }
}
