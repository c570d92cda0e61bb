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
    description = "Print an SLO's SLI history (SLIMetric, docs/openapi.json) between two instants.")
final class HistoryCommand extends Subcommand implements Callable<Integer> {
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

  @Override
  public Integer call() {
    return jdbc.use(
        () -> {
          Instant a = instant("--from", from);
          Instant b = instant("--to", to);
          if (a.isAfter(b)) {
            throw new InvalidInputException("--from " + from + " is after --to " + to);
          }
          if (jdbc.store().slos().get(slo).isEmpty()) {
            throw new InvalidInputException("--slo " + slo + ": no such SLO in the database");
          }
          List<SliMetric> rows = jdbc.store().history().history(slo, new Window(a, b));
          out().print(HistoryText.render(rows, format));
          out().flush();
          return ExitCode.OK;
        });
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
