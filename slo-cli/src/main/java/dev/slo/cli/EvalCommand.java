package dev.slo.cli;

import dev.slo.core.composite.CompositeEvaluator;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.spec.Spec;
import dev.slo.interop.io.EventLog;
import dev.slo.report.status.Format;
import dev.slo.report.status.Renderer;
import java.nio.file.Path;
import java.time.Instant;
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
    mixinStandardHelpOptions = true,
    description = "Evaluate SLOs at an instant: SLI, error budget, burn rates, alerts, status.",
    footer = ExitCode.HELP)
final class EvalCommand implements Callable<Integer> {
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

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @Override
  public Integer call() {
    Run run = Run.of(inputs, parent, self.commandLine().getErr());
    if (events != null) {
      EventLog.append(events, run.evaluations());
    }
    self.commandLine().getOut().print(Renderer.render(run.evaluations(), format));
    self.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  /** One evaluation run: spec, source, instant and results. */
  record Run(Spec spec, Instant at, List<Evaluation> evaluations) {
    static Run of(Inputs inputs, SloCommand parent, java.io.PrintWriter err) {
      try {
        Spec spec = inputs.loadSpec();
        List<Slo> slos = inputs.select(spec);
        Instant at = inputs.instant(parent.clock);
        Evaluator evaluator = new Evaluator(inputs.corrections(spec));
        Inputs.Evaluated run = inputs.evaluated(spec, evaluator, slos, at, err);
        EventSource source = run.source();
        // a composite's components are read through the same source, prefetched or not
        return new Run(
            spec,
            at,
            new CompositeEvaluator(evaluator, inputs.corrections(spec))
                .evaluateAll(run.slos(), spec.slos(), source, at));
      } finally {
        inputs.close();
      }
    }
  }
}
