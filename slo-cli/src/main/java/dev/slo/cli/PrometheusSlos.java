package dev.slo.cli;

import dev.slo.core.Printable;
import dev.slo.core.model.Slo;
import dev.slo.prometheus.RuleGenerator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLOs that {@code slo rules} writes rules for and {@code slo dashboard} draws panels for:
 * those with a Prometheus SLI. The others are skipped with the same warning by both.
 */
public final class PrometheusSlos {
  private PrometheusSlos() {}

  /**
   * The SLOs with a Prometheus SLI, and the composites whose components all have rules (docs/
   * math.md, "Composite SLOs"), in order; one warning on {@code err} per SLO skipped.
   */
  public static List<Slo> select(List<Slo> slos, PrintWriter err) {
    List<Slo> kept = new ArrayList<>();
    java.util.Map<String, Slo> byId = new java.util.HashMap<>();
    slos.forEach(s -> byId.putIfAbsent(s.sloId(), s));
    for (Slo slo : slos) {
      if (slo.isComposite()) {
        if (RuleGenerator.hasRules(slo, byId)) {
          kept.add(slo);
        } else {
          err.println(
              "slo: warning: "
                  + Printable.escape(slo.sloId())
                  + ": skipped, a component of this composite is disabled or has no Prometheus"
                  + " SLI (or is grouped by group_by), so its recording rules are not written");
        }
      } else if (RuleGenerator.hasPrometheusSli(slo)) {
        kept.add(slo);
      } else {
        err.println(
            "slo: warning: "
                + Printable.escape(slo.sloId())
                + ": skipped, no Prometheus SLI (give counters, queries, latency or sli_query)");
      }
    }
    err.flush();
    return kept;
  }
}
