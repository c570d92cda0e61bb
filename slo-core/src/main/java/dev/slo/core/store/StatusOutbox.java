package dev.slo.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The port through which the replicas of a fleet (docs/serve.md, "A fleet of replicas") save the
 * state of the SLOs they evaluate and the events it causes, atomically, and deliver those events at
 * least once: an event is written with its status in one transaction, sent by the owner of its
 * shard, and marked delivered after the receiver accepted it, so it is neither lost when a replica
 * dies nor sent again once delivered. {@code slo-jdbc}'s {@code JdbcOutbox} keeps them in
 * PostgreSQL. Implementations are thread-safe; every method may throw {@link
 * dev.slo.core.SourceException} when the store cannot be reached.
 */
public interface StatusOutbox {

  /**
   * Saves the snapshots (a snapshot older than the saved one is ignored) and appends the events, in
   * one transaction. Implementations may refuse the SLOs of shards this replica no longer owns.
   *
   * @return the slo_ids whose snapshots and events were kept
   */
  Set<String> commit(List<SavedSnapshot> snapshots, List<OutboxEvent> events);

  /** The saved snapshot of an SLO, if any. */
  Optional<SavedSnapshot> snapshot(String sloId);

  /**
   * The saved snapshots of these SLOs, by slo_id (those never saved are left out). The default asks
   * {@link #snapshot} for each; stores override it with one query.
   */
  default Map<String, SavedSnapshot> snapshots(Collection<String> sloIds) {
    Map<String, SavedSnapshot> out = new HashMap<>();
    for (String id : sloIds) {
      snapshot(id).ifPresent(s -> out.put(id, s));
    }
    return out;
  }

  /**
   * Undelivered events of the given shards that are due at {@code now} (never attempted, or whose
   * retry time has come), oldest first, at most {@code limit}.
   */
  List<OutboxEvent> due(Set<Integer> shards, Instant now, int limit);

  /** Marks an event delivered; it is never returned by {@link #due} again. */
  void delivered(String eventId, Instant at);

  /** Counts a failed attempt and makes the event due again at {@code retryAt}. */
  void failed(String eventId, Instant retryAt, String error);

  /** Gives up on an event (the receiver refused it); it is never returned by {@link #due} again. */
  void abandon(String eventId, Instant at, String error);

  /**
   * Bounds the outbox: abandons undelivered events created before {@code oldest} and, beyond {@code
   * maxPending}, the oldest undelivered ones; deletes finished (delivered or abandoned) events
   * finished before {@code finishedBefore}.
   *
   * @return the events abandoned
   */
  int trim(Instant oldest, int maxPending, Instant finishedBefore);

  /** Undelivered events, of every shard, and when the oldest of them was created. */
  Depth depth();

  /**
   * The outbox's backlog.
   *
   * @param pending undelivered, not abandoned events
   * @param oldest when the oldest of them was created, empty when there is none
   */
  record Depth(long pending, Optional<Instant> oldest) {}
}
