package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.spec.Spec;
import dev.slo.interop.io.OutputTarget;
import dev.slo.prometheus.RuleGenerator;
import dev.slo.prometheus.SlothSpecRules;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slo rules}: writes the Prometheus rule file for a spec. */
@Command(
    name = "rules",
    description =
        "Write a Prometheus rule file: error-ratio recording rules per window and period,"
            + " metadata rules, and multi-window multi-burn-rate alerts.")
final class RulesCommand extends Subcommand implements Callable<Integer> {
  @Option(
      names = "--spec",
      required = true,
      paramLabel = "FILE|DIR",
      description = "Spec files or directories, any supported format; repeatable.")
  List<Path> spec;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write the rules to FILE (a regular file is replaced atomically; a device or FIFO is"
              + " written into; - is standard output). Default: standard output.")
  @Nullable Path out;

  @Option(
      names = "--tiers",
      paramLabel = "SLO_ID=TIER[,TIER]",
      description =
          "Alert only on these tiers for one SLO (page_1h_5m, page_6h_30m, ticket_1d_2h,"
              + " ticket_3d_6h); repeatable. Default: every tier.")
  List<String> tiers = List.of();

  @Option(
      names = "--horizon",
      paramLabel = "D",
      description =
          "Write corrections that PromQL cannot follow (MONTHLY rules, daylight-saving zones) as"
              + " their occurrences from now for this long (e.g. 90d); run again before it ends."
              + " Default: leave them out, with a warning.")
  @Nullable String horizon;

  @Option(
      names = "--compat",
      paramLabel = "sloth",
      description =
          "sloth: Sloth's recording-rule names and sloth_* labels (its Grafana dashboards keep"
              + " working) and its page/ticket alerts; see docs/prometheus.md.")
  @Nullable String compat;

  @picocli.CommandLine.ParentCommand SloCommand parent;

  @Override
  public Integer call() {
    String flavour = compat;
    if (flavour != null) { // --compat sloth: Sloth-compatible rules from specs of any format
      FlagNames.named(() -> SlothSpecRules.requireFlavour(flavour));
      if (!tiers.isEmpty()) {
        throw new InvalidInputException(
            "--tiers does not apply with --compat sloth: use the spec's page_alert/ticket_alert"
                + " disable");
      }
      return emit(SlothSpecRules.fromFiles(spec, SpecFiles.warnings(err())));
    }
    Spec s = SpecFiles.load(spec, err());
    Clock clock = parent.clock();
    return emit(
        FlagNames.named(
            () ->
                RuleGenerator.forSpec(s, spec, tiers, horizon, clock, SpecFiles.warnings(err()))));
  }

  /** Prints the rules, or writes them to --out (see {@link OutputTarget}). */
  int emit(String rules) {
    OutputTarget.write("--out", out, rules, out());
    return ExitCode.OK;
  }
}
