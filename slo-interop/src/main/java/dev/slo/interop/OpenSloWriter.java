package dev.slo.interop;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes SLOs as OpenSLO v1 {@code SLO} documents with inline indicators. Fields OpenSLO has no
 * place for (slo_type, enabled, no_data, status thresholds, latency, file-data sli_query) travel as
 * {@code slo.dev/*} annotations, so that reading the file back gives the same SLOs. Thread-safe; no
 * state.
 */
final class OpenSloWriter {
  private OpenSloWriter() {}

  static String write(List<Slo> slos, Warnings w) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Slo s : slos) {
      docs.add(slo(s, w));
    }
    return Yaml.documents(docs);
  }

  private static Map<String, Object> slo(Slo s, Warnings w) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", s.sloId());
    if (!s.sloName().equals(s.sloId())) {
      meta.put("displayName", s.sloName());
    }
    Map<String, String> annotations = NativeFields.annotations(s);
    if (!s.groupBy().isEmpty()) {
      w.approximated(
          s.sloId(),
          "group_by",
          s.groupBy()
              + ": OpenSLO has no per-label SLOs; written as the "
              + NativeFields.PREFIX
              + "group-by annotation, which only slo reads (other tools evaluate one SLO over all"
              + " groups together)");
    }
    if (!annotations.isEmpty()) {
      meta.put("annotations", annotations);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!s.description().isEmpty()) {
      spec.put("description", s.description());
    }
    spec.put("service", s.serviceName());
    Map<String, Object> indicator = new LinkedHashMap<>();
    indicator.put("metadata", Map.of("name", s.sloId() + "-sli"));
    indicator.put("spec", indicatorSpec(s));
    spec.put("indicator", indicator);
    spec.put("timeWindow", List.of(timeWindow(s)));
    spec.put(
        "budgetingMethod",
        switch (s.budgetingMethod()) {
          case OCCURRENCES -> "Occurrences";
          case TIMESLICES -> "Timeslices";
          case RATIO_TIMESLICES -> "RatioTimeslices";
        });
    Map<String, Object> objective = new LinkedHashMap<>();
    objective.put("target", BigDecimal.valueOf(s.targetPercentage()).movePointLeft(2));
    if (s.budgetingMethod() == BudgetingMethod.TIMESLICES) {
      objective.put(
          "timeSliceTarget",
          BigDecimal.valueOf(Objects.requireNonNull(s.timesliceTargetPercentage()))
              .movePointLeft(2));
    }
    if (s.budgetingMethod().isSliced()) {
      objective.put("timeSliceWindow", sliceWindow(s, w));
    }
    spec.put("objectives", List.of(objective));
    if (!s.alertTiers().isEmpty()) {
      List<Map<String, Object>> policies = new ArrayList<>();
      for (dev.slo.core.alert.AlertTier t : s.alertTiers()) {
        policies.add(policy(s, t));
      }
      spec.put("alertPolicies", policies);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", "openslo/v1");
    doc.put("kind", "SLO");
    doc.put("metadata", meta);
    doc.put("spec", spec);
    return doc;
  }

  /** An inline AlertPolicy with one inline burn-rate condition for a tier. */
  private static Map<String, Object> policy(Slo s, dev.slo.core.alert.AlertTier t) {
    Map<String, Object> condMeta = new LinkedHashMap<>();
    condMeta.put("name", t.name());
    if (!t.shortWindow().equals(t.longWindow())) {
      condMeta.put(
          "annotations",
          Map.of(
              NativeFields.PREFIX + "short-window",
              dev.slo.core.window.DurationText.format(t.shortWindow())));
    }
    Map<String, Object> condition = new LinkedHashMap<>();
    condition.put("kind", "burnrate");
    condition.put("op", "gte");
    condition.put("threshold", t.factor());
    condition.put("lookbackWindow", dev.slo.core.window.DurationText.format(t.longWindow()));
    condition.put("alertAfter", "0m");
    Map<String, Object> condSpec = new LinkedHashMap<>();
    condSpec.put("severity", t.severity().label());
    condSpec.put("condition", condition);
    Map<String, Object> cond = new LinkedHashMap<>();
    cond.put("kind", "AlertCondition");
    cond.put("metadata", condMeta);
    cond.put("spec", condSpec);
    Map<String, Object> policySpec = new LinkedHashMap<>();
    policySpec.put("alertWhenBreaching", true);
    policySpec.put("conditions", List.of(cond));
    policySpec.put("notificationTargets", List.of());
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("kind", "AlertPolicy");
    policy.put("metadata", Map.of("name", s.sloId() + "-" + t.name()));
    policy.put("spec", policySpec);
    return policy;
  }

  private static Map<String, Object> indicatorSpec(Slo s) {
    SliDefinition d = s.sli();
    Map<String, Object> ratio = new LinkedHashMap<>();
    if (d.latency() != null) {
      LatencySli l = d.latency();
      String inner =
          l.selector().isEmpty() ? "" : l.selector().substring(1, l.selector().length() - 1);
      String le =
          "le=\"" + BigDecimal.valueOf(l.threshold()).stripTrailingZeros().toPlainString() + "\"";
      ratio.put("counter", true);
      ratio.put(
          "good",
          prometheus(l.histogram() + "_bucket{" + (inner.isBlank() ? "" : inner + ",") + le + "}"));
      ratio.put("total", prometheus(l.histogram() + "_count" + l.selector()));
    } else if (d.totalCounter() != null) {
      ratio.put("counter", true);
      part(ratio, d.goodCounter(), d.badCounter());
      ratio.put("total", prometheus(d.totalCounter()));
    } else if (d.totalQuery() != null) {
      part(ratio, d.goodQuery(), d.badQuery());
      ratio.put("total", prometheus(d.totalQuery()));
    } else if (PromQl.hasWindow(s.sliQuery())) {
      ratio.put("rawType", "success");
      ratio.put("raw", prometheus(s.sliQuery()));
    } else {
      // events come from a file or a database: no query to give
      ratio.put("counter", true);
      ratio.put("good", source("File", Map.of("slo_id", s.sloId(), "column", "good_events")));
      ratio.put("total", source("File", Map.of("slo_id", s.sloId(), "column", "total_events")));
    }
    return Map.of("ratioMetric", ratio);
  }

  private static void part(Map<String, Object> ratio, @Nullable String good, @Nullable String bad) {
    if (good != null) {
      ratio.put("good", prometheus(good));
    } else {
      ratio.put("bad", prometheus(Objects.requireNonNull(bad, "a good or bad series")));
    }
  }

  private static Map<String, Object> prometheus(String query) {
    return source("Prometheus", Map.of("query", query));
  }

  private static Map<String, Object> source(String type, Map<String, Object> spec) {
    Map<String, Object> src = new LinkedHashMap<>();
    src.put("type", type);
    src.put("spec", new java.util.TreeMap<>(spec));
    return Map.of("metricSource", src);
  }

  private static Map<String, Object> timeWindow(Slo s) {
    TimePeriod p = s.timePeriod();
    Map<String, Object> tw = new LinkedHashMap<>();
    tw.put("duration", Periods.shorthand(p));
    if (!p.isCalendar()) {
      tw.put("isRolling", true);
      return tw;
    }
    LocalDate start = LocalDate.of(2024, 1, 1); // a Monday, and the first day of a year
    if (p.weekStart() != null) {
      start = start.plusDays(p.weekStart().getValue() - 1L);
    }
    Map<String, Object> cal = new LinkedHashMap<>();
    cal.put("startTime", start + " 00:00:00");
    cal.put("timeZone", s.timeZone().getId());
    tw.put("calendar", cal);
    tw.put("isRolling", false);
    return tw;
  }

  private static String sliceWindow(Slo s, Warnings w) {
    Duration d = Objects.requireNonNull(s.timesliceLength(), "timeslice_length");
    if (d.getSeconds() % 60 != 0 || d.getNano() != 0) {
      long minutes = Math.max(1, (d.getSeconds() + 59) / 60);
      w.approximated(
          s.sloId(),
          "timeslice_length",
          d.getSeconds() + "s written as " + minutes + "m: OpenSLO durations have no seconds");
      return minutes + "m";
    }
    return Periods.shorthand(TimePeriod.rolling(d));
  }
}
