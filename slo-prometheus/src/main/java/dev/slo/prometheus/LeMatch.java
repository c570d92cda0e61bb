package dev.slo.prometheus;

import dev.slo.core.InvalidInputException;
import java.util.List;

/** Finds the histogram bucket boundary ({@code le}) equal to a latency threshold. */
final class LeMatch {
  private LeMatch() {}

  /**
   * The {@code le} value, as Prometheus stores it ("0.3", "1", "+Inf"), that equals {@code
   * threshold}; otherwise an error naming the nearest boundaries.
   */
  static String find(String sloId, double threshold, List<String> les) {
    String below = null;
    String above = null;
    double b = Double.NEGATIVE_INFINITY;
    double a = Double.POSITIVE_INFINITY;
    for (String le : les) {
      double v = value(le);
      if (v == threshold) {
        return le;
      }
      if (v < threshold && v > b) {
        b = v;
        below = le;
      }
      if (v > threshold && v < a) {
        a = v;
        above = le;
      }
    }
    throw new InvalidInputException(
        sloId
            + ": latency.threshold "
            + threshold
            + " is not a bucket boundary; the nearest are "
            + (below == null ? "none below" : "le=\"" + below + "\"")
            + " and "
            + (above == null ? "none above" : "le=\"" + above + "\""));
  }

  static double value(String le) {
    if (le.equals("+Inf")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      return Double.parseDouble(le);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
