package dev.slo.core.model;

import dev.slo.core.ValidationException;

/**
 * A latency SLI over a Prometheus histogram: good events are the {@code _bucket} counter at {@code
 * le} equal to {@code threshold}, total events the {@code _count} counter. Immutable.
 *
 * @param histogram the histogram's base name, e.g. {@code http_request_duration_seconds}
 * @param threshold the latency threshold in the histogram's unit; must be a bucket boundary
 * @param selector label matchers in braces, e.g. <code>{service="checkout"}</code>, or empty
 */
public record LatencySli(String histogram, double threshold, String selector) {
  /** Validates a non-blank metric name, a positive finite threshold and a braced selector. */
  public LatencySli {
    if (histogram == null || !histogram.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
      throw new ValidationException("latency.histogram", histogram, "use a Prometheus metric name");
    }
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new ValidationException("latency.threshold", threshold, "use a positive number");
    }
    selector = selector == null ? "" : selector.trim();
    if (!selector.isEmpty() && !(selector.startsWith("{") && selector.endsWith("}"))) {
      throw new ValidationException("latency.selector", selector, "write label matchers in braces");
    }
  }
}
