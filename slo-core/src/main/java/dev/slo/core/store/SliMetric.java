package dev.slo.core.store;

import dev.slo.core.Printable;
import dev.slo.core.model.Slo;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One SLI sample of one SLO: {@code SLIMetric} (docs/openapi.json) plus the {@code sli_metrics_ts}
 * columns {@code error_budget_consumed} and {@code burn_rate}. A store keeps one row per (slo_id,
 * timestamp). Immutable.
 *
 * @param sloId the SLO
 * @param timestamp when the sample was taken, at most microsecond precision
 * @param sliValue the sample's SLI in percent, from 0 to 100
 * @param goodEvents good events, {@code 0 <= good <= total}
 * @param totalEvents all events
 * @param isGood whether the sample met the SLO's target; null when not judged
 * @param errorBudgetConsumed fraction of the budget consumed at this time, or null
 * @param burnRate burn rate at this time, or null
 */
public record SliMetric(
    String sloId,
    Instant timestamp,
    double sliValue,
    long goodEvents,
    long totalEvents,
    @Nullable Boolean isGood,
    @Nullable Double errorBudgetConsumed,
    @Nullable Double burnRate) {

  /** Validates the fields; see the parameter docs. */
  public SliMetric {
    if (sloId == null || !Slo.isValidId(sloId)) {
      throw new IllegalArgumentException(
          Printable.quote(sloId) + " is not a valid slo_id for an SLI row");
    }
    if (timestamp == null) {
      throw new IllegalArgumentException("null is not a valid SLI timestamp of " + sloId);
    }
    if (timestamp.getNano() % 1000 != 0) {
      throw new IllegalArgumentException(
          timestamp + " is not a valid SLI timestamp of " + sloId + ": use microseconds at most");
    }
    if (!(sliValue >= 0 && sliValue <= 100)) {
      throw new IllegalArgumentException(
          sliValue + " is not a valid sli_value of " + sloId + ": use a percentage from 0 to 100");
    }
    if (goodEvents < 0 || totalEvents < 0 || goodEvents > totalEvents) {
      throw new IllegalArgumentException(
          "good_events="
              + goodEvents
              + ", total_events="
              + totalEvents
              + " are not valid counts of "
              + sloId
              + " at "
              + timestamp
              + ": use 0 <= good_events <= total_events");
    }
    requireFinite("error_budget_consumed", errorBudgetConsumed);
    requireFinite("burn_rate", burnRate);
  }

  /**
   * A row from event counts alone: SLI = 100 × good / total (100 without events), not judged.
   *
   * @throws IllegalArgumentException when a value is invalid
   */
  public static SliMetric ofCounts(String sloId, Instant timestamp, long good, long total) {
    double sli = total == 0 ? 100.0 : 100.0 * good / total;
    return new SliMetric(sloId, timestamp, sli, good, total, null, null, null);
  }

  private static void requireFinite(String field, @Nullable Double value) {
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException(value + " is not a valid " + field + ": use a number");
    }
  }
}
