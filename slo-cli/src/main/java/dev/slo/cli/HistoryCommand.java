package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.data.DataFileReader;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.Window;
import dev.slo.report.status.HistoryText;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slo history}: prints an SLO's SLI history from the store. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Print an SLO's SLI history (SLIMetric, docs/openapi.json) between two instants.",
    footer = ExitCode.HELP)
final class HistoryCommand implements Callable<Integer> {
  @Mixin JdbcOptions jdbc;

  @Option(names = "--slo", required = true, paramLabel = "ID", description = "The SLO.")
  String slo;

  @Option(names = "--from", required = true, paramLabel = "T", description = "Exclusive start.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "T", description = "Inclusive end.")
  String to;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table (default), json or csv.")
  HistoryText.Format format;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @Override
  public Integer call() {
    if (!jdbc.given()) {
      throw new InvalidInputException("Missing required option: '--jdbc=URL'");
    }
    Instant a = instant("--from", from);
    Instant b = instant("--to", to);
    if (a.isAfter(b)) {
      throw new InvalidInputException("--from " + from + " is after --to " + to);
    }
    try {
      if (jdbc.store().slos().get(slo).isEmpty()) {
        throw new InvalidInputException("--slo " + slo + ": no such SLO in the database");
      }
      List<SliMetric> rows = jdbc.store().history().history(slo, new Window(a, b));
      self.commandLine().getOut().print(HistoryText.render(rows, format));
      self.commandLine().getOut().flush();
      return ExitCode.OK;
    } finally {
      jdbc.close();
    }
  }

  private static Instant instant(String option, String text) {
    try {
      return DataFileReader.parseInstant(text);
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw new InvalidInputException(
          option
              + " "
              + text
              + ": not a valid instant; use ISO-8601 with an offset or epoch seconds");
    }
  }
}
