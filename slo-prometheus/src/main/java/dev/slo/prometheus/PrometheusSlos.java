package dev.slo.prometheus;

import dev.slo.core.Printable;
import dev.slo.core.model.Slo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The SLOs that rules are written for ({@link RuleGenerator}) and dashboard panels drawn for: those
 * with a Prometheus SLI. The others are skipped with the same warning by both.
 */
public final class PrometheusSlos {
  private PrometheusSlos() {}

  /**
   * The SLOs with a Prometheus SLI, and the composites whose components all have rules (docs/
   * math.md, "Composite SLOs"), in order; one warning on {@code warnings} per SLO skipped.
   */
  public static List<Slo> select(List<Slo> slos, Consumer<String> warnings) {
    List<Slo> kept = new ArrayList<>();
    Map<String, Slo> byId = new HashMap<>();
    slos.forEach(s -> byId.putIfAbsent(s.sloId(), s));
    for (Slo slo : slos) {
      if (slo.isComposite()) {
        if (RuleGenerator.hasRules(slo, byId)) {
          kept.add(slo);
        } else {
          warnings.accept(
              Printable.escape(slo.sloId())
                  + ": skipped, a component of this composite is disabled or has no Prometheus"
                  + " SLI (or is grouped by group_by), so its recording rules are not written");
        }
      } else if (RuleGenerator.hasPrometheusSli(slo)) {
        kept.add(slo);
      } else {
        warnings.accept(
            Printable.escape(slo.sloId())
                + ": skipped, no Prometheus SLI (give counters, queries, latency or sli_query)");
      }
    }
    return kept;
  }
}
