package dev.slo.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One event waiting in a fleet's outbox (docs/serve.md, "Events, at least once"): written in the
 * same transaction as the status that caused it and sent by the owner of its shard. Immutable.
 *
 * @param eventId the event's stable {@code event_id}, the same on every delivery attempt
 * @param sloId the SLO it is about
 * @param shard the SLO's shard ({@link Shards#of})
 * @param body the event JSON (docs/events.md)
 * @param createdAt when it was written
 * @param attempts failed delivery attempts so far
 */
public record OutboxEvent(
    String eventId, String sloId, int shard, String body, Instant createdAt, int attempts) {
  /** Checks that nothing is null and the shard is one of {@link Shards#COUNT}. */
  public OutboxEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(sloId, "sloId");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(createdAt, "createdAt");
    if (shard < 0 || shard >= Shards.COUNT) {
      throw new IllegalArgumentException(shard + " is not a shard: use 0 to " + (Shards.COUNT - 1));
    }
  }

  /** A new event for {@code sloId}, in its shard, never attempted. */
  public static OutboxEvent of(String eventId, String sloId, String body, Instant createdAt) {
    return new OutboxEvent(eventId, sloId, Shards.of(sloId), body, createdAt, 0);
  }
}
