package dev.slo.core.eval;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact decimal-to-double conversion without the string round trip. On Java 17 {@link
 * BigDecimal#doubleValue()} formats any decimal with more than 52 bits of unscaled value and parses
 * the string back, which dominated the cost of an evaluation (its 34-digit quotients take that
 * path). {@link #toDouble} returns exactly the same double: the value correctly rounded to nearest,
 * ties to even.
 */
final class Decimals {
  private static final int MAX_SCALE = 64;
  private static final BigInteger[] POW10 = new BigInteger[MAX_SCALE + 1];

  static {
    POW10[0] = BigInteger.ONE;
    for (int i = 1; i <= MAX_SCALE; i++) {
      POW10[i] = POW10[i - 1].multiply(BigInteger.TEN);
    }
  }

  private Decimals() {}

  /** {@code x.doubleValue()}, bit for bit, computed with one integer division. */
  static double toDouble(BigDecimal x) {
    int scale = x.scale();
    if (x.signum() == 0 || scale <= 0 || scale > MAX_SCALE) {
      return x.doubleValue(); // exact cheaply, or rare here
    }
    BigInteger u = x.unscaledValue().abs();
    if (u.bitLength() <= 52 && scale < 23) {
      return x.doubleValue(); // the JDK's own exact fast path: one double division
    }
    // x = u / 10^scale. Scale numerator or denominator by 2^k so the integer quotient has 55 or 56
    // bits: more than the 53 a double keeps plus a rounding bit, so folding a non-zero remainder
    // into the lowest bit (sticky) keeps the long-to-double conversion correctly rounded.
    BigInteger num = u;
    BigInteger den = POW10[scale];
    int k = 55 + den.bitLength() - u.bitLength();
    if (k > 0) {
      num = num.shiftLeft(k);
    } else if (k < 0) {
      den = den.shiftLeft(-k);
    }
    BigInteger[] qr = num.divideAndRemainder(den);
    long q = qr[0].longValueExact();
    if (qr[1].signum() != 0) {
      q |= 1;
    }
    double r = Math.scalb((double) q, -k); // exact while the result is a normal double
    if (!(r > Double.MIN_NORMAL) || Double.isInfinite(r)) {
      return x.doubleValue();
    }
    return x.signum() < 0 ? -r : r;
  }
}
