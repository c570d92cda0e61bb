package dev.slo.core.eval;

/**
 * A least-squares line through points added one at a time, with an intercept. Keeps running means
 * and centred sums of squares and products (each new point's deviation from the means so far,
 * weighted by {@code n / (n + 1)}), so large x offsets such as epoch seconds lose no precision. Not
 * thread-safe: one per fit.
 */
final class TrendLine {
  private long n;
  private double sumX;
  private double sumY;
  private double meanX;
  private double meanY;
  private double centredXx;
  private double centredXy;

  /** Adds the point {@code (x, y)}. */
  void add(double x, double y) {
    if (n == 0) {
      meanX = x;
      meanY = y;
    } else {
      double weight = n / (n + 1.0);
      double dx = x - meanX;
      double dy = y - meanY;
      centredXx += dx * dx * weight;
      centredXy += dx * dy * weight;
      meanX += dx / (n + 1.0);
      meanY += dy / (n + 1.0);
    }
    sumX += x;
    sumY += y;
    n++;
  }

  /** The slope; NaN for fewer than two points or when every x is the same. */
  double slope() {
    if (n < 2 || Math.abs(centredXx) < 10 * Double.MIN_VALUE) {
      return Double.NaN;
    }
    return centredXy / centredXx;
  }

  /** The value at x = 0; NaN when the slope is. */
  double intercept() {
    return (sumY - slope() * sumX) / n;
  }
}
