package dev.slo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.alert.Severity;
import dev.slo.core.eval.FiringAlert;
import dev.slo.core.json.StatusJson;
import dev.slo.core.model.Status;
import dev.slo.core.store.OutboxEvent;
import dev.slo.core.store.SavedSnapshot;
import dev.slo.core.store.StatusOutbox;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Monitor}'s side of a fleet's outbox (docs/serve.md, "A fleet of replicas"): during a
 * pass it stages each evaluated SLO's snapshot with the event it caused, and at the end of the pass
 * commits them in one transaction; it resumes an SLO that moved here from the state its previous
 * owner saved, so the move itself emits nothing. Not thread-safe: used by the pass thread only.
 */
final class Outbox {
  private final StatusOutbox port;
  private final List<Staged> staged = new ArrayList<>();
  private Set<String> prefetchedIds = Set.of();
  private Map<String, SavedSnapshot> prefetched = Map.of();

  /** An evaluated SLO waiting for the end of the pass. */
  record Staged(@Nullable Snapshot prev, Snapshot next, @Nullable Notice notice) {}

  /** The reported state an SLO's previous owner saved. */
  record Resumed(Status status, Map<String, AlertState> alerts) {}

  Outbox(StatusOutbox port) {
    this.port = port;
  }

  StatusOutbox port() {
    return port;
  }

  /**
   * Reads the saved state of the SLOs a pass is about to resume, in one query; {@link #resume} asks
   * the store for any other. A failure is left for {@link #resume} to meet.
   */
  void prefetch(Collection<String> sloIds) {
    prefetchedIds = Set.of();
    prefetched = Map.of();
    if (sloIds.isEmpty()) {
      return;
    }
    try {
      prefetched = port.snapshots(sloIds);
      prefetchedIds = Set.copyOf(sloIds);
    } catch (RuntimeException e) {
      // resume() reads them one by one and reports what fails
    }
  }

  /** The reported state saved for the SLO, empty when none was saved. */
  Optional<Resumed> resume(String sloId) {
    Optional<SavedSnapshot> saved =
        prefetchedIds.contains(sloId)
            ? Optional.ofNullable(prefetched.get(sloId))
            : port.snapshot(sloId);
    return saved.map(s -> new Resumed(s.status().status(), alerts(s.state())));
  }

  /** Keeps an evaluation with a result (and its notice, if any) for {@link #commit}. */
  void stage(@Nullable Snapshot prev, Snapshot next, @Nullable Notice notice) {
    if (next.evaluation() != null) {
      staged.add(new Staged(prev, next, notice));
    }
  }

  /**
   * Commits what was staged in one transaction and forgets it.
   *
   * @return the staged SLOs that were not kept (the store refused them because this replica lost
   *     their shard)
   * @throws RuntimeException when the commit failed; {@link #drop} then returns every staged one
   */
  List<Staged> commit() {
    List<Staged> all = List.copyOf(staged);
    if (all.isEmpty()) {
      return List.of();
    }
    List<SavedSnapshot> snaps = new ArrayList<>();
    List<OutboxEvent> events = new ArrayList<>();
    for (Staged s : all) {
      Snapshot n = s.next();
      snaps.add(
          new SavedSnapshot(
              Objects.requireNonNull(n.evaluation(), "evaluation").toStatus(),
              new String(n.statusJson(), StandardCharsets.UTF_8),
              new String(n.budgetJson(), StandardCharsets.UTF_8),
              state(n.alerts())));
      if (s.notice() != null) {
        Notice x = s.notice();
        events.add(
            OutboxEvent.of(
                x.event().get("event_id").asText(),
                n.slo().sloId(),
                StatusJson.line(x.event()),
                x.at()));
      }
    }
    Set<String> kept = port.commit(snaps, events); // on failure the staged stay for drop()
    staged.clear();
    return all.stream().filter(s -> !kept.contains(s.next().slo().sloId())).toList();
  }

  /** Forgets what was staged (the pass failed before committing). */
  List<Staged> drop() {
    List<Staged> all = List.copyOf(staged);
    staged.clear();
    return all;
  }

  /** The firing tiers as JSON (burn rates as text, so NaN and infinity survive). */
  static String state(Map<String, AlertState> alerts) {
    ObjectNode o = StatusJson.MAPPER.createObjectNode();
    ArrayNode a = o.putArray("alerts");
    for (AlertState s : alerts.values()) {
      AlertTier t = s.alert().tier();
      ObjectNode x = a.addObject();
      x.put("tier", t.name());
      x.put("severity", t.severity().name());
      x.put("long_window", t.longWindow().toString());
      x.put("short_window", t.shortWindow().toString());
      x.put("factor", t.factor().toPlainString());
      x.put("budget_share", t.budgetShare().toPlainString());
      x.put("burn_rate_long", Double.toString(s.alert().burnRateLong()));
      x.put("burn_rate_short", Double.toString(s.alert().burnRateShort()));
      x.put("since", s.since().toString());
      x.put("clear_runs", s.clearRuns());
    }
    return new String(ApiJson.bytes(o), StandardCharsets.UTF_8);
  }

  /** The firing tiers saved by {@link #state}; none when the text is empty or unreadable. */
  static Map<String, AlertState> alerts(String state) {
    Map<String, AlertState> out = new LinkedHashMap<>();
    if (state.isEmpty()) {
      return out;
    }
    try {
      JsonNode root = StatusJson.MAPPER.readTree(state);
      for (JsonNode x : root.path("alerts")) {
        AlertTier t =
            new AlertTier(
                x.get("tier").asText(),
                Severity.valueOf(x.get("severity").asText()),
                Duration.parse(x.get("long_window").asText()),
                Duration.parse(x.get("short_window").asText()),
                new BigDecimal(x.get("factor").asText()),
                new BigDecimal(x.get("budget_share").asText()));
        out.put(
            t.name(),
            new AlertState(
                new FiringAlert(
                    t,
                    Double.parseDouble(x.get("burn_rate_long").asText()),
                    Double.parseDouble(x.get("burn_rate_short").asText())),
                Instant.parse(x.get("since").asText()),
                x.get("clear_runs").asInt()));
      }
    } catch (IOException | RuntimeException e) {
      return new LinkedHashMap<>(); // a state this version cannot read: start afresh
    }
    return out;
  }
}
