package dev.slo.report.status;

import dev.slo.core.eval.Evaluation;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why an SLO has its status, in one line ({@code slo check} prints it after the SLO's id): the
 * status, the SLI against the target and the budget left, the firing tiers with their burn rates,
 * when the budget runs out, and what corrections removed. Thread-safe; no state.
 */
public final class StatusLine {
  private StatusLine() {}

  /**
   * The line, e.g. {@code CRITICAL, SLI 99.5% vs target 99.9%, -400.0% of the error budget left,
   * firing: page_1h_5m (burn 20.00x/20.00x >= 14.4)}.
   */
  public static String of(Evaluation e) {
    StringBuilder sb = new StringBuilder(e.status().name());
    if (e.noData()) {
      sb.append(", no data in the period");
    } else {
      sb.append(
          String.format(
              Locale.ROOT,
              ", SLI %s vs target %s, %.1f%% of the error budget left",
              Renderer.percent(e.currentSliPercent()),
              Renderer.percent(e.targetSliPercent()),
              e.errorBudgetRemaining() * 100));
    }
    if (!e.alerts().isEmpty()) {
      sb.append(", firing: ")
          .append(
              e.alerts().stream()
                  .map(
                      a ->
                          String.format(
                              Locale.ROOT,
                              "%s (burn %.2fx/%.2fx >= %s)",
                              a.tier().name(),
                              a.burnRateLong(),
                              a.burnRateShort(),
                              a.tier().factor().toPlainString()))
                  .collect(Collectors.joining(", ")));
    }
    if (e.timeToExhaustionText() != null && !e.timeToExhaustionText().equals("0s")) {
      sb.append(", budget gone in ").append(e.timeToExhaustionText());
    }
    if (!e.exclusion().isEmpty()) {
      sb.append(", ").append(Renderer.excluded(e));
    }
    return sb.toString();
  }
}
