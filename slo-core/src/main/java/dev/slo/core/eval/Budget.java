package dev.slo.core.eval;

import dev.slo.core.source.EventCounts;
import java.math.BigDecimal;
import java.math.MathContext;
import org.jspecify.annotations.Nullable;

/**
 * Exact error-budget arithmetic over counts of good and total units (events, or slices) against a
 * budget ratio {@code 1 - target}. Decimals are exact except for divisions, which keep 34
 * significant digits; doubles appear only when a result is printed. Thread-safe; immutable.
 */
final class Budget {
  static final MathContext MC = MathContext.DECIMAL128;

  private static final long EXACT = 1L << 53; // integers below this are exact doubles

  private final BigDecimal ratio; // 1 - target, e.g. 0.001
  private final long ratioUnscaled; // ratio = ratioUnscaled / ratioPow, when both are exact doubles
  private final long ratioPow; // 10^scale; 0 when the ratio is not of that form

  Budget(BigDecimal ratio) {
    this.ratio = ratio;
    int scale = ratio.scale();
    long pow = 0;
    long u = 0;
    if (scale >= 0 && scale <= 15 && ratio.signum() > 0 && ratio.unscaledValue().bitLength() < 53) {
      pow = BigDecimal.ONE.movePointRight(scale).longValueExact();
      u = ratio.unscaledValue().longValueExact();
    }
    this.ratioPow = pow;
    this.ratioUnscaled = u;
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

  /**
   * {@code Decimals.toDouble(burn(c))}, bit for bit, usually with one double division. The burn
   * rate is the rational p / q with p = bad × 10^scale and q = total × unscaled ratio. When both
   * are below 2^53 they are exact doubles, so {@code (double) p / q} is the quotient correctly
   * rounded; and rounding to 34 digits first cannot change which double is nearest: p / q is never
   * exactly halfway between two doubles (that would need a 54-bit odd numerator) and lies at least
   * 2^-107 (relative) from every such halfway point, far more than 34-digit rounding moves it.
   */
  double burnDouble(EventCounts c) {
    if (c.total() == 0) {
      return 0.0;
    }
    if (ratioPow != 0) {
      long bad = c.bad();
      long total = c.total();
      if (bad < EXACT / ratioPow && total < EXACT / ratioUnscaled) {
        return (double) (bad * ratioPow) / (double) (total * ratioUnscaled);
      }
    }
    return Decimals.toDouble(burn(c));
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
  static @Nullable BigDecimal sli(EventCounts c) {
    if (c.total() == 0) {
      return null;
    }
    return BigDecimal.valueOf(c.good()).divide(BigDecimal.valueOf(c.total()), MC);
  }
}
