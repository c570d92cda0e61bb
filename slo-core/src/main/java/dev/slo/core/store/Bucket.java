package dev.slo.core.store;

import dev.slo.core.source.EventCounts;
import java.time.Instant;
import java.util.Objects;

/**
 * Summed SLI rows of one SLO whose timestamps fall in {@code [start, start + width)}. Immutable.
 *
 * @param start the bucket's first instant
 * @param counts summed good and total events
 * @param rows how many SLI rows were summed
 */
public record Bucket(Instant start, EventCounts counts, long rows) {
  /** Validates a start and counts, and a non-negative row count. */
  public Bucket {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(counts, "counts");
    if (rows < 0) {
      throw new IllegalArgumentException(rows + " is not a valid row count: it is negative");
    }
  }
}
