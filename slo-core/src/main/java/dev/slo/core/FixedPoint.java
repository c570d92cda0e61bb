package dev.slo.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers with a fixed count of decimals, as {@code String.format(Locale.ROOT, "%.Nf", v)} prints
 * them (the shortest decimal digits of the double, rounded half up; {@code -0.0} keeps its sign;
 * {@code NaN}, {@code Infinity}), without {@link java.util.Formatter}: its first use sets up locale
 * data, about 20 ms of a short command's start. Thread-safe.
 */
public final class FixedPoint {
  private FixedPoint() {}

  /**
   * {@code v} with exactly {@code places} decimals.
   *
   * @param places 0 or more
   */
  public static String format(double v, int places) {
    if (places < 0) {
      throw new IllegalArgumentException("places " + places + ": must be 0 or more");
    }
    if (Double.isNaN(v)) {
      return "NaN";
    }
    boolean negative = Double.compare(v, 0.0) < 0;
    if (Double.isInfinite(v)) {
      return negative ? "-Infinity" : "Infinity";
    }
    String digits =
        new BigDecimal(Double.toString(Math.abs(v)))
            .setScale(places, RoundingMode.HALF_UP)
            .toPlainString();
    return negative ? "-" + digits : digits;
  }

  /** {@code v} with at most {@code places} decimals: trailing zeros and a bare point dropped. */
  public static String trimmed(double v, int places) {
    String s = format(v, places);
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** {@code text} padded with spaces on the right to {@code width} characters ({@code %-Ns}). */
  public static String padRight(String text, int width) {
    int pad = width - text.length();
    return pad <= 0 ? text : text + " ".repeat(pad);
  }
}
