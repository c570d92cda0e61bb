package dev.slo.prometheus;

import static dev.slo.prometheus.RuleText.plain;
import static dev.slo.prometheus.RuleText.quote;

import dev.slo.core.alert.AlertPolicy;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.model.Slo;
import dev.slo.core.window.DurationText;
import dev.slo.prometheus.RuleGenerator.PeriodVariant;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The multi-window multi-burn-rate alerting rules of one SLO ({@link AlertPolicy}): one alert per
 * tier and period length, firing while the error ratio over both of the tier's windows is at least
 * its burn rate times the budget, guarded by {@code min_events} and silenced during corrections.
 * Thread-safe; no state.
 */
final class BurnRateAlerts {
  private BurnRateAlerts() {}

  /** The SLO's own tiers, or the default ones for the period's length. */
  static List<AlertTier> tiers(Slo slo, PeriodVariant v) {
    return slo.alertTiers().isEmpty() ? AlertPolicy.tiersFor(v.length()) : slo.alertTiers();
  }

  /** Own tiers do not depend on the period's length: one ungated set of alerts. */
  static List<PeriodVariant> alertVariants(Slo slo, List<PeriodVariant> variants) {
    return slo.alertTiers().isEmpty()
        ? variants
        : List.of(new PeriodVariant(RuleGenerator.ruleperiod(slo), null));
  }

  /**
   * Every alert of the SLO, for each length of its period ({@link #alertVariants}).
   *
   * @param only the tier names to alert on, or null for every tier
   * @param sel the SLO's series selector, {@code {slo_id="..."}}
   * @param unless appended to every expression: the correction silence, or empty
   */
  static void write(
      StringBuilder y,
      Slo slo,
      @Nullable Set<String> only,
      List<PeriodVariant> variants,
      String sel,
      String unless,
      Map<String, Slo> byId) {
    BigDecimal budget = slo.errorBudgetRatio();
    for (PeriodVariant v : alertVariants(slo, variants)) {
      for (AlertTier t : tiers(slo, v)) {
        if (only != null && !only.contains(t.name())) {
          continue;
        }
        alert(y, slo, t, v, sel, budget, minEventsGuard(slo, t.longWindow(), byId) + unless);
      }
    }
  }

  private static void alert(
      StringBuilder y,
      Slo slo,
      AlertTier t,
      PeriodVariant v,
      String sel,
      BigDecimal budget,
      String guards) {
    Duration period = v.length();
    BigDecimal threshold = t.factor().multiply(budget, MathContext.DECIMAL64);
    String pair =
        "("
            + RuleGenerator.ERROR_RATIO_PREFIX
            + DurationText.format(t.longWindow())
            + sel
            + " >= "
            + plain(threshold)
            + ") and ("
            + RuleGenerator.ERROR_RATIO_PREFIX
            + DurationText.format(t.shortWindow())
            + sel
            + " >= "
            + plain(threshold)
            + ")";
    String expr = (v.when() == null ? pair : pair + " and on() " + v.when()) + guards;
    Duration lasts =
        Duration.ofSeconds(
            BigDecimal.valueOf(period.getSeconds())
                .divide(t.factor(), MathContext.DECIMAL64)
                .longValue());
    String spent = t.budgetShare().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    y.append("      - alert: ").append(RuleGenerator.ALERT).append('\n');
    y.append("        expr: ").append(quote(expr)).append('\n');
    y.append("        labels:\n");
    y.append("          severity: ").append(quote(t.severity().label())).append('\n');
    y.append("          tier: ").append(quote(t.name())).append('\n');
    y.append("          slo_id: ").append(quote(slo.sloId())).append('\n');
    y.append("          service: ").append(quote(slo.serviceName())).append('\n');
    y.append(RuleText.periodLabel(v));
    y.append("        annotations:\n");
    y.append("          summary: ")
        .append(
            quote(
                slo.sloName()
                    + groupTemplate(slo)
                    + ": error budget burning at "
                    + plain(t.factor())
                    + "x or more over "
                    + DurationText.format(t.longWindow())
                    + " and "
                    + DurationText.format(t.shortWindow())))
        .append('\n');
    y.append("          description: ")
        .append(
            quote(
                "At "
                    + plain(t.factor())
                    + "x, "
                    + DurationText.format(t.longWindow())
                    + " spends "
                    + spent
                    + " of the "
                    + DurationText.format(period)
                    + " error budget, and the whole budget lasts "
                    + DurationText.formatMinutes(lasts)
                    + "."))
        .append('\n');
  }

  /** For a grouped SLO, the group's labels as alert templates: {@code {route="{{...}}"}}. */
  private static String groupTemplate(Slo slo) {
    if (slo.groupBy().isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (String l : slo.groupBy()) {
      parts.add(l + "=\"{{ $labels." + l + " }}\"");
    }
    return " {" + String.join(", ", parts) + "}";
  }

  /**
   * {@code and on() (sum(increase(total[long])) >= N)} for an SLO with {@code min_events}, so a
   * tier does not fire on a handful of requests; empty without it, or when the SLI (an {@code
   * sli_query} ratio) has no event count to compare.
   */
  static String minEventsGuard(Slo slo, Duration longWindow, Map<String, Slo> byId) {
    if (slo.minEvents() <= 0 || !slo.isComposite()) {
      return minEventsGuard(slo, longWindow);
    }
    // a composite counts the events of the plain SLOs under it, each once (docs/math.md); a
    // component without series counts 0 rather than emptying the sum
    Set<String> leaves = new java.util.LinkedHashSet<>();
    leaves(slo, byId, leaves, new java.util.HashSet<>());
    String range = PrometheusSource.range(longWindow);
    List<String> totals = new ArrayList<>();
    for (String id : leaves) {
      Slo leaf = byId.get(id);
      if (leaf == null || !RuleGenerator.hasPrometheusSli(leaf)) {
        return "";
      }
      SliQueries q = ErrorRatios.of(leaf);
      switch (q.kind()) {
        case COUNTERS ->
            totals.add("(sum(increase(" + q.total() + "[" + range + "])) or vector(0))");
        case QUERIES ->
            totals.add("(sum(" + SliQueries.withWindow(q.total(), range) + ") or vector(0))");
        case RATIO -> {
          return ""; // an sli_query ratio has no event count to add
        }
      }
    }
    return totals.isEmpty()
        ? ""
        : " and on() (" + String.join(" + ", totals) + " >= " + slo.minEvents() + ")";
  }

  private static void leaves(Slo slo, Map<String, Slo> byId, Set<String> out, Set<String> seen) {
    if (!seen.add(slo.sloId())) {
      return;
    }
    if (!slo.isComposite()) {
      out.add(slo.sloId());
      return;
    }
    for (var c : Objects.requireNonNull(slo.composite()).components()) {
      Slo part = byId.get(c.sloId());
      if (part == null) {
        out.add(c.sloId()); // refused by the caller: no rules without every component
      } else {
        leaves(part, byId, out, seen);
      }
    }
  }

  /** The guard of a plain SLO, over its own events (per group for a grouped SLO). */
  static String minEventsGuard(Slo slo, Duration longWindow) {
    if (slo.minEvents() <= 0 || !RuleGenerator.hasPrometheusSli(slo)) {
      return "";
    }
    SliQueries q = ErrorRatios.of(slo);
    String range = PrometheusSource.range(longWindow);
    Grouping g = new Grouping(slo.groupBy());
    String total =
        switch (q.kind()) {
          case COUNTERS -> g.sum("increase(" + q.total() + "[" + range + "])");
          case QUERIES ->
              g.isEmpty()
                  ? "(" + SliQueries.withWindow(q.total(), range) + ")"
                  : g.sum(SliQueries.withWindow(q.total(), range));
          case RATIO -> null;
        };
    return total == null ? "" : " and " + g.on() + " (" + total + " >= " + slo.minEvents() + ")";
  }
}
