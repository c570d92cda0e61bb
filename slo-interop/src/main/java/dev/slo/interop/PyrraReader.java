package dev.slo.interop;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Pyrra's {@code ServiceLevelObjective} ({@code pyrra.dev/v1alpha1}): {@code ratio}, {@code
 * latency}, {@code latencyNative} and {@code bool_gauge} indicators, {@code target} as a percent
 * string, {@code window}. slo_id is {@code metadata.name}; service_name is {@code
 * metadata.namespace}, or the name when there is none; {@code grouping} is {@code group_by}.
 * Thread-safe; no state.
 */
final class PyrraReader {
  private PyrraReader() {}

  static List<Loaded> read(Fields root) {
    root.rejectUnknown(Set.of("apiVersion", "kind", "metadata", "spec", "status"));
    String kind = root.text("kind", true);
    if (kind != null && !kind.equals("ServiceLevelObjective")) {
      root.error("kind", "\"" + kind + "\" is not a Pyrra kind; use ServiceLevelObjective");
      return List.of();
    }
    Fields meta = root.map("metadata", true);
    Fields spec = root.map("spec", true);
    if (meta == null || spec == null) {
      return List.of();
    }
    spec.rejectUnknown(
        Set.of(
            "target",
            "window",
            "description",
            "indicator",
            "alerting",
            "serviceLevelObjectiveName"));
    String name = meta.text("name", true);
    String namespace = meta.text("namespace", false);
    BigDecimal target = spec.number("target", true);
    if (target != null && !(target.signum() > 0 && target.compareTo(BigDecimal.valueOf(100)) < 0)) {
      spec.error(
          "target",
          "\""
              + target.toPlainString()
              + "\" is not between 0 and 100 (exclusive); Pyrra targets are percentages, like \"99.5\"");
      target = null;
    }
    String window = spec.text("window", true);
    TimePeriod period = null;
    if (window != null) {
      try {
        period = TimePeriod.rolling(DurationText.parse(window));
      } catch (IllegalArgumentException e) {
        spec.error("window", e.getMessage());
      }
    }
    Fields ind = spec.map("indicator", true);
    SloType type = SloType.AVAILABILITY;
    SliDefinition def = SliDefinition.NONE;
    String sliQuery = "";
    List<String> groupBy = new ArrayList<>();
    boolean groupingOk = true;
    if (ind != null) {
      ind.rejectUnknown(Set.of("ratio", "latency", "latencyNative", "bool_gauge"));
      int kinds = 0;
      for (String k : List.of("ratio", "latency", "latencyNative", "bool_gauge")) {
        kinds += ind.has(k) ? 1 : 0;
      }
      if (kinds != 1) {
        ind.error(
            null,
            kinds == 0
                ? "\"ratio\" is missing at "
                    + ind.path("ratio")
                    + " (or give latency, latencyNative or bool_gauge)"
                : "give one of ratio, latency, latencyNative and bool_gauge");
      } else if (ind.has("ratio")) {
        Fields r = ind.map("ratio", true);
        if (r != null) { // else reported: not a mapping
          r.rejectUnknown(Set.of("errors", "total", "grouping"));
          groupingOk = grouping(r, groupBy);
          String errors = selector(r, "errors");
          String total = selector(r, "total");
          if (errors != null && total != null) {
            def = new SliDefinition(null, errors, total, null, null, null, null);
          }
        }
      } else if (ind.has("latency")) {
        type = SloType.LATENCY;
        Fields l = ind.map("latency", true);
        if (l != null) { // else reported: not a mapping
          l.rejectUnknown(Set.of("success", "total", "grouping"));
          groupingOk = grouping(l, groupBy);
          String success = selector(l, "success");
          String total = selector(l, "total");
          if (success != null && total != null) {
            def = new SliDefinition(success, null, total, null, null, null, null);
          }
        }
      } else if (ind.has("latencyNative")) {
        type = SloType.LATENCY;
        Fields l = ind.map("latencyNative", true);
        if (l != null) { // else reported: not a mapping
          l.rejectUnknown(Set.of("latency", "total", "grouping"));
          groupingOk = grouping(l, groupBy);
          String latency = l.text("latency", true);
          String total = selector(l, "total");
          if (latency != null && total != null) {
            try {
              BigDecimal seconds =
                  BigDecimal.valueOf(DurationText.parse(latency).toMillis())
                      .movePointLeft(3)
                      .stripTrailingZeros();
              String inc = "sum(increase(" + total + "[{{window}}]))";
              def =
                  new SliDefinition(
                      null,
                      null,
                      null,
                      "histogram_fraction(0, "
                          + seconds.toPlainString()
                          + ", "
                          + inc
                          + ") * histogram_count("
                          + inc
                          + ")",
                      null,
                      "histogram_count(" + inc + ")",
                      null);
            } catch (IllegalArgumentException e) {
              l.error("latency", e.getMessage());
            }
          }
        }
      } else {
        Fields g = ind.map("bool_gauge", true);
        if (g != null) { // else reported: not a mapping
          g.rejectUnknown(Set.of("metric", "grouping"));
          groupingOk = grouping(g, groupBy);
          String m = g.text("metric", true);
          if (m != null) {
            if (!PromQl.isSelector(m)) {
              g.error("metric", "\"" + m + "\" is not a metric selector");
            } else {
              sliQuery =
                  "sum(sum_over_time("
                      + m.trim()
                      + "[{{window}}])) / sum(count_over_time("
                      + m.trim()
                      + "[{{window}}]))";
            }
          }
        }
      }
    }
    Fields alerting = spec.map("alerting", false);
    if (alerting != null) {
      alerting.rejectUnknown(Set.of("disabled", "name", "burnrates", "absent"));
      boolean disabled = alerting.bool("disabled", false);
      alerting.warn(
          null,
          (disabled
                  ? "alerting.disabled is true but slo still reports its tiers"
                  : "alerting (name, burnrates, absent) is read but not used")
              + ": slo alerts with its own multi-window tiers; `slo rules --tiers` limits them");
    }
    if (name == null
        || target == null
        || period == null
        || !groupingOk
        || (def.isEmpty() && sliQuery.isEmpty())) {
      return List.of();
    }
    try {
      Slo slo =
          Slo.builder()
              .sloId(name)
              .sloName(name)
              .serviceName(namespace == null ? name : namespace)
              .sloType(type)
              .targetPercentage(target.doubleValue())
              .timePeriod(period)
              .description(spec.text("description", false))
              .sli(def)
              .sliQuery(sliQuery)
              .groupBy(groupBy)
              .build();
      return List.of(new Loaded(slo, Format.PYRRA, root.source, root.map.line()));
    } catch (InvalidInputException | IllegalArgumentException e) {
      meta.error("name", e.getMessage());
      return List.of();
    }
  }

  /** Pyrra's {@code grouping} (label names) becomes {@code group_by}, in the order given. */
  private static boolean grouping(Fields f, List<String> groupBy) {
    List<String> labels = new ArrayList<>();
    for (YNode n : f.list("grouping", false)) {
      if (n instanceof YNode.YScalar sc && sc.value() instanceof String t) {
        labels.add(t.trim());
      } else {
        f.error("grouping", YNode.kind(n) + " is not a label name; write one like route");
        return false;
      }
    }
    try {
      dev.slo.core.model.GroupId.requireGroupByNames(labels);
      groupBy.addAll(labels);
      return true;
    } catch (InvalidInputException e) {
      f.error("grouping", e.getMessage());
      return false;
    }
  }

  private static @Nullable String selector(Fields parent, String key) {
    Fields m = parent.map(key, true);
    if (m == null) {
      return null;
    }
    m.rejectUnknown(Set.of("metric"));
    String q = m.text("metric", true);
    if (q != null && !PromQl.isSelector(q)) {
      m.error(
          "metric",
          "\""
              + q
              + "\" is not a metric selector; Pyrra takes a counter such as http_requests_total{job=\"api\"}");
      return null;
    }
    return q == null ? null : q.trim();
  }
}
