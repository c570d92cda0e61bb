package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.data.DataFileReader;
import dev.slo.core.spec.Spec;
import dev.slo.core.store.SliMetric;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slo ingest}: loads a data file into the PostgreSQL store. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Load a data file (CSV or JSON Lines) into the store's SLI history. The whole file is"
            + " checked before anything is written; a re-run replaces rows, never doubles them.",
    footer = ExitCode.HELP)
final class IngestCommand implements Callable<Integer> {
  private static final int CHUNK = 100_000;

  @Mixin JdbcOptions jdbc;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Data file.")
  Path data;

  @Option(
      names = "--spec",
      paramLabel = "FILE|DIR",
      description =
          "Store these SLOs first (created or updated); rows of other SLOs are skipped. Any"
              + " supported spec format; repeatable.")
  List<Path> spec;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @Override
  public Integer call() {
    if (!jdbc.given()) {
      throw new InvalidInputException("Missing required option: '--jdbc=URL'");
    }
    PrintWriter out = self.commandLine().getOut();
    PrintWriter err = self.commandLine().getErr();
    Spec s = spec == null ? null : SpecFiles.load(spec, err);
    if (s != null) {
      s.slos().stream()
          .filter(x -> !x.alertTiers().isEmpty())
          .forEach(
              x ->
                  err.println(
                      "slo: warning: "
                          + x.sloId()
                          + ": alert_tiers are not kept by the database store yet; evaluations"
                          + " from it use the default tiers"));
    }
    long[] rows = {0};
    forEach(r -> rows[0]++); // validate the whole file first: nothing is written if a row is bad
    try {
      if (s != null) {
        for (var slo : s.slos()) {
          if (jdbc.store().slos().get(slo.sloId()).isPresent()) {
            jdbc.store().slos().update(slo);
          } else {
            jdbc.store().slos().create(slo);
          }
        }
      }
      Set<String> known =
          s != null
              ? s.slos().stream().map(x -> x.sloId()).collect(Collectors.toSet())
              : jdbc.store().slos().list(dev.slo.core.store.SloFilter.ALL).stream()
                  .map(x -> x.sloId())
                  .collect(Collectors.toSet());
      Progress progress = new Progress(err, rows[0], System.console() != null);
      List<SliMetric> chunk = new ArrayList<>(CHUNK);
      long[] stored = {0};
      long[] skipped = {0};
      forEach(
          r -> {
            if (!known.contains(r.sloId())) {
              skipped[0]++;
              return;
            }
            chunk.add(
                SliMetric.ofCounts(r.sloId(), r.timestamp(), r.goodEvents(), r.totalEvents()));
            if (chunk.size() == CHUNK) {
              stored[0] += flush(chunk, progress, stored[0]);
            }
          });
      stored[0] += flush(chunk, progress, stored[0]);
      progress.done();
      if (skipped[0] > 0) {
        err.println(
            "slo: warning: "
                + data
                + ": skipped "
                + skipped[0]
                + " rows for SLOs not in the "
                + (s != null ? "spec" : "database"));
      }
      out.println(data + ": stored " + stored[0] + " rows in " + jdbc.store().target());
      return ExitCode.OK;
    } finally {
      jdbc.close();
    }
  }

  private long flush(List<SliMetric> chunk, Progress progress, long before) {
    if (chunk.isEmpty()) {
      return 0;
    }
    long n = jdbc.store().ingest(chunk.iterator(), done -> progress.at(before + done));
    chunk.clear();
    return n;
  }

  private void forEach(java.util.function.Consumer<dev.slo.core.data.DataRow> sink) {
    try (BufferedReader in = InputFiles.reader(data)) {
      DataFileReader.forEach(data.toString(), in, sink);
    } catch (IOException e) {
      throw InputFiles.problem(data, e);
    } catch (UncheckedIOException e) {
      throw InputFiles.problem(data, e.getCause());
    }
  }

  /** A one-line progress bar on a terminal; silent otherwise. */
  private static final class Progress {
    private final PrintWriter err;
    private final long total;
    private final boolean tty;
    private int shown = -1;

    Progress(PrintWriter err, long total, boolean tty) {
      this.err = err;
      this.total = Math.max(1, total);
      this.tty = tty;
    }

    void at(long done) {
      int pct = (int) Math.min(100, done * 100 / total);
      if (tty && pct != shown) {
        shown = pct;
        int bars = pct / 4;
        err.print(
            "\r[" + "#".repeat(bars) + " ".repeat(25 - bars) + "] " + pct + "% " + done + " rows");
        err.flush();
      }
    }

    void done() {
      if (tty && shown >= 0) {
        err.println();
      }
    }
  }
}
