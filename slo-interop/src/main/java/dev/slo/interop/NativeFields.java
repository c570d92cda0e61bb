package dev.slo.interop;

import dev.slo.core.model.LatencySli;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.StatusThresholds;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code slo.dev/*} annotations that carry our fields that a peer format has no field for
 * (slo_type, enabled, no_data, status thresholds, latency, file-data sli_query, group_by,
 * max_groups), so that native → OpenSLO → native keeps them. Thread-safe; no state.
 */
final class NativeFields {
  static final String PREFIX = "slo.dev/";

  private NativeFields() {}

  /** The annotations for the fields of {@code s} that differ from the defaults. */
  static Map<String, String> annotations(Slo s) {
    Map<String, String> a = new LinkedHashMap<>();
    if (s.sloType() != SloType.AVAILABILITY) {
      a.put(PREFIX + "slo-type", s.sloType().name());
    }
    if (!s.enabled()) {
      a.put(PREFIX + "enabled", "false");
    }
    if (s.noData() != NoDataPolicy.IGNORE) {
      a.put(PREFIX + "no-data", s.noData().name().toLowerCase(Locale.ROOT));
    }
    if (!s.thresholds().equals(StatusThresholds.DEFAULT)) {
      a.put(PREFIX + "warning-budget-remaining", Double.toString(s.thresholds().warningBelow()));
      a.put(PREFIX + "critical-budget-remaining", Double.toString(s.thresholds().criticalBelow()));
    }
    LatencySli l = s.sli().latency();
    if (l != null) {
      a.put(PREFIX + "latency-histogram", l.histogram());
      a.put(PREFIX + "latency-threshold", Double.toString(l.threshold()));
      if (!l.selector().isEmpty()) {
        a.put(PREFIX + "latency-selector", l.selector());
      }
    }
    if (s.sli().isEmpty() && !s.sliQuery().isBlank() && !PromQl.hasWindow(s.sliQuery())) {
      a.put(PREFIX + "sli-query", s.sliQuery());
    }
    if (s.sli().totalQuery() != null) {
      a.put(PREFIX + "queries", "counts");
    }
    if (!s.groupBy().isEmpty()) {
      a.put(PREFIX + "group-by", String.join(",", s.groupBy()));
    }
    if (s.maxGroups() != Slo.DEFAULT_MAX_GROUPS) {
      a.put(PREFIX + "max-groups", Integer.toString(s.maxGroups()));
    }
    return a;
  }

  /** Applies the annotations to a builder; a bad value is an error at {@code f}. */
  static void apply(Map<String, String> a, Slo.Builder b, Fields f) {
    try {
      String type = a.get(PREFIX + "slo-type");
      if (type != null) {
        b.sloType(SloType.valueOf(type.trim().toUpperCase(Locale.ROOT)));
      }
      String enabled = a.get(PREFIX + "enabled");
      if (enabled != null) {
        b.enabled(!"false".equalsIgnoreCase(enabled.trim()));
      }
      String noData = a.get(PREFIX + "no-data");
      if (noData != null) {
        b.noData(NoDataPolicy.valueOf(noData.trim().toUpperCase(Locale.ROOT)));
      }
      if (a.containsKey(PREFIX + "warning-budget-remaining")) {
        b.thresholds(
            new StatusThresholds(
                Double.parseDouble(a.get(PREFIX + "warning-budget-remaining")),
                Double.parseDouble(
                    a.getOrDefault(
                        PREFIX + "critical-budget-remaining",
                        Double.toString(StatusThresholds.DEFAULT.criticalBelow())))));
      }
      String histogram = a.get(PREFIX + "latency-histogram");
      if (histogram != null) {
        b.sli(
            new dev.slo.core.model.SliDefinition(
                null,
                null,
                null,
                null,
                null,
                null,
                new LatencySli(
                    histogram,
                    Double.parseDouble(a.get(PREFIX + "latency-threshold")),
                    a.getOrDefault(PREFIX + "latency-selector", ""))));
        b.sliQuery("");
      }
      if (a.containsKey(PREFIX + "sli-query")) {
        b.sliQuery(a.get(PREFIX + "sli-query"));
      }
      if (a.containsKey(PREFIX + "group-by")) {
        b.groupBy(
            java.util.Arrays.stream(
                    java.util.Objects.requireNonNull(a.get(PREFIX + "group-by")).split(",", -1))
                .map(String::trim)
                .toList());
      }
      if (a.containsKey(PREFIX + "max-groups")) {
        b.maxGroups(
            Integer.parseInt(
                java.util.Objects.requireNonNull(a.get(PREFIX + "max-groups")).trim()));
      }
    } catch (RuntimeException e) {
      f.error("annotations", "a slo.dev/ annotation is not valid: " + e.getMessage());
    }
  }
}
