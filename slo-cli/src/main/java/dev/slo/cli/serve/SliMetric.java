package dev.slo.cli.serve;

import java.time.Instant;
import java.util.Objects;

/**
 * The seed's {@code SLIMetric}: one SLO's SLI over its period at one evaluation. Counts are the
 * period's units (events, or slices for timeslice SLOs). Immutable.
 *
 * @param sloId the SLO
 * @param timestamp the evaluation instant
 * @param sliValue the SLI in percent
 * @param goodEvents good units in the period
 * @param totalEvents all units in the period
 * @param isGood true when the SLI meets the target
 */
public record SliMetric(
    String sloId,
    Instant timestamp,
    double sliValue,
    long goodEvents,
    long totalEvents,
    boolean isGood) {
  /** Validates presence, a percentage and {@code 0 <= good <= total}. */
  public SliMetric {
    Objects.requireNonNull(sloId, "slo_id");
    Objects.requireNonNull(timestamp, "timestamp");
    if (!(sliValue >= 0 && sliValue <= 100)) {
      throw new IllegalArgumentException(sliValue + " is not a valid sli_value: use 0 to 100");
    }
    if (goodEvents < 0 || goodEvents > totalEvents) {
      throw new IllegalArgumentException(
          goodEvents + " is not a valid good_events: use 0 to total_events " + totalEvents);
    }
  }
}
