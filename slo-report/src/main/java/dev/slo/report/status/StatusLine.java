package dev.slo.report.status;

import dev.slo.core.FixedPoint;
import dev.slo.core.eval.Evaluation;
import java.util.Objects;
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
          ", SLI "
              + Renderer.percent(Objects.requireNonNull(e.currentSliPercent(), "the SLI"))
              + " vs target "
              + Renderer.percent(e.targetSliPercent())
              + ", "
              + FixedPoint.format(e.errorBudgetRemaining() * 100, 1)
              + "% of the error budget left");
    }
    if (!e.alerts().isEmpty()) {
      sb.append(", firing: ")
          .append(
              e.alerts().stream()
                  .map(
                      a ->
                          a.tier().name()
                              + " (burn "
                              + FixedPoint.format(a.burnRateLong(), 2)
                              + "x/"
                              + FixedPoint.format(a.burnRateShort(), 2)
                              + "x >= "
                              + a.tier().factor().toPlainString()
                              + ")")
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
