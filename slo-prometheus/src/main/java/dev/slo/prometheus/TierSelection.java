package dev.slo.prometheus;

import dev.slo.core.ValidationException;
import dev.slo.core.spec.Spec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alert tiers to write rules for, per SLO, as people write them: {@code SLO_ID=TIER[,TIER]}
 * (e.g. {@code api=page_1h_5m,ticket_1d_2h}), the form {@link RuleGenerator#generate(List, Map)}
 * takes.
 */
public final class TierSelection {
  private static final Set<String> DEFAULTS =
      Set.of("page_1h_5m", "page_6h_30m", "ticket_1d_2h", "ticket_3d_6h");

  private TierSelection() {}

  /**
   * The tiers chosen by {@code entries}, by SLO id; an SLO without an entry keeps every tier.
   *
   * @param spec the SLOs the entries name, and a tier an SLO's own alert_tiers define
   * @param specName how to name the spec in a message, e.g. its files
   * @throws ValidationException for field {@code tiers}, leading with the bad entry, when an entry
   *     is not {@code SLO_ID=TIER[,TIER]}, names no SLO of the spec or names an unknown tier
   */
  public static Map<String, Set<String>> parse(List<String> entries, Spec spec, Object specName) {
    Map<String, Set<String>> m = new HashMap<>();
    for (String t : entries) {
      int eq = t.indexOf('=');
      if (eq <= 0) {
        throw ValidationException.withMessage("tiers", t, t + ": not SLO_ID=TIER[,TIER]");
      }
      String id = t.substring(0, eq);
      var slo = spec.find(id);
      if (slo.isEmpty()) {
        throw ValidationException.withMessage("tiers", t, t + ": no SLO " + id + " in " + specName);
      }
      Set<String> names = new LinkedHashSet<>(Arrays.asList(t.substring(eq + 1).split(",")));
      var own = slo.get().alertTiers();
      Set<String> known =
          own.isEmpty() ? DEFAULTS : own.stream().map(x -> x.name()).collect(Collectors.toSet());
      for (String n : names) {
        if (!known.contains(n)) {
          throw ValidationException.withMessage(
              "tiers", t, t + ": \"" + n + "\" is not a tier; use " + String.join(", ", known));
        }
      }
      m.put(id, names);
    }
    return m;
  }
}
