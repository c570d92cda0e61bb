package dev.slo.cli.report;

import dev.slo.cli.ExitCode;
import dev.slo.cli.Inputs;
import dev.slo.cli.SloCommand;
import dev.slo.core.InvalidInputException;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.spec.Spec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code slo report}: an HTML, Markdown or JSON report of SLOs at an instant or for a period. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a report of every selected SLO: summary table, burn-down and SLI charts, burn rates,"
          + " alerts and recommendations. Numbers equal those of 'slo eval --format json'.",
      "--period reports a closed calendar month (2026-10) or quarter (2026-Q3): each SLO is"
          + " evaluated at the instant the period ends (local midnight on the 1st of the next"
          + " month) in its own time_zone, default UTC; rolling SLOs show their rolling window"
          + " ending then."
    },
    footer = ExitCode.HELP)
public final class ReportCommand implements Callable<Integer> {
  @ParentCommand SloCommand parent;

  @Mixin Inputs inputs;

  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      description = "A closed calendar month (2026-10) or quarter (2026-Q3). Not with --at.")
  String period;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "html",
      description = "html (default), markdown or json.")
  ReportFormat format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the report to FILE (atomically). Default: standard output.")
  Path out;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @Override
  public Integer call() {
    if (period != null && inputs.hasInstant()) {
      throw new InvalidInputException("--period and --at exclude each other; give one");
    }
    ReportPeriod p = period == null ? null : ReportPeriod.parse(period);
    Spec spec = inputs.loadSpec();
    List<Slo> slos = inputs.select(spec);
    Instant now = parent.clock().instant();
    ReportBuilder builder = new ReportBuilder(inputs.corrections(spec));
    if (p != null) { // before reading the data, which may be large
      slos.forEach(s -> ReportBuilder.requireEnded(p, s.timeZone(), now));
    }
    Instant at = p == null ? inputs.instant(parent.clock()) : null;
    EventSource source = inputs.source(spec, self.commandLine().getErr());
    Report report =
        p == null
            ? builder.atInstant(slos, source, at, now)
            : builder.forPeriod(slos, source, p, now);
    String text =
        switch (format) {
          case HTML -> HtmlReport.render(report);
          case MARKDOWN -> MarkdownReport.render(report);
          case JSON -> JsonReport.render(report);
        };
    OutputFile.write(out, text, self.commandLine().getOut());
    return ExitCode.OK;
  }
}
