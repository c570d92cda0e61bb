package dev.slo.core.eval;

import dev.slo.core.source.EventCounts;
import org.jspecify.annotations.Nullable;

/**
 * A 95% Wilson score interval on an SLI, in percent: where the true good ratio lies given {@code
 * good} of {@code total} observed events. Narrow with many events, wide with few, never outside [0,
 * 100]. Immutable.
 *
 * @param lowerPercent the lower bound, 0 to 100
 * @param upperPercent the upper bound, 0 to 100
 */
public record SliInterval(double lowerPercent, double upperPercent) {
  /** z for a two-sided 95% interval. */
  static final double Z = 1.959963984540054;

  /** The interval for {@code counts}; null without events. */
  public static @Nullable SliInterval wilson(EventCounts counts) {
    long n = counts.total();
    if (n <= 0) {
      return null;
    }
    double p = (double) counts.good() / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double center = (p + z2 / (2.0 * n)) / denominator;
    double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    double lo = Math.max(0, center - half);
    double hi = Math.min(1, center + half);
    return new SliInterval(100 * lo, 100 * hi);
  }
}
