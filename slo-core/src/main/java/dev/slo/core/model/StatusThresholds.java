package dev.slo.core.model;

import dev.slo.core.ValidationException;

/**
 * Budget-remaining fractions below which an SLO turns WARNING or CRITICAL (firing alert tiers turn
 * it so too). Immutable.
 *
 * @param warningBelow WARNING when the remaining budget fraction is below this; default 0.25
 * @param criticalBelow CRITICAL when the remaining budget fraction is below this; default 0.10
 */
public record StatusThresholds(double warningBelow, double criticalBelow) {
  /** The defaults: WARNING below 25% of budget left, CRITICAL below 10%. */
  public static final StatusThresholds DEFAULT = new StatusThresholds(0.25, 0.10);

  /** Validates {@code 0 <= criticalBelow <= warningBelow <= 1}. */
  public StatusThresholds {
    if (!(criticalBelow >= 0 && criticalBelow <= 1)) {
      throw new ValidationException(
          "critical_budget_remaining", criticalBelow, "use a fraction from 0 to 1");
    }
    if (!(warningBelow >= 0 && warningBelow <= 1)) {
      throw new ValidationException(
          "warning_budget_remaining", warningBelow, "use a fraction from 0 to 1");
    }
    if (warningBelow < criticalBelow) {
      throw new ValidationException(
          "warning_budget_remaining",
          warningBelow,
          "it must not be below critical_budget_remaining " + criticalBelow);
    }
  }
}
