package dev.slo.core.alert;

import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * One multi-window burn-rate alert tier: it fires when the burn rate over both the long and the
 * short window is at least {@code factor}. Immutable.
 *
 * @param name stable name, e.g. {@code page_1h_5m}
 * @param severity page or ticket
 * @param longWindow the window that measures budget spent
 * @param shortWindow the window that confirms the burn is still going on
 * @param factor the burn rate threshold, exact: budget share × period / long window
 * @param budgetShare the fraction of the period's budget spent by burning at {@code factor} for the
 *     long window, e.g. 0.02
 */
public record AlertTier(
    String name,
    Severity severity,
    Duration longWindow,
    Duration shortWindow,
    BigDecimal factor,
    BigDecimal budgetShare) {

  /** Validates positive windows, the short one not longer than the long one, a positive factor. */
  public AlertTier {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(severity, "severity");
    if (longWindow.isNegative()
        || longWindow.isZero()
        || shortWindow.isNegative()
        || shortWindow.isZero()) {
      throw new IllegalArgumentException(
          DurationText.format(longWindow)
              + "/"
              + DurationText.format(shortWindow)
              + " are not valid alert windows: both must be positive");
    }
    if (shortWindow.compareTo(longWindow) > 0) {
      throw new IllegalArgumentException(
          shortWindow
              + " is not a valid short window: it is longer than the long window "
              + longWindow);
    }
    if (factor.signum() <= 0) {
      throw new IllegalArgumentException(factor + " is not a valid burn-rate factor: use > 0");
    }
  }

  /** The factor as a double, for printing and rule files. */
  public double factorValue() {
    return factor.doubleValue();
  }
}
