package dev.slo.core.tracker;

import dev.slo.core.source.EventCounts;
import java.time.Instant;
import java.util.Objects;

/**
 * The events one tracker step holds, as a data-file row would carry them: timestamped at the step's
 * end, or at the tracker's current instant for the open step. Immutable.
 *
 * @param timestamp the step's end, or now for the open step
 * @param counts good and total events of the step
 * @param open true for the step still being counted
 */
public record StepCount(Instant timestamp, EventCounts counts, boolean open) {
  /** Validates that both fields are present. */
  public StepCount {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(counts, "counts");
  }
}
