package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.model.Slo;
import dev.slo.core.spec.Spec;
import dev.slo.interop.io.OutputTarget;
import dev.slo.report.Report;
import dev.slo.report.ReportBuilder;
import dev.slo.report.ReportFormat;
import dev.slo.report.ReportPeriod;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code slo report}: an HTML, Markdown or JSON report of SLOs at an instant or for a period. */
@Command(
    name = "report",
    description = {
      "Write a report of every selected SLO: summary table, burn-down and SLI charts, burn rates,"
          + " alerts and recommendations. Numbers equal those of 'slo eval --format json'.",
      "--period reports a closed calendar month (2026-10) or quarter (2026-Q3): each SLO is"
          + " evaluated at the instant the period ends (local midnight on the 1st of the next"
          + " month) in its own time_zone, default UTC; rolling SLOs show their rolling window"
          + " ending then."
    })
public final class ReportCommand extends Subcommand implements Callable<Integer> {
  @ParentCommand SloCommand parent;

  @Mixin Inputs inputs;

  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      description = "A closed calendar month (2026-10) or quarter (2026-Q3). Not with --at.")
  @Nullable String period;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "html",
      description = "html (default), markdown or json.")
  ReportFormat format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write the report to FILE (a regular file is replaced atomically; a device or FIFO is"
              + " written into; - is standard output). Default: standard output.")
  @Nullable Path out;

  @Override
  public Integer call() {
    if (period != null && inputs.hasInstant()) {
      throw new InvalidInputException("--period and --at exclude each other; give one");
    }
    String given = period;
    ReportPeriod p = given == null ? null : FlagNames.named(() -> ReportPeriod.parse(given));
    Spec spec = inputs.loadSpec();
    List<Slo> slos = inputs.select(spec);
    Instant now = parent.clock().instant();
    ReportBuilder builder = Report.builder().slos(slos).catalog(spec.slos()).generatedAt(now);
    if (p == null) {
      builder.at(inputs.instant(parent.clock()));
    } else { // checked before reading the data, which may be large
      FlagNames.named(() -> builder.endedPeriod(p));
    }
    builder.source(inputs.source(spec, err()));
    Report report = builder.corrections(inputs.corrections(spec)).build();
    builder.warnings().forEach(w -> err().println("slo: warning: " + Printable.escape(w)));
    OutputTarget.write("--out", out, report.render(format), out());
    return ExitCode.OK;
  }
}
