package dev.slo.interop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OpenSLO alert policies and conditions: shapes checked, references resolved, and each burn-rate
 * condition reported, since slo alerts with its own multi-window tiers. Thread-safe; no state.
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
      c.error("kind", "\"" + kind + "\" is not a valid condition kind; use burnrate");
    }
    String op = c.text("op", true);
    if (op != null && !OPS.contains(op)) {
      c.error("op", "\"" + op + "\" is not a valid op; use lte, gte, lt or gt");
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
      c.error(key, "\"" + d + "\" is not a valid " + key + "; use a duration like 5m or 1h");
    }
  }

  /** Resolves an SLO's {@code alertPolicies} and reports each burn-rate condition as not used. */
  static void reportOnSlo(OpenSloReader r, Fields spec) {
    List<Fields> policies = spec.items("alertPolicies", false);
    for (Fields p : policies) {
      Fields policySpec;
      String name;
      if (p.has("alertPolicyRef")) {
        name = p.text("alertPolicyRef", true);
        OpenSloReader.Obj o = r.ref("AlertPolicy", name, p, "alertPolicyRef");
        policySpec = o == null ? null : o.root().map("spec", false);
      } else {
        Fields meta = p.map("metadata", false);
        name = meta == null ? "(inline)" : meta.text("name", false);
        policySpec = p.map("spec", true);
        if (policySpec != null) {
          checkPolicy(r, policySpec);
        }
      }
      if (policySpec == null) {
        continue;
      }
      List<String> conditions = new ArrayList<>();
      for (Fields c : policySpec.items("conditions", false)) {
        Fields cs;
        if (c.has("conditionRef")) {
          OpenSloReader.Obj o =
              r.ref("AlertCondition", c.text("conditionRef", false), c, "conditionRef");
          cs = o == null ? null : o.root().map("spec", false);
        } else {
          cs = c.map("spec", false);
        }
        Fields cond = cs == null ? null : cs.map("condition", false);
        if (cond != null) {
          conditions.add(
              "burn rate "
                  + cond.text("op", false)
                  + " "
                  + cond.text("threshold", false)
                  + " over "
                  + cond.text("lookbackWindow", false)
                  + (cond.has("alertAfter") ? " for " + cond.text("alertAfter", false) : ""));
        }
      }
      p.warn(
          null,
          "alert policy "
              + name
              + " ("
              + String.join("; ", conditions)
              + ") is read but not used: slo alerts with its multi-window burn-rate tiers for the"
              + " period (docs/math.md)");
    }
  }
}
