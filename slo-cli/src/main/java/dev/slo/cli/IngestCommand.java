package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.spec.Spec;
import dev.slo.interop.io.DataFiles;
import dev.slo.jdbc.StagedIngest;
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
    mixinStandardHelpOptions = true,
    description =
        "Load a data file (CSV or JSON Lines) into the store's SLI history in one transaction, so"
            + " nothing is stored unless every row is good. Rows of one SLO with the same timestamp are summed; a re-run"
            + " replaces rows, never doubles them.",
    footer = ExitCode.HELP)
final class IngestCommand implements Callable<Integer> {
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
      java.util.Map<String, dev.slo.core.model.Slo> known = new java.util.HashMap<>();
      (s != null ? s.slos() : jdbc.store().slos().list(dev.slo.core.store.SloFilter.ALL))
          .forEach(x -> known.put(x.sloId(), x));
      long[] skipped = {0};
      // one pass when every step is new (streamed straight in, one transaction); a second pass
      // into a staging table when steps repeat or are stored already. A bad row stops either
      // before anything is committed.
      StagedIngest.Result result =
          jdbc.store()
              .load(
                  sink -> {
                    skipped[0] = 0;
                    forEach(
                        r -> {
                          dev.slo.core.model.Slo slo = known.get(r.sloId());
                          if (slo == null) {
                            skipped[0]++;
                          } else {
                            String id = storedId(slo, r);
                            sink.add(id, r.timestamp(), r.goodEvents(), r.totalEvents());
                          }
                        });
                  });
      if (known.values().stream().anyMatch(dev.slo.core.model.Slo::isGroupTemplate)) {
        jdbc.store().labelGroups();
      }
      if (skipped[0] > 0) {
        err.println(
            "slo: warning: "
                + data
                + ": skipped "
                + skipped[0]
                + " rows for SLOs not in the "
                + (s != null ? "spec" : "database"));
      }
      out.println(result.describe(data, jdbc.store().target()));
      return ExitCode.OK;
    } finally {
      jdbc.close();
    }
  }

  /**
   * The slo_id a row is stored under: for a grouped SLO the group id of its group_by labels (other
   * labels are summed over), else the SLO's id.
   */
  private String storedId(dev.slo.core.model.Slo slo, dev.slo.core.data.DataRow r) {
    if (!slo.isGroupTemplate()) {
      return r.sloId();
    }
    for (String name : slo.groupBy()) {
      if (!r.labels().containsKey(name)) {
        throw new dev.slo.core.InvalidInputException(
            data
                + ":"
                + r.line()
                + ": "
                + (r.labels().isEmpty()
                    ? "the row of SLO " + r.sloId() + " has no labels, and the SLO has group_by "
                    : "labels has no " + name + ", a group_by label of SLO " + r.sloId() + "; ")
                + slo.groupBy());
      }
    }
    return slo.forGroup(r.labels()).sloId();
  }

  private void forEach(java.util.function.Consumer<dev.slo.core.data.DataRow> sink) {
    DataFiles.forEach(data, sink);
  }
}
