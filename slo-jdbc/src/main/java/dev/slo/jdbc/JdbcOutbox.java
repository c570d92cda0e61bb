package dev.slo.jdbc;

import dev.slo.core.eval.SloStatus;
import dev.slo.core.store.OutboxEvent;
import dev.slo.core.store.SavedSnapshot;
import dev.slo.core.store.StatusOutbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * {@link StatusOutbox} on the {@code slo_status} and {@code slo_outbox} tables (migration 8). With
 * a {@link JdbcFleet}, {@link #commit} keeps only the SLOs of the shards whose advisory locks the
 * fleet's session holds at that moment, checked inside the transaction, so a replica that lost a
 * shard cannot write its status or events any more. Thread-safe; each call runs on a connection of
 * the store's pool.
 */
public final class JdbcOutbox implements StatusOutbox {
  private static final String PENDING = "delivered_at IS NULL AND abandoned_at IS NULL";

  private final Db db;
  private final @Nullable JdbcFleet fence;

  JdbcOutbox(Db db, @Nullable JdbcFleet fence) {
    this.db = db;
    this.fence = fence;
  }

  @Override
  public Set<String> commit(List<SavedSnapshot> snapshots, List<OutboxEvent> events) {
    if (snapshots.isEmpty() && events.isEmpty()) {
      return Set.of();
    }
    return db.transaction(
        "saving " + snapshots.size() + " statuses and " + events.size() + " outbox events",
        h -> {
          Set<Integer> held = fence == null ? null : held(h);
          Set<String> kept = new LinkedHashSet<>();
          PreparedBatch status = h.prepareBatch(STATUS);
          for (SavedSnapshot s : snapshots) {
            if (held != null && !held.contains(dev.slo.core.store.Shards.of(s.sloId()))) {
              continue;
            }
            kept.add(s.sloId());
            SloStatus st = s.status();
            status
                .bind("id", st.sloId())
                .bind("base", dev.slo.core.model.GroupId.baseOf(st.sloId()))
                .bind("status", st.status().name())
                .bind("current", st.currentSli())
                .bind("target", st.targetSli())
                .bind("remaining", st.errorBudgetRemaining())
                .bind("consumed", st.errorBudgetConsumed())
                .bind("burn", st.burnRate())
                .bind("tte", st.timeToExhaustion())
                .bind("at", JdbcSloRepository.utc(st.lastUpdated()))
                .bind("sj", s.statusJson())
                .bind("bj", s.budgetJson())
                .bind("state", s.state())
                .add();
          }
          if (status.size() > 0) {
            status.execute();
          }
          PreparedBatch out =
              h.prepareBatch(
                  "INSERT INTO slo_outbox (event_id, slo_id, shard, body, created_at,"
                      + " next_attempt_at) VALUES (:id, :slo, :shard, :body, :at, :at)"
                      + " ON CONFLICT (event_id) DO NOTHING");
          for (OutboxEvent e : events) {
            if (held != null && !held.contains(e.shard())) {
              continue;
            }
            kept.add(e.sloId());
            out.bind("id", UUID.fromString(e.eventId()))
                .bind("slo", e.sloId())
                .bind("shard", e.shard())
                .bind("body", e.body())
                .bind("at", JdbcSloRepository.utc(e.createdAt()))
                .add();
          }
          if (out.size() > 0) {
            out.execute();
          }
          return kept;
        });
  }

  private static final String STATUS =
      "INSERT INTO slo_status (slo_id, status, current_sli, target_sli, error_budget_remaining,"
          + " error_budget_consumed, burn_rate, time_to_exhaustion, last_updated, status_json,"
          + " budget_json, state_json)"
          + " SELECT :id, :status, :current, :target, :remaining, :consumed, :burn, :tte, :at,"
          + " :sj, :bj, :state FROM slos WHERE slo_id = :base"
          + " ON CONFLICT (slo_id) DO UPDATE SET status = excluded.status,"
          + " current_sli = excluded.current_sli, target_sli = excluded.target_sli,"
          + " error_budget_remaining = excluded.error_budget_remaining,"
          + " error_budget_consumed = excluded.error_budget_consumed,"
          + " burn_rate = excluded.burn_rate, time_to_exhaustion = excluded.time_to_exhaustion,"
          + " last_updated = excluded.last_updated, status_json = excluded.status_json,"
          + " budget_json = excluded.budget_json, state_json = excluded.state_json"
          + " WHERE slo_status.last_updated <= excluded.last_updated";

  /** The shards whose locks the fleet's session holds now; none when it is not connected. */
  private Set<Integer> held(Handle h) {
    int[] f = Objects.requireNonNull(fence, "called with a fleet only").fence();
    Set<Integer> out = new HashSet<>();
    if (f == null) {
      return out;
    }
    h.createQuery(
            "SELECT l.objid::bigint FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted"
                + " AND l.objsubid = 2 AND l.classid::bigint = :key AND l.pid = :pid"
                + " AND l.mode = 'ExclusiveLock'")
        .bind("key", (long) f[0])
        .bind("pid", f[1])
        .mapTo(Long.class)
        .forEach(s -> out.add(s.intValue()));
    return out;
  }

  @Override
  public Optional<SavedSnapshot> snapshot(String sloId) {
    return db.call(
        "reading the saved status of SLO " + sloId,
        h ->
            h.createQuery(SAVED + " WHERE slo_id = :id AND status_json IS NOT NULL")
                .bind("id", sloId)
                .map((rs, ctx) -> saved(rs))
                .findOne());
  }

  @Override
  public Map<String, SavedSnapshot> snapshots(Collection<String> sloIds) {
    if (sloIds.isEmpty()) {
      return Map.of();
    }
    return db.call(
        "reading the saved statuses of " + sloIds.size() + " SLOs",
        h -> {
          Map<String, SavedSnapshot> out = new HashMap<>();
          h.createQuery(SAVED + " WHERE slo_id = ANY(:ids) AND status_json IS NOT NULL")
              .bindArray("ids", String.class, new ArrayList<>(sloIds))
              .map((rs, ctx) -> saved(rs))
              .forEach(s -> out.put(s.sloId(), s));
          return out;
        });
  }

  private static final String SAVED =
      "SELECT "
          + JdbcSloRepository.STATUS_COLUMNS
          + ", status_json, budget_json, state_json FROM slo_status";

  private static SavedSnapshot saved(ResultSet rs) throws SQLException {
    return new SavedSnapshot(
        JdbcSloRepository.status(rs),
        rs.getString("status_json"),
        rs.getString("budget_json"),
        rs.getString("state_json") == null ? "" : rs.getString("state_json"));
  }

  @Override
  public List<OutboxEvent> due(Set<Integer> shards, Instant now, int limit) {
    if (shards.isEmpty() || limit <= 0) {
      return List.of();
    }
    return db.call(
        "reading the outbox",
        h -> {
          List<OutboxEvent> out = new ArrayList<>();
          h.createQuery(
                  "SELECT event_id, slo_id, shard, body, created_at, attempts FROM slo_outbox"
                      + " WHERE "
                      + PENDING
                      + " AND shard = ANY(:shards) AND next_attempt_at <= :now"
                      + " ORDER BY created_at, event_id LIMIT :limit")
              .bindArray("shards", Integer.class, new ArrayList<>(shards))
              .bind("now", JdbcSloRepository.utc(now))
              .bind("limit", limit)
              .map(
                  (rs, ctx) ->
                      new OutboxEvent(
                          rs.getString("event_id"),
                          rs.getString("slo_id"),
                          rs.getInt("shard"),
                          rs.getString("body"),
                          JdbcSloRepository.requiredInstant(rs, "created_at"),
                          rs.getInt("attempts")))
              .forEach(out::add);
          return out;
        });
  }

  @Override
  public void delivered(String eventId, Instant at) {
    finish(eventId, "delivered_at = :at", at, null);
  }

  @Override
  public void abandon(String eventId, Instant at, String error) {
    finish(eventId, "abandoned_at = :at, last_error = :err", at, error);
  }

  @Override
  public void failed(String eventId, Instant retryAt, String error) {
    finish(
        eventId,
        "attempts = attempts + 1, next_attempt_at = :at, last_error = :err",
        retryAt,
        error);
  }

  private void finish(String eventId, String set, Instant at, @Nullable String error) {
    db.call(
        "updating outbox event " + eventId,
        h -> {
          var u =
              h.createUpdate(
                      "UPDATE slo_outbox SET " + set + " WHERE event_id = :id AND " + PENDING)
                  .bind("id", UUID.fromString(eventId))
                  .bind("at", JdbcSloRepository.utc(at));
          if (set.contains(":err")) {
            u.bind("err", error == null ? "" : cut(error.replace("\0", "\\0")));
          }
          return u.execute();
        });
  }

  private static String cut(String s) {
    return s.length() > 1000 ? s.substring(0, 1000) : s;
  }

  @Override
  public int trim(Instant oldest, int maxPending, Instant finishedBefore) {
    return db.transaction(
        "trimming the outbox",
        h -> {
          int n =
              h.createUpdate(
                      "UPDATE slo_outbox SET abandoned_at = now(), last_error = 'older than the"
                          + " outbox keeps events' WHERE "
                          + PENDING
                          + " AND created_at < :oldest")
                  .bind("oldest", JdbcSloRepository.utc(oldest))
                  .execute();
          n +=
              h.createUpdate(
                      "UPDATE slo_outbox SET abandoned_at = now(), last_error = 'the outbox is"
                          + " full' WHERE event_id IN (SELECT event_id FROM slo_outbox WHERE "
                          + PENDING
                          + " ORDER BY created_at DESC, event_id DESC OFFSET :max)")
                  .bind("max", Math.max(0, maxPending))
                  .execute();
          h.createUpdate(
                  "DELETE FROM slo_outbox WHERE NOT ("
                      + PENDING
                      + ") AND coalesce(delivered_at, abandoned_at) < :before")
              .bind("before", JdbcSloRepository.utc(finishedBefore))
              .execute();
          return n;
        });
  }

  @Override
  public Depth depth() {
    return db.call(
        "counting the outbox",
        h ->
            h.createQuery("SELECT count(*), min(created_at) FROM slo_outbox WHERE " + PENDING)
                .map(
                    (rs, ctx) ->
                        new Depth(
                            rs.getLong(1),
                            Optional.ofNullable(JdbcSloRepository.instant(rs, "min"))))
                .one());
  }
}
