package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.store.HistoryRange;
import dev.slo.core.store.SliMetric;
import dev.slo.report.status.HistoryText;
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
          HistoryRange range = FlagNames.named(() -> HistoryRange.of(from, to));
          if (range.isBackwards()) {
            throw new InvalidInputException("--from " + from + " is after --to " + to);
          }
          List<SliMetric> rows = FlagNames.named(() -> range.read(jdbc.store(), slo));
          out().print(HistoryText.render(rows, format));
          out().flush();
          return ExitCode.OK;
        });
  }
}
