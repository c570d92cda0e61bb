package dev.slo.cli;

import dev.slo.core.spec.Spec;
import dev.slo.interop.io.DataFiles;
import dev.slo.jdbc.DataSetLoad;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slo ingest}: loads a data file into the PostgreSQL store. */
@Command(
    name = "ingest",
    description =
        "Load a data file (CSV or JSON Lines) into the store's SLI history in one transaction, so"
            + " nothing is stored unless every row is good. Rows of one SLO with the same timestamp are summed; a re-run"
            + " replaces rows, never doubles them.")
final class IngestCommand extends Subcommand implements Callable<Integer> {
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

  @Override
  public Integer call() {
    PrintWriter err = err();
    return jdbc.use(
        () -> {
          Spec s = spec == null ? null : SpecFiles.load(spec, err);
          out()
              .println(
                  DataSetLoad.run(
                      jdbc::store,
                      s == null ? null : s.slos(),
                      data,
                      sink -> DataFiles.forEach(data, sink),
                      w -> err.println("slo: warning: " + w)));
          return ExitCode.OK;
        });
  }
}
