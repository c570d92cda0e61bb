package dev.slo.interop;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * OpenSLO v1alpha {@code SLO} (the version Sloth reads) and {@code Service} documents: {@code
 * timeWindows} with {@code count}/{@code unit}, objectives with {@code ratioMetrics} or the
 * indicator's {@code thresholdMetric}. One slo SLO per objective, ids as in {@link OpenSloSlo}.
 * Thread-safe; no state.
 */
final class OpenSloV1alphaReader {
  private static final Map<String, String> UNITS =
      Map.of(
          "Second", "s", "Minute", "m", "Hour", "h", "Day", "d", "Week", "w", "Month", "M",
          "Quarter", "Q", "Year", "Y");

  private OpenSloV1alphaReader() {}

  static List<Loaded> read(Fields root) {
    String kind = root.text("kind", true);
    Fields meta = root.map("metadata", true);
    Fields spec = root.map("spec", !"Service".equals(root.text("kind", false)));
    root.rejectUnknown(Set.of("apiVersion", "kind", "metadata", "spec"));
    if (kind == null || meta == null) {
      return List.of();
    }
    String objectName = meta.text("name", true);
    if (objectName != null && !OpenSloReader.validName(meta, objectName)) {
      return List.of();
    }
    if (kind.equals("Service")) {
      if (spec != null) {
        spec.rejectUnknown(Set.of("description"));
      }
      return List.of();
    }
    if (spec == null) {
      return List.of();
    }
    if (!kind.equals("SLO")) {
      root.error("kind", "\"" + kind + "\" is not an OpenSLO v1alpha kind; use SLO or Service");
      return List.of();
    }
    String name = meta.text("name", true);
    spec.rejectUnknown(
        Set.of(
            "description", "service", "indicator", "timeWindows", "budgetingMethod", "objectives"));
    String service = spec.text("service", true);
    String method = spec.text("budgetingMethod", true);
    BudgetingMethod bm = null;
    if ("Occurrences".equals(method)) {
      bm = BudgetingMethod.OCCURRENCES;
    } else if ("Timeslices".equals(method)) {
      bm = BudgetingMethod.TIMESLICES;
    } else if (method != null) {
      spec.error(
          "budgetingMethod",
          dev.slo.core.Printable.quote(method)
              + " is not a valid budgetingMethod; use Occurrences or Timeslices");
    }
    Periods.Window window = null;
    List<Fields> windows = spec.items("timeWindows", true);
    if (windows.size() == 1) {
      Fields w = windows.get(0);
      w.rejectUnknown(Set.of("count", "unit", "isRolling", "calendar"));
      BigDecimal count = w.number("count", true);
      String unit = w.text("unit", true);
      Fields cal = w.map("calendar", false);
      if (unit != null && !UNITS.containsKey(unit)) {
        w.error(
            "unit",
            "\""
                + unit
                + "\" is not a valid unit; use "
                + String.join(", ", new java.util.TreeSet<>(UNITS.keySet())));
      } else if (count != null && unit != null) {
        window =
            Periods.window(
                w,
                "count",
                count.toBigInteger() + UNITS.get(unit),
                w.bool("isRolling", cal == null),
                cal);
      }
    } else if (windows.size() > 1) {
      spec.error("timeWindows", windows.size() + " windows is not valid: give exactly one");
    }
    Fields indicator = spec.map("indicator", false);
    Fields threshold = indicator == null ? null : indicator.map("thresholdMetric", false);
    List<Fields> objectives = spec.items("objectives", true);
    List<Loaded> out = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      Fields obj = objectives.get(i);
      obj.rejectUnknown(
          Set.of("displayName", "op", "value", "target", "timeSliceTarget", "ratioMetrics"));
      BigDecimal target = obj.number("target", true);
      if (target != null && !(target.signum() > 0 && target.compareTo(BigDecimal.ONE) < 0)) {
        obj.error(
            "target",
            target.toPlainString() + " is not between 0 and 1 (exclusive); write 0.999 for 99.9%");
        target = null;
      }
      SliMapping.Sli sli = SliMapping.Sli.NONE;
      Fields ratio = obj.map("ratioMetrics", false);
      if (ratio != null) {
        ratio.rejectUnknown(Set.of("good", "total", "incremental"));
        SliMapping.Metric good = metric(ratio, "good");
        SliMapping.Metric total = metric(ratio, "total");
        if (good != null && total != null) {
          Boolean counter = ratio.has("incremental") ? ratio.bool("incremental", true) : null;
          sli = SliMapping.ratio(counter, good, null, total, false);
        }
      } else if (threshold != null) {
        SliMapping.Metric m = metricOf(threshold, null);
        if (m != null) {
          sli = SliMapping.threshold(m, obj.text("op", true), obj.text("value", true));
        }
      } else {
        obj.error(
            null,
            "\"ratioMetrics\" is missing at "
                + obj.path("ratioMetrics")
                + " (or give spec.indicator.thresholdMetric)");
      }
      String id = objectives.size() == 1 ? name : name + "." + i;
      Slo.Builder b =
          Slo.builder()
              .sloId(id)
              .sloName(
                  meta.text("displayName", false) == null ? name : meta.text("displayName", false))
              .serviceName(service)
              .sloType(dev.slo.core.model.SloType.AVAILABILITY)
              .description(spec.text("description", false))
              .sli(sli.definition())
              .sliQuery(sli.sliQuery());
      if (window != null) {
        b.timePeriod(window.period()).timeZone(window.zone());
      }
      if (bm == BudgetingMethod.TIMESLICES) {
        BigDecimal st = obj.number("timeSliceTarget", true);
        b.budgetingMethod(bm).timesliceLength(java.time.Duration.ofMinutes(1));
        obj.warn(null, "approximated: v1alpha has no slice length; slices of 1m are used");
        if (st == null) {
          continue;
        }
        b.timesliceTargetPercentage(st.movePointRight(2).doubleValue());
      }
      if (target == null || window == null || bm == null || name == null || service == null) {
        continue;
      }
      b.targetPercentage(target.movePointRight(2).doubleValue());
      try {
        out.add(new Loaded(b.build(), Format.OPENSLO_V1ALPHA, root.source, obj.map.line()));
      } catch (InvalidInputException | IllegalArgumentException e) {
        meta.error("name", e.getMessage());
      }
    }
    return out;
  }

  private static SliMapping.@Nullable Metric metric(Fields parent, String key) {
    Fields m = parent.map(key, true);
    return m == null ? null : metricOf(m, key);
  }

  private static SliMapping.@Nullable Metric metricOf(Fields m, @Nullable String key) {
    m.rejectUnknown(Set.of("source", "queryType", "query", "metadata"));
    String source = m.text("source", true);
    String query = m.text("query", true);
    if (source == null || query == null) {
      return null;
    }
    return new SliMapping.Metric(source, query, m, "query");
  }
}
