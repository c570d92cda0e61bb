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
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

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

  /**
   * {@code burn(c).compareTo(factor) >= 0}, usually without the division. With x = p / q the exact
   * burn rate (as in {@link #burnDouble}) and factor = F / 10^s of at most 34 digits: if x >=
   * factor then its 34-digit rounding is too (rounding is monotone and keeps the factor); if x <
   * factor then factor - x >= 1 / (10^s × q), while rounding moves x by at most 0.5e-33 × x <
   * 0.5e-33 × F / 10^s, which is less whenever F × q < 2e33: so comparing p × 10^s with F × q
   * (exact in 128 bits) decides it.
   */
  boolean reaches(EventCounts c, BigDecimal factor) {
    if (c.total() == 0) {
      return factor.signum() <= 0;
    }
    long f = 0;
    long pow = 0;
    if (ratioPow != 0 && factor.signum() > 0 && factor.precision() <= 34) {
      int s = factor.scale();
      java.math.BigInteger u = factor.unscaledValue();
      if (s >= 0 && s <= 18 && u.bitLength() < 63) {
        f = u.longValue();
        pow = POW10[s];
      } else if (s < 0 && s >= -18 && u.bitLength() < 63) {
        f = Math.multiplyHigh(u.longValue(), POW10[-s]) == 0 ? u.longValue() * POW10[-s] : 0;
        pow = f > 0 ? 1 : 0;
      }
    }
    long bad = c.bad();
    long total = c.total();
    if (pow != 0 && bad < EXACT / ratioPow && total < EXACT / ratioUnscaled) {
      long p = bad * ratioPow;
      long q = total * ratioUnscaled;
      long rightHigh = Math.multiplyHigh(f, q);
      if (rightHigh < (1L << 46)) { // F × q < 2^110 < 2e33
        long leftHigh = Math.multiplyHigh(p, pow);
        if (leftHigh != rightHigh) {
          return leftHigh > rightHigh;
        }
        return Long.compareUnsigned(p * pow, f * q) >= 0;
      }
    }
    return burn(c).compareTo(factor) >= 0;
  }

  /**
   * The SLI in percent as {@code Decimals.toDouble(sli(c).movePointRight(2))}, bit for bit, with
   * one double division while 100 × good and total are below 2^53: the 34-digit rounding of 100 ×
   * good / total lies on the same side of every halfway point between doubles as the quotient
   * itself (the argument of {@link #burnDouble}). Null without units.
   */
  static @Nullable Double sliPercent(EventCounts c) {
    if (c.total() == 0) {
      return null;
    }
    if (c.good() < EXACT / 100 && c.total() < EXACT) {
      return (double) (c.good() * 100) / (double) c.total();
    }
    BigDecimal sli = java.util.Objects.requireNonNull(sli(c), "sli");
    return Decimals.toDouble(sli.movePointRight(2));
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
