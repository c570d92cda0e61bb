package dev.slo.server;

import dev.slo.core.SourceException;
import dev.slo.core.store.OutboxEvent;
import dev.slo.core.store.SavedSnapshot;
import dev.slo.core.store.StatusOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link StatusOutbox} in memory for tests: can refuse SLOs (as if their shard was lost) or fail
 * the next commit. Thread-safe (synchronized).
 */
final class MemoryOutbox implements StatusOutbox {
  /** One stored event with its delivery state. */
  static final class Row {
    OutboxEvent event;
    Instant dueAt;
    Instant deliveredAt;
    Instant abandonedAt;
    String lastError;
  }

  final Map<String, SavedSnapshot> snapshots = new HashMap<>();
  final Map<String, Row> rows = new LinkedHashMap<>();
  volatile Set<String> refuse = Set.of();
  volatile boolean failNextCommit;

  @Override
  public synchronized Set<String> commit(List<SavedSnapshot> snaps, List<OutboxEvent> events) {
    if (failNextCommit) {
      failNextCommit = false;
      throw new SourceException("scripted: the commit failed");
    }
    Set<String> kept = new TreeSet<>();
    for (SavedSnapshot s : snaps) {
      if (!refuse.contains(s.sloId())) {
        SavedSnapshot old = snapshots.get(s.sloId());
        if (old == null || !old.evaluatedAt().isAfter(s.evaluatedAt())) {
          snapshots.put(s.sloId(), s);
        }
        kept.add(s.sloId());
      }
    }
    for (OutboxEvent e : events) {
      if (!refuse.contains(e.sloId())) {
        Row r = new Row();
        r.event = e;
        r.dueAt = e.createdAt();
        rows.putIfAbsent(e.eventId(), r);
        kept.add(e.sloId());
      }
    }
    return kept;
  }

  @Override
  public synchronized Optional<SavedSnapshot> snapshot(String sloId) {
    return Optional.ofNullable(snapshots.get(sloId));
  }

  private static boolean pending(Row r) {
    return r.deliveredAt == null && r.abandonedAt == null;
  }

  @Override
  public synchronized List<OutboxEvent> due(Set<Integer> shards, Instant now, int limit) {
    return rows.values().stream()
        .filter(r -> pending(r) && shards.contains(r.event.shard()) && !r.dueAt.isAfter(now))
        .sorted(Comparator.comparing(r -> r.event.createdAt()))
        .limit(limit)
        .map(r -> r.event)
        .toList();
  }

  @Override
  public synchronized void delivered(String eventId, Instant at) {
    Row r = rows.get(eventId);
    if (pending(r)) {
      r.deliveredAt = at;
    }
  }

  @Override
  public synchronized void failed(String eventId, Instant retryAt, String error) {
    Row r = rows.get(eventId);
    if (pending(r)) {
      OutboxEvent e = r.event;
      r.event =
          new OutboxEvent(
              e.eventId(), e.sloId(), e.shard(), e.body(), e.createdAt(), e.attempts() + 1);
      r.dueAt = retryAt;
      r.lastError = error;
    }
  }

  @Override
  public synchronized void abandon(String eventId, Instant at, String error) {
    Row r = rows.get(eventId);
    if (pending(r)) {
      r.abandonedAt = at;
      r.lastError = error;
    }
  }

  @Override
  public synchronized int trim(Instant oldest, int maxPending, Instant finishedBefore) {
    return 0;
  }

  @Override
  public synchronized Depth depth() {
    List<Row> p = rows.values().stream().filter(MemoryOutbox::pending).toList();
    return new Depth(
        p.size(), p.stream().map(r -> r.event.createdAt()).min(Comparator.naturalOrder()));
  }

  synchronized List<Row> all() {
    return new ArrayList<>(rows.values());
  }
}
