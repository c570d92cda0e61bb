package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.Slo;
import dev.slo.core.spec.SpecProblem;
import dev.slo.interop.Loaded;
import dev.slo.interop.SlothAlerting;
import dev.slo.interop.SpecLoader;
import dev.slo.prometheus.RuleGenerator;
import dev.slo.prometheus.SlothRules;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code slo rules --compat sloth}: Sloth-compatible rules from specs of any format. */
final class SlothCompat {
  private SlothCompat() {}

  static int write(RulesCommand cmd) {
    if (!"sloth".equalsIgnoreCase(cmd.compat.trim())) {
      throw new InvalidInputException(
          "--compat " + cmd.compat + ": not a known flavour; use sloth");
    }
    if (!cmd.tiers.isEmpty()) {
      throw new InvalidInputException(
          "--tiers does not apply with --compat sloth: use the spec's page_alert/ticket_alert"
              + " disable");
    }
    PrintWriter err = cmd.self.commandLine().getErr();
    SpecLoader.Result r = SpecFiles.result(cmd.spec);
    for (SpecProblem w : r.problems().warnings()) {
      err.println("slo: warning: " + w);
    }
    r.spec(String.valueOf(cmd.spec)); // throws on errors
    List<Slo> slos = new ArrayList<>();
    Map<String, SlothRules.Settings> settings = new LinkedHashMap<>();
    for (Loaded l : r.loaded()) {
      Slo slo = l.slo();
      if (!slo.enabled()) {
        continue;
      }
      if (!RuleGenerator.hasPrometheusSli(slo)) {
        err.println("slo: warning: " + slo.sloId() + ": skipped, no Prometheus SLI");
        continue;
      }
      if (slo.timePeriod().isCalendar()) {
        err.println(
            "slo: warning: "
                + slo.sloId()
                + ": skipped, "
                + slo.timePeriod().name()
                + " has no Sloth equivalent (Sloth periods are rolling)");
        continue;
      }
      slos.add(slo);
      SlothAlerting a = l.sloth();
      if (a != null) {
        settings.put(
            slo.sloId(),
            new SlothRules.Settings(
                slo.sloId(),
                a.service(),
                a.name(),
                a.labels(),
                a.alertName(),
                a.alertLabels(),
                a.alertAnnotations(),
                a.pageLabels(),
                a.ticketLabels(),
                a.pageDisabled(),
                a.ticketDisabled(),
                a.windows().stream()
                    .map(
                        w ->
                            new SlothRules.WindowPair(
                                w.severity(),
                                w.shortWindow(),
                                w.longWindow(),
                                w.errorBudgetPercent().movePointLeft(2).toPlainString()))
                    .toList()));
      }
    }
    err.flush();
    return cmd.emit(SlothRules.generate(slos, settings));
  }
}
