package dev.slo.interop;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.StatusThresholds;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Writes SLOs in slo's own format (docs/spec.md), defaults left out. Thread-safe; no state. */
final class NativeWriter {
  private NativeWriter() {}

  static String write(List<Slo> slos) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Slo s : slos) {
      items.add(slo(s));
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("apiVersion", SpecParser.API_VERSION);
    root.put("slos", items);
    return Yaml.write(root);
  }

  static Map<String, Object> slo(Slo s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("slo_id", s.sloId());
    m.put("slo_name", s.sloName());
    m.put("service_name", s.serviceName());
    m.put("slo_type", s.sloType().name());
    m.put("target_percentage", BigDecimal.valueOf(s.targetPercentage()));
    m.put("time_period", s.timePeriod().name());
    if (!s.sliQuery().isEmpty()) {
      m.put("sli_query", s.sliQuery());
    }
    if (!s.description().isEmpty()) {
      m.put("description", s.description());
    }
    if (!s.enabled()) {
      m.put("enabled", false);
    }
    if (!s.timeZone().getId().equals("UTC")) {
      m.put("time_zone", s.timeZone().getId());
    }
    if (s.budgetingMethod() != BudgetingMethod.OCCURRENCES) {
      m.put("budgeting_method", s.budgetingMethod().name());
      m.put(
          "timeslice_length",
          DurationText.format(Objects.requireNonNull(s.timesliceLength(), "timeslice_length")));
      if (s.timesliceTargetPercentage() != null) {
        m.put("timeslice_target_percentage", BigDecimal.valueOf(s.timesliceTargetPercentage()));
      }
    }
    if (s.noData() != NoDataPolicy.IGNORE) {
      m.put("no_data", s.noData().name().toLowerCase(Locale.ROOT));
    }
    if (!s.thresholds().equals(StatusThresholds.DEFAULT)) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("warning_budget_remaining", BigDecimal.valueOf(s.thresholds().warningBelow()));
      t.put("critical_budget_remaining", BigDecimal.valueOf(s.thresholds().criticalBelow()));
      m.put("status_thresholds", t);
    }
    if (!s.alertTiers().isEmpty()) {
      List<Map<String, Object>> tiers = new ArrayList<>();
      for (dev.slo.core.alert.AlertTier t : s.alertTiers()) {
        Map<String, Object> tm = new LinkedHashMap<>();
        tm.put("name", t.name());
        tm.put("severity", t.severity().label());
        tm.put("burn_rate", t.factor());
        tm.put("long_window", DurationText.format(t.longWindow()));
        if (!t.shortWindow().equals(t.longWindow())) {
          tm.put("short_window", DurationText.format(t.shortWindow()));
        }
        tiers.add(tm);
      }
      m.put("alert_tiers", tiers);
    }
    if (!s.groupBy().isEmpty()) {
      m.put("group_by", s.groupBy());
    }
    if (s.maxGroups() != Slo.DEFAULT_MAX_GROUPS) {
      m.put("max_groups", s.maxGroups());
    }
    SliDefinition d = s.sli();
    putIf(m, "good_counter", d.goodCounter());
    putIf(m, "bad_counter", d.badCounter());
    putIf(m, "total_counter", d.totalCounter());
    putIf(m, "good_query", d.goodQuery());
    putIf(m, "bad_query", d.badQuery());
    putIf(m, "total_query", d.totalQuery());
    if (d.latency() != null) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("histogram", d.latency().histogram());
      l.put("threshold", BigDecimal.valueOf(d.latency().threshold()));
      if (!d.latency().selector().isEmpty()) {
        l.put("selector", d.latency().selector());
      }
      m.put("latency", l);
    }
    return m;
  }

  private static void putIf(Map<String, Object> m, String k, @Nullable String v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
