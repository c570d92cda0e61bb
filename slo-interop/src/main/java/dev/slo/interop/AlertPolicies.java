package dev.slo.interop;

import dev.slo.core.alert.AlertTier;
import dev.slo.core.alert.Severity;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * OpenSLO alert policies and conditions: shapes checked, references resolved, and burn-rate
 * conditions read as the SLO's own alert tiers. Thread-safe; no state.
 */
final class AlertPolicies {
  private static final Set<String> OPS = Set.of("lte", "gte", "lt", "gt");

  private AlertPolicies() {}

  static void checkPolicy(OpenSloReader r, Fields spec) {
    spec.rejectUnknown(
        Set.of(
            "description",
            "alertWhenNoData",
            "alertWhenResolved",
            "alertWhenBreaching",
            "conditions",
            "notificationTargets"));
    spec.bool("alertWhenNoData", false);
    spec.bool("alertWhenResolved", false);
    spec.bool("alertWhenBreaching", false);
    List<Fields> conditions = spec.items("conditions", true);
    if (conditions.size() > 1) {
      spec.error(
          "conditions",
          conditions.size() + " conditions is not valid: an AlertPolicy holds exactly one");
    }
    for (Fields c : conditions) {
      if (c.has("conditionRef")) {
        r.ref("AlertCondition", c.text("conditionRef", true), c, "conditionRef");
      } else {
        Fields inner = c.map("spec", true);
        if (inner != null) {
          checkCondition(inner);
        }
      }
    }
    for (Fields t : spec.items("notificationTargets", true)) {
      if (t.has("targetRef")) {
        r.ref("AlertNotificationTarget", t.text("targetRef", true), t, "targetRef");
      } else {
        Fields inner = t.map("spec", true);
        if (inner != null) {
          inner.text("target", true);
        }
      }
    }
  }

  static void checkCondition(Fields spec) {
    spec.rejectUnknown(Set.of("description", "severity", "condition"));
    spec.text("severity", true);
    Fields c = spec.map("condition", true);
    if (c == null) {
      return;
    }
    c.rejectUnknown(Set.of("kind", "op", "threshold", "lookbackWindow", "alertAfter"));
    String kind = c.text("kind", false);
    if (kind != null && !kind.equals("burnrate")) {
      c.error(
          "kind",
          dev.slo.core.Printable.quote(kind) + " is not a valid condition kind; use burnrate");
    }
    String op = c.text("op", true);
    if (op != null && !OPS.contains(op)) {
      c.error(
          "op", dev.slo.core.Printable.quote(op) + " is not a valid op; use lte, gte, lt or gt");
    }
    BigDecimal threshold = c.number("threshold", true);
    if (threshold != null && threshold.signum() < 0) {
      c.error("threshold", threshold + " is not a valid threshold: use a burn rate >= 0");
    }
    duration(c, "lookbackWindow", true);
    duration(c, "alertAfter", false);
  }

  private static void duration(Fields c, String key, boolean required) {
    String d = c.text(key, required);
    if (d != null && !d.trim().matches("\\d+[smhdw]")) {
      c.error(
          key,
          dev.slo.core.Printable.quote(d)
              + " is not a valid "
              + key
              + "; use a duration like 5m or 1h");
    }
  }

  /**
   * Resolves an SLO's {@code alertPolicies} into alert tiers: each {@code burnrate} condition with
   * op {@code gte} (or {@code gt}, approximated) becomes a tier that fires when the burn rate over
   * {@code lookbackWindow} is at least {@code threshold}. Severity {@code page} (or one that reads
   * as urgent: critical, sev1, p1, high) pages; any other is a ticket.
   *
   * @param period the SLO's period, for the budget share a tier spends
   */
  static List<AlertTier> tiers(OpenSloReader r, Fields spec, Duration period) {
    List<AlertTier> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Fields p : spec.items("alertPolicies", false)) {
      Fields policySpec;
      if (p.has("alertPolicyRef")) {
        OpenSloReader.Obj o =
            r.ref("AlertPolicy", p.text("alertPolicyRef", true), p, "alertPolicyRef");
        policySpec = o == null ? null : o.root().map("spec", false);
      } else {
        policySpec = p.map("spec", true);
        if (policySpec != null) {
          checkPolicy(r, policySpec);
        }
      }
      if (policySpec == null) {
        continue;
      }
      for (Fields c : policySpec.items("conditions", false)) {
        Fields cs;
        Fields meta;
        if (c.has("conditionRef")) {
          OpenSloReader.Obj o =
              r.ref("AlertCondition", c.text("conditionRef", false), c, "conditionRef");
          cs = o == null ? null : o.root().map("spec", false);
          meta = o == null ? null : o.root().map("metadata", false);
        } else {
          cs = c.map("spec", false);
          meta = c.map("metadata", false);
        }
        Fields cond = cs == null ? null : cs.map("condition", false);
        String name = meta == null ? null : meta.text("name", false);
        if (cs == null || meta == null || cond == null || name == null) {
          continue;
        }
        AlertTier t = tier(cond, cs, name, meta.strings("annotations"), period);
        if (t != null && names.add(t.name())) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static @Nullable AlertTier tier(
      Fields cond, Fields cs, String name, Map<String, String> annotations, Duration period) {
    String op = cond.text("op", false);
    BigDecimal threshold = cond.number("threshold", false);
    String lookback = cond.text("lookbackWindow", false);
    if (op == null || threshold == null || lookback == null || threshold.signum() <= 0) {
      return null;
    }
    if (op.equals("lte") || op.equals("lt")) {
      cond.warn(
          "op",
          "dropped: "
              + op
              + " alerts when the budget burns slowly, which is not a burn-rate alert slo raises");
      return null;
    }
    if (op.equals("gt")) {
      cond.warn("op", "approximated: gt read as gte (slo fires at the threshold)");
    }
    String after = cond.text("alertAfter", false);
    if (after != null && !after.trim().matches("0+[smhdw]?")) {
      cond.warn(
          "alertAfter",
          "dropped: "
              + after
              + ": slo fires as soon as the burn rate is reached; give a shorter confirming"
              + " window with the annotation "
              + NativeFields.PREFIX
              + "short-window instead");
    }
    Duration longW;
    Duration shortW;
    try {
      longW = DurationText.parse(lookback);
      String sw = annotations.get(NativeFields.PREFIX + "short-window");
      shortW = sw == null ? longW : DurationText.parse(sw);
    } catch (IllegalArgumentException e) {
      cond.error("lookbackWindow", e.getMessage());
      return null;
    }
    String sev = cs.text("severity", false);
    String s = sev == null ? "" : sev.trim().toLowerCase(Locale.ROOT);
    boolean page = Set.of("page", "critical", "sev1", "p1", "high").contains(s);
    if (!s.equals("page") && !s.equals("ticket")) {
      cs.warn("severity", "approximated: \"" + sev + "\" read as " + (page ? "page" : "ticket"));
    }
    BigDecimal share =
        threshold
            .multiply(BigDecimal.valueOf(longW.getSeconds()))
            .divide(BigDecimal.valueOf(period.getSeconds()), MathContext.DECIMAL64);
    try {
      return new AlertTier(
          name, page ? Severity.PAGE : Severity.TICKET, longW, shortW, threshold, share);
    } catch (IllegalArgumentException e) {
      cond.error("lookbackWindow", e.getMessage());
      return null;
    }
  }
}
