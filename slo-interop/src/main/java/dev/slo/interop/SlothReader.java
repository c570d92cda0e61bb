package dev.slo.interop;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sloth's {@code version: prometheus/v1} files and Kubernetes {@code PrometheusServiceLevel}
 * objects (same fields in camelCase). slo_id is Sloth's id, {@code <service>-<name>}. The period is
 * 30 days unless the file holds a Sloth {@code AlertWindows} document with {@code sloPeriod}.
 * Thread-safe; no state.
 */
final class SlothReader {
  private SlothReader() {}

  /** The Sloth SLOs of one document; {@code period} comes from the file's AlertWindows, or null. */
  static List<Loaded> read(Fields root, boolean k8s, @Nullable Windows windows) {
    Fields top;
    if (k8s) {
      root.rejectUnknown(Set.of("apiVersion", "kind", "metadata", "spec", "status"));
      String kind = root.text("kind", true);
      if (kind != null && !kind.equals("PrometheusServiceLevel")) {
        root.error(
            "kind",
            "\""
                + kind
                + "\" is not a Sloth kind slo reads; use PrometheusServiceLevel (or AlertWindows)");
        return List.of();
      }
      root.map("metadata", true);
      top = root.map("spec", true);
      if (top == null) {
        return List.of();
      }
      top.rejectUnknown(Set.of("service", "labels", "slos", "sloPlugins"));
      plugins(top, "sloPlugins");
    } else {
      root.rejectUnknown(Set.of("version", "service", "labels", "slos", "slo_plugins"));
      plugins(root, "slo_plugins");
      top = root;
    }
    String service = top.text("service", true);
    Map<String, String> fileLabels = top.strings("labels");
    List<Loaded> out = new ArrayList<>();
    for (Fields s : top.items("slos", true)) {
      Loaded l = slo(s, k8s, service, fileLabels, windows == null ? Windows.DEFAULT : windows);
      if (l != null) {
        out.add(l);
      }
    }
    return out;
  }

  private static String k(boolean k8s, String snake) {
    if (!k8s) {
      return snake;
    }
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  private static @Nullable Loaded slo(
      Fields s,
      boolean k8s,
      @Nullable String service,
      Map<String, String> fileLabels,
      Windows windows) {
    TimePeriod period = windows.period();
    s.rejectUnknown(
        Set.of("name", "objective", "description", "labels", "sli", "alerting", "plugins"));
    plugins(s, "plugins");
    String name = s.text("name", true);
    BigDecimal objective = s.number("objective", true);
    if (objective != null
        && !(objective.signum() > 0 && objective.compareTo(BigDecimal.valueOf(100)) < 0)) {
      s.error(
          "objective",
          objective.toPlainString()
              + " is not between 0 and 100 (exclusive); Sloth objectives are percentages, like 99.9");
      objective = null;
    }
    Map<String, String> labels = new LinkedHashMap<>(fileLabels);
    labels.putAll(s.strings("labels"));
    Fields sli = s.map("sli", true);
    String ratioQuery = null;
    if (sli != null) {
      sli.rejectUnknown(Set.of("events", "raw", "plugin"));
      int kinds =
          (sli.has("events") ? 1 : 0) + (sli.has("raw") ? 1 : 0) + (sli.has("plugin") ? 1 : 0);
      if (kinds != 1) {
        sli.error(
            null,
            kinds == 0
                ? "\"events\" is missing at " + sli.path("events") + " (or give raw or plugin)"
                : "give one of events, raw and plugin");
      } else if (sli.has("events")) {
        Fields e = sli.map("events", true);
        if (e != null) { // else reported: not a mapping
          e.rejectUnknown(Set.of(k(k8s, "error_query"), k(k8s, "total_query")));
          String err = e.text(k(k8s, "error_query"), true);
          String total = e.text(k(k8s, "total_query"), true);
          if (err != null && total != null) {
            ratioQuery =
                "1 - (("
                    + PromQl.toNative(err.trim())
                    + ") / ("
                    + PromQl.toNative(total.trim())
                    + "))";
          }
        }
      } else if (sli.has("raw")) {
        Fields r = sli.map("raw", true);
        if (r != null) { // else reported: not a mapping
          r.rejectUnknown(Set.of(k(k8s, "error_ratio_query")));
          String q = r.text(k(k8s, "error_ratio_query"), true);
          if (q != null) {
            ratioQuery = "1 - (" + PromQl.toNative(q.trim()) + ")";
          }
        }
      } else {
        Fields p = sli.map("plugin", true);
        String id = p == null ? null : p.text("id", true);
        if (p != null && id != null) {
          p.warn(
              "id",
              "plugin "
                  + id
                  + " not supported: slo cannot run Sloth SLI plugins, so this SLO has no"
                  + " Prometheus SLI (file or database data only); write its queries under"
                  + " sli.events");
          ratioQuery = "";
        }
      }
    }
    // read (and checked) even when the SLO is incomplete, so that every problem is reported
    SlothAlerting alerting =
        alerting(
            s,
            k8s,
            service == null ? "" : service,
            name == null ? "" : name,
            labels,
            windows.pairs());
    if (name == null || objective == null || service == null || ratioQuery == null) {
      return null;
    }
    try {
      Slo slo =
          Slo.builder()
              .sloId(service + "-" + name)
              .sloName(name)
              .serviceName(service)
              .sloType(dev.slo.core.model.SloType.AVAILABILITY)
              .targetPercentage(objective.doubleValue())
              .timePeriod(period)
              .description(s.text("description", false))
              .sliQuery(ratioQuery)
              .build();
      return new Loaded(
          slo, k8s ? Format.SLOTH_K8S : Format.SLOTH, s.source, s.map.line(), alerting);
    } catch (InvalidInputException | IllegalArgumentException e) {
      s.error("name", e.getMessage());
      return null;
    }
  }

  private static SlothAlerting alerting(
      Fields s,
      boolean k8s,
      String service,
      String name,
      Map<String, String> labels,
      List<SlothAlerting.Window> pairs) {
    Fields a = s.map("alerting", false);
    if (a == null) {
      return new SlothAlerting(
          service, name, labels, null, Map.of(), Map.of(), Map.of(), Map.of(), false, false, pairs);
    }
    a.rejectUnknown(
        Set.of(
            "name",
            "labels",
            "annotations",
            "page_alert",
            "ticket_alert",
            "pageAlert",
            "ticketAlert"));
    Fields page = alert(a, k8s, "page_alert");
    Fields ticket = alert(a, k8s, "ticket_alert");
    for (Fields f : new Fields[] {page, ticket}) {
      if (f != null) {
        f.rejectUnknown(Set.of("labels", "annotations", "disable"));
      }
    }
    return new SlothAlerting(
        service,
        name,
        labels,
        a.text("name", false),
        a.strings("labels"),
        a.strings("annotations"),
        page == null ? Map.of() : page.strings("labels"),
        ticket == null ? Map.of() : ticket.strings("labels"),
        page != null && page.bool("disable", false),
        ticket != null && ticket.bool("disable", false),
        pairs);
  }

  /** The page or ticket alert settings, in the spelling of the form (the other one warned). */
  private static @Nullable Fields alert(Fields a, boolean k8s, String snake) {
    String right = k(k8s, snake);
    String wrong = k(!k8s, snake);
    if (a.has(wrong)) {
      a.warn(
          wrong,
          "read as "
              + right
              + ": this form spells it "
              + right
              + (k8s ? " (a Kubernetes API server would drop " + wrong + ")" : ""));
      return a.map(right, false) != null ? a.map(right, false) : a.map(wrong, false);
    }
    return a.map(right, false);
  }

  /** Sloth's SLO plugins (a chain of rule transformers): reported, not run. */
  private static void plugins(Fields f, String key) {
    Fields p = f.map(key, false);
    if (p == null) {
      return;
    }
    java.util.List<String> ids = new ArrayList<>();
    for (Fields c : p.items("chain", false)) {
      ids.add(c.text("id", false));
    }
    f.warn(
        key,
        "SLO plugins are not supported: the chain "
            + ids
            + " is ignored, so rules and evaluation do not include what it would change");
  }

  /**
   * A file's Sloth period and window pairs.
   *
   * @param period {@code sloPeriod}, 30 days by default
   * @param pairs the page and ticket pairs, empty for Sloth's defaults
   */
  record Windows(TimePeriod period, List<SlothAlerting.Window> pairs) {
    static final Windows DEFAULT = new Windows(TimePeriod.ROLLING_30D, List.of());
  }

  /**
   * A Sloth {@code AlertWindows} document: {@code spec.sloPeriod} and the quick and slow pairs of
   * {@code page} and {@code ticket} ({@code errorBudgetPercent}, {@code shortWindow}, {@code
   * longWindow}). The pairs are used by {@code slo rules --compat sloth}; evaluation and plain
   * rules use slo's tiers scaled to the period (a warning says so).
   */
  static @Nullable Windows alertWindows(Fields root) {
    root.rejectUnknown(Set.of("apiVersion", "kind", "metadata", "spec"));
    Fields spec = root.map("spec", true);
    if (spec == null) {
      return null;
    }
    spec.rejectUnknown(Set.of("sloPeriod", "page", "ticket"));
    String p = spec.text("sloPeriod", true);
    TimePeriod period;
    try {
      period = p == null ? null : TimePeriod.rolling(dev.slo.core.window.DurationText.parse(p));
    } catch (IllegalArgumentException e) {
      spec.error("sloPeriod", e.getMessage());
      return null;
    }
    List<SlothAlerting.Window> pairs = new ArrayList<>();
    for (String sev : List.of("page", "ticket")) {
      Fields f = spec.map(sev, true);
      if (f == null) {
        continue;
      }
      f.rejectUnknown(Set.of("quick", "slow"));
      for (String speed : List.of("quick", "slow")) {
        Fields w = f.map(speed, true);
        if (w == null) {
          continue;
        }
        w.rejectUnknown(Set.of("errorBudgetPercent", "shortWindow", "longWindow"));
        BigDecimal percent = w.number("errorBudgetPercent", true);
        java.time.Duration shortW = windowOf(w, "shortWindow");
        java.time.Duration longW = windowOf(w, "longWindow");
        if (percent != null && shortW != null && longW != null) {
          pairs.add(
              new SlothAlerting.Window(
                  sev.equals("page")
                      ? dev.slo.core.alert.Severity.PAGE
                      : dev.slo.core.alert.Severity.TICKET,
                  percent,
                  shortW,
                  longW));
        }
      }
    }
    spec.warn(
        null,
        "the page and ticket windows are used by `slo rules --compat sloth`; evaluation and"
            + " plain `slo rules` use slo's tiers scaled to sloPeriod (docs/math.md)");
    return period == null ? null : new Windows(period, pairs);
  }

  private static java.time.@Nullable Duration windowOf(Fields w, String key) {
    String t = w.text(key, true);
    if (t == null) {
      return null;
    }
    try {
      return dev.slo.core.window.DurationText.parse(t);
    } catch (IllegalArgumentException e) {
      w.error(key, e.getMessage());
      return null;
    }
  }
}
