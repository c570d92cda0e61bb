package dev.slo.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slo.core.InvalidInputException;
import dev.slo.core.data.DataFileReader;
import dev.slo.core.json.StatusJson;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.Window;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
  /** Output formats. */
  enum HistoryFormat {
    TABLE,
    JSON,
    CSV
  }

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
  HistoryFormat format;

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
      print(self.commandLine().getOut(), rows);
      return ExitCode.OK;
    } finally {
      jdbc.close();
    }
  }

  private void print(PrintWriter out, List<SliMetric> rows) {
    switch (format) {
      case JSON -> {
        ArrayNode arr = StatusJson.MAPPER.createArrayNode();
        for (SliMetric m : rows) {
          arr.add(
              StatusJson.sliMetric(
                  m.sloId(),
                  m.timestamp(),
                  m.sliValue(),
                  m.goodEvents(),
                  m.totalEvents(),
                  m.isGood()));
        }
        out.println(StatusJson.line(arr));
      }
      case CSV -> {
        out.println("timestamp,slo_id,good_events,total_events");
        rows.forEach(
            m ->
                out.println(
                    m.timestamp()
                        + ","
                        + m.sloId()
                        + ","
                        + m.goodEvents()
                        + ","
                        + m.totalEvents()));
      }
      case TABLE -> {
        out.println(
            String.format(
                Locale.ROOT, "%-24s %12s %12s %10s", "TIMESTAMP", "GOOD", "TOTAL", "SLI"));
        for (SliMetric m : rows) {
          out.println(
              String.format(
                  Locale.ROOT,
                  "%-24s %12s %12s %9.4f%%",
                  m.timestamp(),
                  m.goodEvents(),
                  m.totalEvents(),
                  m.sliValue()));
        }
      }
    }
    out.flush();
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
