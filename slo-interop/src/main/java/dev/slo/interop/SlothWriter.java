package dev.slo.interop;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.StatusThresholds;
import dev.slo.core.model.TimePeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes SLOs as Sloth {@code prometheus/v1} documents, one per service. Sloth counts errors over a
 * 30-day period (its generator's setting) with ratio-of-rate queries; every field it cannot hold is
 * a warning. Thread-safe; no state.
 */
final class SlothWriter {
  private SlothWriter() {}

  static String write(List<Loaded> loaded, Warnings w) {
    Map<String, List<Map<String, Object>>> byService = new LinkedHashMap<>();
    for (Loaded l : loaded) {
      Map<String, Object> slo = slo(l, w);
      if (slo != null) {
        String service = l.sloth() != null ? l.sloth().service() : l.slo().serviceName();
        byService.computeIfAbsent(service, k -> new ArrayList<>()).add(slo);
      }
    }
    List<Map<String, Object>> docs = new ArrayList<>();
    byService.forEach(
        (service, slos) -> {
          Map<String, Object> doc = new LinkedHashMap<>();
          doc.put("version", "prometheus/v1");
          doc.put("service", service);
          doc.put("slos", slos);
          docs.add(doc);
        });
    return Yaml.documents(docs);
  }

  private static @Nullable Map<String, Object> slo(Loaded l, Warnings w) {
    Slo s = l.slo();
    String id = s.sloId();
    Map<String, Object> sli = sli(s);
    if (sli == null) {
      w.dropped(
          id,
          "slo",
          "no Prometheus SLI (file or database data), and a Sloth SLO needs queries; the SLO is left out");
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    String name = l.sloth() != null ? l.sloth().name() : id;
    m.put("name", name);
    m.put("objective", BigDecimal.valueOf(s.targetPercentage()));
    if (!s.description().isEmpty()) {
      m.put("description", s.description());
    }
    if (l.sloth() != null && !l.sloth().labels().isEmpty()) {
      m.put("labels", new java.util.TreeMap<>(l.sloth().labels()));
    }
    m.put("sli", sli);
    m.put("alerting", alerting(l));
    if (l.sloth() == null && !s.sloId().equals(s.serviceName() + "-" + name)) {
      w.approximated(
          id,
          "slo_id",
          "Sloth names an SLO <service>-<name>: it reads back as " + s.serviceName() + "-" + name);
    }
    if (!s.timePeriod().equals(TimePeriod.ROLLING_30D)) {
      w.dropped(
          id,
          "time_period",
          s.timePeriod().name()
              + ": Sloth's period is a generator setting (--default-slo-period or an AlertWindows file), not part of an SLO");
    }
    if (s.budgetingMethod() != BudgetingMethod.OCCURRENCES) {
      w.dropped(id, "budgeting_method", s.budgetingMethod().name() + ": Sloth counts events only");
    }
    if (!s.sloName().equals(name)) {
      w.dropped(id, "slo_name", "\"" + s.sloName() + "\": Sloth has no display name");
    }
    if (!s.timeZone().getId().equals("UTC") && s.timePeriod().isCalendar()) {
      w.dropped(id, "time_zone", s.timeZone().getId());
    }
    if (!s.enabled()) {
      w.dropped(id, "enabled", "false: Sloth has no disabled SLOs");
    }
    if (s.sloType() != SloType.AVAILABILITY) {
      w.dropped(id, "slo_type", s.sloType().name());
    }
    if (s.noData() != NoDataPolicy.IGNORE) {
      w.dropped(id, "no_data", s.noData().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (!s.thresholds().equals(StatusThresholds.DEFAULT)) {
      w.dropped(id, "status_thresholds", "Sloth has no status thresholds");
    }
    if (l.sloth() != null && !l.sloth().windows().isEmpty()) {
      w.dropped(
          id,
          "alert windows",
          "the file's AlertWindows pairs belong in a separate Sloth AlertWindows file"
              + " (--slo-period-windows-path)");
    }
    if (!s.alertTiers().isEmpty()) {
      w.dropped(id, "alert_tiers", "Sloth alerts with its own page and ticket window pairs");
    }
    if (!s.groupBy().isEmpty()) {
      w.dropped(
          id,
          "group_by",
          s.groupBy()
              + ": Sloth has no per-label SLOs; it evaluates one SLO over all groups together");
    }
    return m;
  }

  private static Map<String, Object> alerting(Loaded l) {
    Map<String, Object> a = new LinkedHashMap<>();
    SlothAlerting x = l.sloth();
    if (x == null || x.alertName() != null) {
      a.put("name", x == null ? "SloErrorBudgetBurn" : x.alertName());
    }
    if (x != null && !x.alertLabels().isEmpty()) {
      a.put("labels", new java.util.TreeMap<>(x.alertLabels()));
    }
    if (x != null && !x.alertAnnotations().isEmpty()) {
      a.put("annotations", new java.util.TreeMap<>(x.alertAnnotations()));
    }
    a.put(
        "page_alert",
        alert(
            x == null ? Map.of("severity", "page") : x.pageLabels(),
            x != null && x.pageDisabled()));
    a.put(
        "ticket_alert",
        alert(
            x == null ? Map.of("severity", "ticket") : x.ticketLabels(),
            x != null && x.ticketDisabled()));
    return a;
  }

  private static Map<String, Object> alert(Map<String, String> labels, boolean disabled) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!labels.isEmpty()) {
      m.put("labels", new java.util.TreeMap<>(labels));
    }
    if (disabled) {
      m.put("disable", true);
    }
    return m;
  }

  /** Sloth's sli: events (error and total queries over {{.window}}) or raw; null when none. */
  private static @Nullable Map<String, Object> sli(Slo s) {
    SliDefinition d = s.sli();
    String good = null;
    String bad = null;
    String total = null;
    if (d.latency() != null) {
      LatencySli l = d.latency();
      String inner =
          l.selector().isEmpty() ? "" : l.selector().substring(1, l.selector().length() - 1);
      String le =
          "le=\"" + BigDecimal.valueOf(l.threshold()).stripTrailingZeros().toPlainString() + "\"";
      good = rate(l.histogram() + "_bucket{" + (inner.isBlank() ? "" : inner + ",") + le + "}");
      total = rate(l.histogram() + "_count" + l.selector());
    } else if (d.totalCounter() != null) {
      good = d.goodCounter() == null ? null : rate(d.goodCounter());
      bad = d.badCounter() == null ? null : rate(d.badCounter());
      total = rate(d.totalCounter());
    } else if (d.totalQuery() != null) {
      good = d.goodQuery() == null ? null : PromQl.toSloth(d.goodQuery());
      bad = d.badQuery() == null ? null : PromQl.toSloth(d.badQuery());
      total = PromQl.toSloth(d.totalQuery());
    } else if (PromQl.hasWindow(s.sliQuery())) {
      return Map.of("raw", Map.of("error_ratio_query", errorRatio(PromQl.toSloth(s.sliQuery()))));
    } else {
      return null;
    }
    Map<String, Object> events = new LinkedHashMap<>();
    events.put("error_query", bad != null ? bad : "(" + total + ") - (" + good + ")");
    events.put("total_query", total);
    return Map.of("events", events);
  }

  /** The error ratio of a good-ratio query: {@code 1 - (q)}, or q's inner part if it is that. */
  static String errorRatio(String goodRatio) {
    String q = goodRatio.trim();
    if (q.startsWith("1 - (") && q.endsWith(")")) {
      int depth = 0;
      for (int i = 4; i < q.length(); i++) {
        char c = q.charAt(i);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (depth == 0) {
          if (i == q.length() - 1) {
            return q.substring(5, q.length() - 1);
          }
          break;
        }
      }
    }
    return "1 - (" + q + ")";
  }

  private static String rate(String selector) {
    return "sum(rate(" + selector + "[{{.window}}]))";
  }
}
