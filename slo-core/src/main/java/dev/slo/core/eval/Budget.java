package dev.slo.core.eval;

import dev.slo.core.source.EventCounts;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exact error-budget arithmetic over counts of good and total units (events, or slices) against a
 * budget ratio {@code 1 - target}. Decimals are exact except for divisions, which keep 34
 * significant digits; doubles appear only when a result is printed. Thread-safe; immutable.
 */
final class Budget {
  static final MathContext MC = MathContext.DECIMAL128;

  private final BigDecimal ratio; // 1 - target, e.g. 0.001

  Budget(BigDecimal ratio) {
    this.ratio = ratio;
  }

  BigDecimal ratio() {
    return ratio;
  }

  /** Burn rate: (bad / total) / ratio; zero without units. */
  BigDecimal burn(EventCounts c) {
    if (c.total() == 0) {
      return BigDecimal.ZERO;
    }
    return BigDecimal.valueOf(c.bad()).divide(BigDecimal.valueOf(c.total()).multiply(ratio), MC);
  }

  /** Burn rate of a window that counts as fully bad: 1 / ratio. */
  BigDecimal fullyBadBurn() {
    return BigDecimal.ONE.divide(ratio, MC);
  }

  /** Fraction of the budget consumed: bad / (ratio × total); same number as the burn rate. */
  BigDecimal consumedFraction(EventCounts c) {
    return burn(c);
  }

  /** Budget in units: ratio × total, exact. */
  BigDecimal total(EventCounts c) {
    return ratio.multiply(BigDecimal.valueOf(c.total()));
  }

  /** SLI as a ratio good / total; null without units. */
  static BigDecimal sli(EventCounts c) {
    if (c.total() == 0) {
      return null;
    }
    return BigDecimal.valueOf(c.good()).divide(BigDecimal.valueOf(c.total()), MC);
  }
}
