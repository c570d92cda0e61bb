package dev.slo.server;

import dev.slo.core.ValidationException;
import dev.slo.core.window.DurationText;
import java.time.Duration;

/**
 * The user-settable bounds of a fleet's outbox (docs/serve.md, "Outbox bounds"): undelivered events
 * older than {@code outbox_max_age}, or beyond the newest {@code outbox_max_events}, are abandoned
 * and counted. Validated here so that the library and {@code slo serve --outbox-max-age/
 * --outbox-max-events} refuse the same values.
 */
final class OutboxBounds {
  static final Duration MIN_AGE = Duration.ofMinutes(1);
  static final Duration MAX_AGE = Duration.ofDays(365);
  static final int MAX_EVENTS = 100_000_000;

  private OutboxBounds() {}

  /**
   * {@code limits} with the age and size bounds replaced.
   *
   * @throws ValidationException for {@code outbox_max_age} outside 1m to 365d, or {@code
   *     outbox_max_events} outside 1 to 100,000,000
   */
  static OutboxSender.Limits apply(OutboxSender.Limits limits, Duration maxAge, int maxEvents) {
    if (maxAge == null) {
      throw ValidationException.required("outbox_max_age");
    }
    if (maxAge.compareTo(MIN_AGE) < 0 || maxAge.compareTo(MAX_AGE) > 0) {
      throw new ValidationException(
          "outbox_max_age",
          maxAge.isNegative() ? maxAge.toString() : DurationText.format(maxAge),
          "use 1m to 365d");
    }
    if (maxEvents < 1 || maxEvents > MAX_EVENTS) {
      throw new ValidationException("outbox_max_events", maxEvents, "use 1 to 100000000");
    }
    return new OutboxSender.Limits(maxAge, maxEvents, limits.keepFinished(), limits.poll());
  }
}
