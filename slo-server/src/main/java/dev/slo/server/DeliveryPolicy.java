package dev.slo.server;

import java.time.Duration;

/**
 * How webhook and Alertmanager bodies are delivered. Immutable.
 *
 * @param capacity queued bodies at most
 * @param attempts tries per body, at least 1
 * @param backoff wait before the first retry, doubled after each failure, at most 30 s
 * @param timeout per-request timeout
 */
public record DeliveryPolicy(int capacity, int attempts, Duration backoff, Duration timeout) {
  /** The CLI's defaults: 1000 queued, 5 tries, 1 s first backoff, 10 s timeout. */
  public static final DeliveryPolicy DEFAULT =
      new DeliveryPolicy(1000, 5, Duration.ofSeconds(1), Duration.ofSeconds(10));

  /** Validates positive values. */
  public DeliveryPolicy {
    if (capacity < 1 || attempts < 1) {
      throw new IllegalArgumentException(
          capacity + "/" + attempts + " is not a valid capacity/attempts: use at least 1");
    }
    if (backoff == null
        || backoff.isNegative()
        || timeout == null
        || timeout.isNegative()
        || timeout.isZero()) {
      throw new IllegalArgumentException(
          backoff + "/" + timeout + " is not a valid backoff/timeout: use positive durations");
    }
  }
}
