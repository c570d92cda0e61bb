package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.spec.Spec;
import dev.slo.prometheus.RuleGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slo rules}: writes the Prometheus rule file for a spec. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description =
        "Write a Prometheus rule file: error-ratio recording rules per window and period,"
            + " metadata rules, and multi-window multi-burn-rate alerts.",
    footer = ExitCode.HELP)
final class RulesCommand implements Callable<Integer> {
  @Option(
      names = "--spec",
      required = true,
      paramLabel = "FILE|DIR",
      description = "Spec files or directories, any supported format; repeatable.")
  List<Path> spec;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here (default: stdout).")
  Path out;

  @Option(
      names = "--tiers",
      paramLabel = "SLO_ID=TIER[,TIER]",
      description =
          "Alert only on these tiers for one SLO (page_1h_5m, page_6h_30m, ticket_1d_2h,"
              + " ticket_3d_6h); repeatable. Default: every tier.")
  List<String> tiers = List.of();

  @Option(
      names = "--compat",
      paramLabel = "sloth",
      description =
          "sloth: Sloth's recording-rule names and sloth_* labels (its Grafana dashboards keep"
              + " working) and its page/ticket alerts; see docs/prometheus.md.")
  String compat;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @Override
  public Integer call() {
    if (compat != null) {
      return SlothCompat.write(this);
    }
    Spec s = SpecFiles.load(spec, self.commandLine().getErr());
    List<dev.slo.core.model.Slo> withSli = new java.util.ArrayList<>();
    for (var slo : s.enabled()) {
      if (RuleGenerator.hasPrometheusSli(slo)) {
        withSli.add(slo);
      } else {
        self.commandLine()
            .getErr()
            .println(
                "slo: warning: "
                    + slo.sloId()
                    + ": skipped, no Prometheus SLI (give counters, queries, latency or"
                    + " sli_query)");
      }
    }
    return emit(RuleGenerator.generate(withSli, tierMap(s)));
  }

  /** Prints the rules or writes them atomically to --out. */
  int emit(String rules) {
    if (out == null) {
      self.commandLine().getOut().print(rules);
      self.commandLine().getOut().flush();
      return ExitCode.OK;
    }
    try {
      Path abs = out.toAbsolutePath();
      Path tmp = Files.createTempFile(abs.getParent(), ".slo-rules", ".tmp");
      Files.writeString(tmp, rules, StandardCharsets.UTF_8);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new InvalidInputException(out + ": cannot be written: " + e.getMessage(), e);
    }
    return ExitCode.OK;
  }

  private Map<String, Set<String>> tierMap(Spec s) {
    Set<String> defaults = Set.of("page_1h_5m", "page_6h_30m", "ticket_1d_2h", "ticket_3d_6h");
    Map<String, Set<String>> m = new HashMap<>();
    for (String t : tiers) {
      int eq = t.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException("--tiers " + t + ": not SLO_ID=TIER[,TIER]");
      }
      String id = t.substring(0, eq);
      if (s.find(id).isEmpty()) {
        throw new InvalidInputException("--tiers " + t + ": no SLO " + id + " in " + spec);
      }
      Set<String> names = new LinkedHashSet<>(Arrays.asList(t.substring(eq + 1).split(",")));
      var own = s.find(id).get().alertTiers();
      Set<String> known =
          own.isEmpty()
              ? defaults
              : own.stream().map(x -> x.name()).collect(java.util.stream.Collectors.toSet());
      for (String n : names) {
        if (!known.contains(n)) {
          throw new InvalidInputException(
              "--tiers " + t + ": \"" + n + "\" is not a tier; use " + String.join(", ", known));
        }
      }
      m.put(id, names);
    }
    return m;
  }
}
