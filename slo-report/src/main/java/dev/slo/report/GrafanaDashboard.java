package dev.slo.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.json.StatusJson;
import dev.slo.core.model.Slo;
import dev.slo.core.window.DurationText;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Grafana dashboard (JSON model, schema 39) over the recording rules in {@link RuleNames}: per
 * SLO a row with its SLI, error budget remaining, burn rates and alert state. The Prometheus data
 * source is a template variable, so the file imports into any Grafana.
 */
public final class GrafanaDashboard {
  /** The data source template variable that every panel and query uses. */
  static final String DATASOURCE_VAR = "datasource";

  private static final int PANEL_HEIGHT = 8;

  private GrafanaDashboard() {}

  /** The dashboard for the given SLOs, in the order given. */
  static ObjectNode of(List<Slo> slos, String title) {
    ObjectNode d = StatusJson.MAPPER.createObjectNode();
    d.put("title", title);
    d.put("uid", uid(title));
    d.put("schemaVersion", 39);
    d.put("version", 1);
    d.put("editable", true);
    d.put("graphTooltip", 1);
    d.put("refresh", "1m");
    d.putArray("tags").add("slo");
    ObjectNode time = d.putObject("time");
    time.put("from", "now-7d");
    time.put("to", "now");
    // corrections from the rules of `slo rules` (slo:correction_active), drawn as regions
    ObjectNode corrections = d.putObject("annotations").putArray("list").addObject();
    corrections.put("name", "Corrections");
    corrections.set("datasource", datasource());
    corrections.put("enable", true);
    corrections.put("iconColor", "rgba(156, 163, 175, 0.6)");
    corrections.put("expr", "max by (slo_id, correction_id) (slo:correction_active)");
    corrections.put("step", "60s");
    corrections.put("titleFormat", "Correction {{correction_id}}");
    corrections.put("textFormat", "{{slo_id}}");
    corrections.put("tagKeys", "slo_id,correction_id");
    ArrayNode vars = d.putObject("templating").putArray("list");
    ObjectNode ds = vars.addObject();
    ds.put("name", DATASOURCE_VAR);
    ds.put("label", "Data source");
    ds.put("type", "datasource");
    ds.put("query", "prometheus");
    ds.put("refresh", 1);
    ds.put("hide", 0);
    ds.put("regex", "");
    ds.putObject("current");
    ds.putArray("options");
    groupVariables(vars, slos);
    ArrayNode panels = d.putArray("panels");
    int id = 1;
    int y = 0;
    for (Slo slo : slos) {
      ObjectNode row =
          panel(
              panels,
              id++,
              "row",
              slo.sloName() + " (" + slo.sloId() + ")" + groupTitle(slo),
              0,
              y,
              24,
              1);
      row.put("collapsed", false);
      if (!slo.groupBy().isEmpty()) { // one row per value of the first group_by label
        row.put("repeat", slo.groupBy().get(0));
      }
      row.putArray("panels");
      row.remove("datasource");
      y += 1;
      sli(panel(panels, id++, "timeseries", "SLI", 0, y, 8, PANEL_HEIGHT), slo);
      budget(panel(panels, id++, "stat", "Error budget remaining", 8, y, 4, PANEL_HEIGHT), slo);
      burnRates(panel(panels, id++, "timeseries", "Burn rates", 12, y, 8, PANEL_HEIGHT), slo);
      alerts(panel(panels, id++, "state-timeline", "Alerts", 20, y, 4, PANEL_HEIGHT), slo);
      y += PANEL_HEIGHT;
    }
    return d;
  }

  /**
   * The dashboard for a spec: its enabled SLOs with a Prometheus SLI ({@link
   * dev.slo.prometheus.PrometheusSlos#select}), each other one named by a warning on {@code
   * warnings}, as {@link #render}.
   */
  public static String forSpec(
      dev.slo.core.spec.Spec spec, String title, java.util.function.Consumer<String> warnings) {
    return render(dev.slo.prometheus.PrometheusSlos.select(spec.enabled(), warnings), title);
  }

  /** The dashboard as pretty-printed JSON ending with a newline. */
  public static String render(List<Slo> slos, String title) {
    try {
      return StatusJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(of(slos, title))
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sli(ObjectNode p, Slo slo) {
    String id = slo.sloId();
    target(
        p,
        "A",
        "1 - " + select(RuleNames.PERIOD_ERROR_RATIO, slo),
        "SLI over the period" + legend(slo));
    target(
        p,
        "B",
        "1 - " + select(RuleNames.errorRatio(Duration.ofHours(1)), slo),
        "SLI over 1h" + legend(slo));
    target(p, "C", RuleNames.select(RuleNames.OBJECTIVE, id), "objective");
    defaults(p, "percentunit").put("decimals", 3);
  }

  private static void budget(ObjectNode p, Slo slo) {
    target(
        p,
        "A",
        select(RuleNames.PERIOD_BUDGET_REMAINING, slo),
        slo.groupBy().isEmpty() ? "remaining" : legend(slo).trim());
    ObjectNode defaults = defaults(p, "percentunit");
    defaults.put("decimals", 1);
    ObjectNode thresholds = defaults.putObject("thresholds");
    thresholds.put("mode", "absolute");
    ArrayNode steps = thresholds.putArray("steps");
    step(steps, null, "red");
    step(steps, slo.thresholds().criticalBelow(), "orange");
    step(steps, slo.thresholds().warningBelow(), "green");
    ObjectNode options = p.putObject("options");
    options.put("colorMode", "background");
    options.put("graphMode", "area");
    options.putObject("reduceOptions").putArray("calcs").add("lastNotNull");
  }

  private static void burnRates(ObjectNode p, Slo slo) {
    String budget = slo.errorBudgetRatio().stripTrailingZeros().toPlainString();
    String ref = "A";
    for (Duration w : RuleNames.WINDOWS) {
      target(
          p,
          ref,
          select(RuleNames.errorRatio(w), slo) + " / " + budget,
          DurationText.format(w) + legend(slo));
      ref = String.valueOf((char) (ref.charAt(0) + 1));
    }
    ObjectNode defaults = defaults(p, "suffix:x");
    defaults.put("decimals", 2);
    defaults.putObject("custom").putObject("thresholdsStyle").put("mode", "dashed");
    ObjectNode thresholds = defaults.putObject("thresholds");
    thresholds.put("mode", "absolute");
    ArrayNode steps = thresholds.putArray("steps");
    step(steps, null, "green");
    step(steps, 1.0, "red");
  }

  private static void alerts(ObjectNode p, Slo slo) {
    String by = slo.groupBy().isEmpty() ? "" : ", " + String.join(", ", slo.groupBy());
    target(
        p,
        "A",
        String.format(
            Locale.ROOT,
            "sum by (alertname, severity%s) (%s{%s=\"%s\"%s, alertstate=\"firing\"})",
            by,
            RuleNames.ALERTS,
            RuleNames.SLO_ID,
            slo.sloId(),
            matchers(slo)),
        "{{alertname}} ({{severity}})" + legend(slo));
    ObjectNode defaults = defaults(p, "none");
    ObjectNode mapping = defaults.putArray("mappings").addObject();
    mapping.put("type", "value");
    ObjectNode firing = mapping.putObject("options").putObject("1");
    firing.put("text", "FIRING");
    firing.put("color", "red");
    p.putObject("options").put("showValue", "never");
  }

  /**
   * One query variable per {@code group_by} label of the grouped SLOs, listing the values the
   * period rule has ({@code label_values(slo:period_sli_error:ratio, route)}); multi-valued, All by
   * default. Only grouped SLOs' rules keep such labels, since the others sum them away.
   */
  private static void groupVariables(ArrayNode vars, List<Slo> slos) {
    Set<String> labels = new LinkedHashSet<>();
    slos.forEach(s -> labels.addAll(s.groupBy()));
    for (String label : labels) {
      ObjectNode v = vars.addObject();
      v.put("name", label);
      v.put("label", label);
      v.put("type", "query");
      v.set("datasource", datasource());
      v.put("query", "label_values(" + RuleNames.PERIOD_ERROR_RATIO + ", " + label + ")");
      v.put("refresh", 2);
      v.put("sort", 1);
      v.put("multi", true);
      v.put("includeAll", true);
      v.put("hide", 0);
      ObjectNode current = v.putObject("current");
      current.putArray("text").add("All");
      current.putArray("value").add("$__all");
      v.putArray("options");
    }
  }

  /** A selector of one SLO's series, narrowed to the chosen groups when it is grouped. */
  private static String select(String name, Slo slo) {
    String one = RuleNames.select(name, slo.sloId());
    return one.substring(0, one.length() - 1) + matchers(slo) + "}";
  }

  /** {@code , route=~"$route"} per group_by label; empty for an ungrouped SLO. */
  private static String matchers(Slo slo) {
    StringBuilder b = new StringBuilder();
    for (String l : slo.groupBy()) {
      b.append(", ").append(l).append("=~\"$").append(l).append('"');
    }
    return b.toString();
  }

  /** The group in a legend: {@code {{route}}}; empty for an ungrouped SLO. */
  private static String legend(Slo slo) {
    StringBuilder b = new StringBuilder();
    for (String l : slo.groupBy()) {
      b.append(" {{").append(l).append("}}");
    }
    return b.toString();
  }

  /** The row title's group: {@code route=$route}; empty for an ungrouped SLO. */
  private static String groupTitle(Slo slo) {
    StringBuilder b = new StringBuilder();
    for (String l : slo.groupBy()) {
      b.append(' ').append(l).append("=$").append(l);
    }
    return b.toString();
  }

  private static ObjectNode panel(
      ArrayNode panels, int id, String type, String title, int x, int y, int w, int h) {
    ObjectNode p = panels.addObject();
    p.put("id", id);
    p.put("type", type);
    p.put("title", title);
    p.set("datasource", datasource());
    ObjectNode grid = p.putObject("gridPos");
    grid.put("x", x);
    grid.put("y", y);
    grid.put("w", w);
    grid.put("h", h);
    return p;
  }

  private static void target(ObjectNode panel, String ref, String expr, String legend) {
    ArrayNode targets =
        panel.has("targets") ? (ArrayNode) panel.get("targets") : panel.putArray("targets");
    ObjectNode t = targets.addObject();
    t.put("refId", ref);
    t.set("datasource", datasource());
    t.put("expr", expr);
    t.put("legendFormat", legend);
  }

  private static ObjectNode defaults(ObjectNode panel, String unit) {
    ObjectNode fieldConfig = panel.putObject("fieldConfig");
    ObjectNode defaults = fieldConfig.putObject("defaults");
    fieldConfig.putArray("overrides");
    defaults.put("unit", unit);
    return defaults;
  }

  private static void step(ArrayNode steps, @Nullable Double value, String color) {
    ObjectNode s = steps.addObject();
    if (value == null) {
      s.putNull("value");
    } else {
      s.put("value", value);
    }
    s.put("color", color);
  }

  private static ObjectNode datasource() {
    ObjectNode ds = StatusJson.MAPPER.createObjectNode();
    ds.put("type", "prometheus");
    ds.put("uid", "${" + DATASOURCE_VAR + "}");
    return ds;
  }

  /** A Grafana uid (at most 40 characters of a-z, 0-9, '-') from the title. */
  static String uid(String title) {
    String slug =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    slug = slug.isEmpty() ? "slo" : slug;
    return slug.length() > 40 ? slug.substring(0, 40) : slug;
  }
}
