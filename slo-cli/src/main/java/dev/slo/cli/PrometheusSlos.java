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

  /** The SLOs with a Prometheus SLI, in order; one warning on {@code err} per SLO skipped. */
  public static List<Slo> select(List<Slo> slos, PrintWriter err) {
    List<Slo> kept = new ArrayList<>();
    for (Slo slo : slos) {
      if (RuleGenerator.hasPrometheusSli(slo)) {
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
