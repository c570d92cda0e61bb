package dev.slo.core.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A left-open, right-closed time interval {@code (start, end]}: an event at {@code t} belongs to it
 * when {@code start < t <= end}, as in Prometheus range selectors. Immutable.
 *
 * @param start exclusive start
 * @param end inclusive end, not before {@code start}
 */
public record Window(Instant start, Instant end) {

  /** Validates that both ends are present and {@code start <= end}. */
  public Window {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.isAfter(end)) {
      throw new IllegalArgumentException(
          "window start " + start + " is after its end " + end + "; start must not be after end");
    }
  }

  /** The window of the given length that ends at {@code end}. */
  public static Window ending(Instant end, Duration length) {
    return new Window(end.minus(length), end);
  }

  /** The window's length. */
  public Duration length() {
    return Duration.between(start, end);
  }

  /** True when {@code start < t <= end}. */
  public boolean contains(Instant t) {
    return t.isAfter(start) && !t.isAfter(end);
  }

  // written out: a record's generated equals and hashCode bootstrap method handles on first use,
  // milliseconds of a short command's start (windows are map keys in every evaluation)
  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof Window w && start.equals(w.start) && end.equals(w.end);
  }

  @Override
  public int hashCode() {
    return 31 * start.hashCode() + end.hashCode();
  }

  @Override
  public String toString() {
    return "(" + start + ", " + end + "]";
  }
}
