package dev.slo.prometheus;

import static dev.slo.prometheus.RuleText.labels;
import static dev.slo.prometheus.RuleText.periodLabel;
import static dev.slo.prometheus.RuleText.plain;
import static dev.slo.prometheus.RuleText.quote;
import static dev.slo.prometheus.RuleText.record;

import dev.slo.core.alert.AlertTier;
import dev.slo.core.correction.Correction;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.window.DurationText;
import dev.slo.core.window.Window;
import dev.slo.prometheus.RuleGenerator.PeriodVariant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One SLO's group of a rule file: the error-ratio recording rules for every window its evaluation
 * and its alert tiers read and for its period (one per length a calendar period can have), the
 * metadata rules, the rules that say when a correction is active, and then its alerts ({@link
 * BurnRateAlerts}). Thread-safe; no state.
 */
final class SloRuleGroup {
  private SloRuleGroup() {}

  /**
   * Appends the SLO's group.
   *
   * @param only the tier names to alert on, or null for every tier
   * @param cs the SLO's corrections: each one PromQL can express silences its alerts
   * @param horizon how far a correction without a periodic PromQL form is written as occurrences
   *     (null: left out)
   * @param byId every SLO by id, for a composite's components
   */
  static void write(
      StringBuilder y,
      Slo slo,
      @Nullable Set<String> only,
      List<Correction> cs,
      @Nullable Window horizon,
      Map<String, Slo> byId) {
    SliQueries q = slo.isComposite() ? null : ErrorRatios.of(slo);
    List<PeriodVariant> variants = RuleGenerator.periodVariants(slo);
    Set<Duration> windows = new TreeSet<>(Evaluator.BURN_WINDOWS);
    for (PeriodVariant v : BurnRateAlerts.alertVariants(slo, variants)) {
      for (AlertTier t : BurnRateAlerts.tiers(slo, v)) {
        windows.add(t.longWindow());
        windows.add(t.shortWindow());
      }
    }
    String labels = labels(slo);
    String sel = "{slo_id=" + quote(slo.sloId()) + "}";
    Grouping g = new Grouping(slo.groupBy());
    BigDecimal budget = slo.errorBudgetRatio();
    y.append("  - name: ").append(quote("slo-" + slo.sloId())).append("\n    rules:\n");
    for (Duration w : windows) {
      String name = RuleGenerator.ERROR_RATIO_PREFIX + DurationText.format(w);
      record(
          y,
          name,
          q == null
              ? ErrorRatios.compositeErrorRatio(slo, byId, name)
              : ErrorRatios.errorRatio(q, w, g),
          labels);
    }
    if (q == null) { // components share the period: their active period rule is combined
      record(
          y,
          RuleGenerator.PERIOD_ERROR_RATIO,
          ErrorRatios.compositeErrorRatio(slo, byId, RuleGenerator.PERIOD_ERROR_RATIO),
          labels);
    }
    for (PeriodVariant v : q == null ? List.<PeriodVariant>of() : variants) {
      record(
          y,
          RuleGenerator.PERIOD_ERROR_RATIO,
          gated(ErrorRatios.errorRatio(Objects.requireNonNull(q), v.length(), g), v.when()),
          labels + periodLabel(v));
    }
    record(
        y,
        RuleGenerator.OBJECTIVE,
        "vector(" + plain(BigDecimal.ONE.subtract(budget)) + ")",
        labels);
    record(y, RuleGenerator.ERROR_BUDGET, "vector(" + plain(budget) + ")", labels);
    record(
        y,
        RuleGenerator.PERIOD_BUDGET_REMAINING,
        "1 - (" + RuleGenerator.PERIOD_ERROR_RATIO + sel + " / " + plain(budget) + ")",
        labels);
    boolean silenced = false;
    for (Correction c : cs) {
      String active = CorrectionRules.of(c, horizon).promql();
      if (active != null) {
        record(
            y,
            CorrectionRules.ACTIVE,
            active,
            labels + "          correction_id: " + quote(c.id()) + "\n");
        silenced = true;
      }
    }
    String unless = silenced ? " unless on() " + CorrectionRules.ACTIVE + sel : "";
    BurnRateAlerts.write(y, slo, only, variants, sel, unless, byId);
  }

  /** The expression, yielding samples only while {@code when} holds (always when null). */
  private static String gated(String expr, @Nullable String when) {
    return when == null ? expr : "(" + expr + ") and on() " + when;
  }
}
