package dev.slo.core.source;

/**
 * Good and total event counts, exact. Immutable.
 *
 * @param good good events, {@code 0 <= good <= total}
 * @param total all events
 */
public record EventCounts(long good, long total) {
  /** No events. */
  public static final EventCounts ZERO = new EventCounts(0, 0);

  /** Validates {@code 0 <= good <= total}. */
  public EventCounts {
    validate(good, total);
  }

  /** Throws IllegalArgumentException unless {@code 0 <= good <= total}; allocates nothing. */
  static void validate(long good, long total) {
    if (good < 0 || total < 0) {
      throw new IllegalArgumentException(
          "good=" + good + ", total=" + total + ": event counts must not be negative");
    }
    if (good > total) {
      throw new IllegalArgumentException(
          "good=" + good + " exceeds total=" + total + ": good events must not exceed total");
    }
  }

  /** Bad events: {@code total - good}. */
  public long bad() {
    return total - good;
  }

  /** True when there are no events. */
  public boolean isEmpty() {
    return total == 0;
  }

  /** The exact sum; throws ArithmeticException on overflow. */
  public EventCounts plus(EventCounts other) {
    return new EventCounts(Math.addExact(good, other.good), Math.addExact(total, other.total));
  }
}
