package dev.slo.core.correction;

import dev.slo.core.source.EventCounts;
import java.time.Duration;
import java.util.List;

/**
 * What corrections removed from one evaluated period. Immutable.
 *
 * @param events the good and total events removed (for timeslices, those of the excluded slices)
 * @param slices timeslices excluded whole; 0 for occurrences
 * @param correctedDuration the length of the merged correction intervals inside the period
 * @param applied the corrections with an occurrence in the period
 */
public record Exclusion(
    EventCounts events,
    long slices,
    Duration correctedDuration,
    List<Corrections.Applied> applied) {
  /** Nothing excluded. */
  public static final Exclusion NONE = new Exclusion(EventCounts.ZERO, 0, Duration.ZERO, List.of());

  /** Copies the list. */
  public Exclusion {
    applied = List.copyOf(applied);
  }

  /** True when no correction touched the period. */
  public boolean isEmpty() {
    return applied.isEmpty();
  }
}
