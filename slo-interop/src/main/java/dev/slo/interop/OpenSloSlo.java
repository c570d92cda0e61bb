package dev.slo.interop;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One OpenSLO v1 or v2alpha {@code SLO} object as slo SLOs: one per objective. A single objective
 * keeps the SLO's {@code metadata.name} as slo_id; several get {@code <name>.<index>} (0-based).
 * Not thread-safe; used once.
 */
final class OpenSloSlo {
  private static final Set<String> SPEC_FIELDS =
      Set.of(
          "description",
          "service",
          "serviceRef",
          "indicator",
          "indicatorRef",
          "sli",
          "sliRef",
          "timeWindow",
          "budgetingMethod",
          "objectives",
          "alertPolicies");
  private static final Set<String> OBJECTIVE_FIELDS =
      Set.of(
          "displayName",
          "name",
          "labels",
          "op",
          "value",
          "target",
          "targetPercent",
          "timeSliceTarget",
          "timeSliceWindow",
          "indicator",
          "indicatorRef",
          "sli",
          "sliRef",
          "compositeWeight");

  private final OpenSloReader r;
  private final OpenSloReader.Obj o;

  OpenSloSlo(OpenSloReader r, OpenSloReader.Obj o) {
    this.r = r;
    this.o = o;
  }

  List<Loaded> build() {
    Fields root = o.root();
    Fields meta = root.map("metadata", true);
    Fields spec = root.map("spec", true);
    if (spec == null || meta == null) {
      return List.of();
    }
    spec.rejectUnknown(SPEC_FIELDS);
    String indicatorKey = o.v2() ? "sli" : "indicator";
    String refKey = o.v2() ? "sliRef" : "indicatorRef";
    String service =
        o.v2() && spec.has("serviceRef")
            ? spec.text("serviceRef", true)
            : spec.text("service", true);
    String description = spec.text("description", false);
    if (description != null && description.length() > 1050) {
      spec.error(
          "description",
          description.length() + " characters is too long a description: at most 1050");
    }
    Periods.Window window = timeWindow(spec);
    BudgetingMethod method = budgeting(spec);
    List<Fields> objectives = spec.items("objectives", true);
    if (objectives.isEmpty() && spec.has("objectives")) {
      spec.error("objectives", "an empty list is not valid: give at least one objective");
    }
    boolean composite =
        objectives.stream()
            .anyMatch(f -> f.has(indicatorKey) || f.has(refKey) || f.has("compositeWeight"));
    if (composite) {
      spec.warn(
          "objectives",
          "composite SLO (objectives with their own "
              + indicatorKey
              + "): read but not evaluated yet; composite SLOs are separate work");
      return List.of();
    }
    Fields indicator = indicator(spec, indicatorKey, refKey);
    List<dev.slo.core.alert.AlertTier> tiers =
        AlertPolicies.tiers(
            r,
            spec,
            window == null || window.period().rollingLength() == null
                ? java.time.Duration.ofDays(30)
                : Objects.requireNonNull(window.period().rollingLength()));
    Map<String, String> annotations = meta.strings("annotations");
    String displayName = meta.text("displayName", false);
    List<Loaded> out = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      Fields obj = objectives.get(i);
      obj.rejectUnknown(OBJECTIVE_FIELDS);
      BigDecimal target = target(obj);
      String id = objectives.size() == 1 ? o.name() : o.name() + "." + i;
      String objName = obj.text("displayName", false);
      SliMapping.Sli sli = indicator == null ? SliMapping.Sli.NONE : sli(indicator, obj);
      Slo.Builder b =
          Slo.builder()
              .sloId(id)
              .sloName(
                  objectives.size() == 1 || objName == null
                      ? (displayName == null ? o.name() : displayName)
                      : (displayName == null ? o.name() : displayName) + " / " + objName)
              .serviceName(service)
              .sloType(dev.slo.core.model.SloType.AVAILABILITY)
              .description(description)
              .sli(sli.definition())
              .sliQuery(sli.sliQuery())
              .alertTiers(tiers);
      if (window != null) {
        b.timePeriod(window.period()).timeZone(window.zone());
      }
      if (method != null) {
        b.budgetingMethod(method);
        slices(obj, method, b);
      }
      NativeFields.apply(annotations, b, meta);
      if (target == null || window == null || method == null || service == null) {
        continue;
      }
      b.targetPercentage(target.doubleValue());
      try {
        out.add(new Loaded(b.build(), o.format(), root.source, obj.map.line()));
      } catch (InvalidInputException | IllegalArgumentException e) {
        meta.error(objectives.size() == 1 ? "name" : null, e.getMessage());
      }
    }
    return out;
  }

  private Periods.@Nullable Window timeWindow(Fields spec) {
    List<Fields> windows = spec.items("timeWindow", false);
    if (windows.isEmpty()) {
      spec.warn(
          null,
          "approximated: no timeWindow (optional in OpenSLO); slo uses a rolling 30d window"
              + " (ROLLING_30D)");
      return new Periods.Window(
          dev.slo.core.model.TimePeriod.ROLLING_30D, java.time.ZoneId.of("UTC"));
    }
    if (windows.size() != 1) {
      if (!windows.isEmpty()) {
        spec.error(
            "timeWindow", windows.size() + " windows is not valid: timeWindow holds exactly one");
      }
      return null;
    }
    Fields w = windows.get(0);
    w.rejectUnknown(Set.of("duration", "isRolling", "calendar"));
    String duration = w.text("duration", true);
    Fields calendar = w.map("calendar", false);
    boolean rolling = w.bool("isRolling", calendar == null);
    if (duration == null) {
      return null;
    }
    if (calendar != null) {
      calendar.rejectUnknown(Set.of("startTime", "timeZone"));
    }
    return Periods.window(w, "duration", duration, rolling, calendar);
  }

  private static @Nullable BudgetingMethod budgeting(Fields spec) {
    String m = spec.text("budgetingMethod", true);
    if (m == null) {
      return null;
    }
    return switch (m) {
      case "Occurrences" -> BudgetingMethod.OCCURRENCES;
      case "Timeslices" -> BudgetingMethod.TIMESLICES;
      case "RatioTimeslices" -> BudgetingMethod.RATIO_TIMESLICES;
      default -> {
        spec.error(
            "budgetingMethod",
            "\""
                + m
                + "\" is not a valid budgetingMethod; use Occurrences, Timeslices or RatioTimeslices");
        yield null;
      }
    };
  }

  /** The objective's target in percent, or null with a problem. */
  static @Nullable BigDecimal target(Fields obj) {
    boolean t = obj.has("target");
    boolean tp = obj.has("targetPercent");
    if (t == tp) {
      obj.error(
          null,
          t
              ? "give target or targetPercent, not both"
              : "\"target\" is missing at " + obj.path("target") + " (or give targetPercent)");
      return null;
    }
    if (t) {
      BigDecimal v = obj.number("target", true);
      if (v != null && !(v.signum() > 0 && v.compareTo(BigDecimal.ONE) < 0)) {
        obj.error(
            "target",
            v.toPlainString() + " is not between 0 and 1 (exclusive); write 0.999 for 99.9%");
        return null;
      }
      return v == null ? null : v.movePointRight(2);
    }
    BigDecimal v = obj.number("targetPercent", true);
    if (v != null && !(v.signum() > 0 && v.compareTo(BigDecimal.valueOf(100)) < 0)) {
      obj.error("targetPercent", v.toPlainString() + " is not between 0 and 100 (exclusive)");
      return null;
    }
    return v;
  }

  private static void slices(Fields obj, BudgetingMethod method, Slo.Builder b) {
    if (method == BudgetingMethod.OCCURRENCES) {
      if (obj.has("timeSliceTarget") || obj.has("timeSliceWindow")) {
        obj.warn(
            obj.has("timeSliceWindow") ? "timeSliceWindow" : "timeSliceTarget",
            "dropped: time slices do not apply to budgetingMethod Occurrences");
      }
      return;
    }
    String w = obj.text("timeSliceWindow", true);
    if (w != null) {
      try {
        b.timesliceLength(DurationText.parse(w.trim().matches("\\d+") ? w.trim() + "m" : w));
      } catch (IllegalArgumentException e) {
        obj.error("timeSliceWindow", e.getMessage());
      }
    }
    if (method == BudgetingMethod.TIMESLICES) {
      BigDecimal t = obj.number("timeSliceTarget", true);
      if (t != null && !(t.signum() > 0 && t.compareTo(BigDecimal.ONE) <= 0)) {
        obj.error("timeSliceTarget", t.toPlainString() + " is not between 0 (exclusive) and 1");
      } else if (t != null) {
        b.timesliceTargetPercentage(t.movePointRight(2).doubleValue());
      }
    } else if (obj.has("timeSliceTarget")) {
      obj.warn(
          "timeSliceTarget",
          "dropped: RatioTimeslices averages the slices' ratios and has no slice target");
    }
  }

  /** The SLI spec fields, inline or by reference; null with a problem when missing. */
  private @Nullable Fields indicator(Fields spec, String indicatorKey, String refKey) {
    boolean inline = spec.has(indicatorKey);
    boolean ref = spec.has(refKey);
    if (inline == ref) {
      spec.error(
          null,
          inline
              ? "give " + indicatorKey + " or " + refKey + ", not both"
              : "\""
                  + indicatorKey
                  + "\" is missing at "
                  + spec.path(indicatorKey)
                  + " (or give "
                  + refKey
                  + ")");
      return null;
    }
    if (ref) {
      OpenSloReader.Obj sli = r.ref("SLI", spec.text(refKey, true), spec, refKey);
      return sli == null ? null : sli.root().map("spec", true);
    }
    Fields ind = spec.map(indicatorKey, true);
    if (ind == null) {
      return null;
    }
    ind.rejectUnknown(Set.of("metadata", "spec"));
    Fields s = ind.map("spec", true);
    if (s != null) {
      s.rejectUnknown(Set.of("description", "thresholdMetric", "ratioMetric"));
    }
    return s;
  }

  private SliMapping.Sli sli(Fields ind, Fields obj) {
    Fields ratio = ind.map("ratioMetric", false);
    Fields threshold = ind.map("thresholdMetric", false);
    if ((ratio == null) == (threshold == null)) {
      ind.error(
          null,
          ratio == null
              ? "\"ratioMetric\" is missing at "
                  + ind.path("ratioMetric")
                  + " (or give thresholdMetric)"
              : "give ratioMetric or thresholdMetric, not both");
      return SliMapping.Sli.NONE;
    }
    if (threshold != null) {
      String op = obj.text("op", true);
      String value = obj.text("value", true);
      SliMapping.Metric m = metric(ind, "thresholdMetric");
      return m == null ? SliMapping.Sli.NONE : SliMapping.threshold(m, op, value);
    }
    if (ratio == null) {
      return SliMapping.Sli.NONE; // reported above
    }
    ratio.rejectUnknown(Set.of("counter", "good", "bad", "total", "raw", "rawType"));
    if (ratio.has("raw")) {
      String type = ratio.text("rawType", true);
      if (type != null && !type.equals("success") && !type.equals("failure")) {
        ratio.error(
            "rawType",
            dev.slo.core.Printable.quote(type) + " is not a valid rawType; use success or failure");
        return SliMapping.Sli.NONE;
      }
      SliMapping.Metric raw = metric(ratio, "raw");
      return raw == null || type == null
          ? SliMapping.Sli.NONE
          : SliMapping.raw(raw, type.equals("success"));
    }
    boolean good = ratio.has("good");
    boolean bad = ratio.has("bad");
    if (good == bad) {
      ratio.error(
          null,
          good
              ? "give good or bad, not both"
              : "\"good\" is missing at " + ratio.path("good") + " (or give bad, or raw)");
      return SliMapping.Sli.NONE;
    }
    SliMapping.Metric part = metric(ratio, good ? "good" : "bad");
    SliMapping.Metric total = metric(ratio, "total");
    if (part == null || total == null) {
      return SliMapping.Sli.NONE;
    }
    Boolean counter = ratio.has("counter") ? ratio.bool("counter", true) : null;
    Fields metadata = o.root().map("metadata", false);
    Map<String, String> ann = metadata == null ? Map.of() : metadata.strings("annotations");
    boolean counts = "counts".equals(ann.get(NativeFields.PREFIX + "queries"));
    return SliMapping.ratio(counter, good ? part : null, good ? null : part, total, counts);
  }

  /** A metric source at {@code parent.key}: v1 {@code metricSource}, or v2alpha fields. */
  private SliMapping.@Nullable Metric metric(Fields parent, String key) {
    Fields holder = parent.map(key, true);
    if (holder == null) {
      return null;
    }
    Fields src = o.v2() ? holder : holder.map("metricSource", true);
    if (src == null) {
      return null;
    }
    String refKey = o.v2() ? "dataSourceRef" : "metricSourceRef";
    src.rejectUnknown(
        o.v2()
            ? Set.of("dataSourceRef", "dataSourceSpec", "spec")
            : Set.of("metricSourceRef", "type", "spec"));
    String type = o.v2() ? null : src.text("type", false);
    if (o.v2() && src.has("dataSourceSpec")) {
      Fields dataSourceSpec = src.map("dataSourceSpec", false);
      type = dataSourceSpec == null ? null : dataSourceSpec.text("type", false);
    }
    if (src.has(refKey)) {
      OpenSloReader.Obj ds = r.ref("DataSource", src.text(refKey, true), src, refKey);
      if (ds != null && type == null) {
        Fields dspec = ds.root().map("spec", false);
        type = dspec == null ? null : dspec.text("type", false);
      }
      if (type == null) {
        type = "unknown";
      }
    } else if (type == null) {
      src.error(
          o.v2() ? "dataSourceSpec" : "type",
          "the source type is missing: give "
              + (o.v2() ? "dataSourceSpec.type" : "type")
              + " or "
              + refKey);
      return null;
    }
    Fields s = src.map("spec", true);
    if (s == null) {
      return null;
    }
    String query = s.text("query", false);
    if (query == null) {
      query = s.text("promql", false);
    }
    if (query == null
        && (type == null || type.toLowerCase(java.util.Locale.ROOT).startsWith("prometheus"))) {
      s.error(null, "\"query\" is missing at " + s.path("query"));
      return null;
    }
    return new SliMapping.Metric(type, query, s, query == null ? null : "query");
  }
}
