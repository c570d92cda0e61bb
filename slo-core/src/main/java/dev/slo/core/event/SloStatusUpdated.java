package dev.slo.core.event;

import dev.slo.core.eval.Evaluation;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@code slo_status_updated} event (docs/events.md). Immutable.
 *
 * @param eventId unique id
 * @param timestamp the evaluation instant the event describes
 * @param sloStatusUpdate the payload
 */
public record SloStatusUpdated(
    String eventId, Instant timestamp, SloStatusUpdateData sloStatusUpdate) {
  /** The event type name. */
  public static final String TYPE = "slo_status_updated";

  /** Validates that every part is present. */
  public SloStatusUpdated {
    Objects.requireNonNull(eventId, "event_id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(sloStatusUpdate, "slo_status_update");
  }

  /** The event for an evaluation, with the given id. */
  public static SloStatusUpdated of(Evaluation e, UUID id) {
    return new SloStatusUpdated(
        id.toString(),
        e.at(),
        new SloStatusUpdateData(
            e.slo().sloId(),
            e.slo().sloName(),
            e.slo().serviceName(),
            e.slo().sloType().name(),
            e.slo().targetPercentage(),
            e.currentSliPercent(),
            e.status().name(),
            e.errorBudgetRemaining(),
            e.errorBudgetConsumed(),
            e.burnRate(),
            e.timeToExhaustionText(),
            e.alertTriggered(),
            e.recommendations(),
            e.exclusion(),
            e.slo().groupLabels()));
  }
}
