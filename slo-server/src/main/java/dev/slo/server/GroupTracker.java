package dev.slo.server;

import dev.slo.core.SloException;
import dev.slo.core.group.Groups;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The groups of each grouped SLO that the monitor evaluates (docs/spec.md, "Grouping"): those the
 * source sees in the period at each pass, plus those seen in earlier passes and not any more
 * ("vanished"), which are evaluated too so that they go through the SLO's no_data policy, and whose
 * status says {@code "group_seen": false}. At most max_groups groups are kept per SLO, seen ones
 * first. The first pass over a grouped SLO (after a start, or after taking the SLO over from
 * another replica) also recalls the groups the store's history has in the SLO's period, so a group
 * that vanished before a restart is still kept. Used by one pass at a time; reads from other
 * threads see a consistent map per SLO.
 */
final class GroupTracker {
  /** The groups of a grouped SLO that the store remembers with events in {@code (from, to]}. */
  @FunctionalInterface
  interface Recall {
    Set<Map<String, String>> groups(Slo template, Instant from, Instant to);
  }

  private final Recall recall;
  private final Map<String, Map<String, Slo>> known = new ConcurrentHashMap<>();
  private final Set<String> vanished = ConcurrentHashMap.newKeySet();
  private final Map<String, String> warned = new ConcurrentHashMap<>();

  GroupTracker(Recall recall) {
    this.recall = recall;
  }

  /**
   * The SLOs to evaluate for {@code slo} at {@code at}: itself when not grouped; otherwise its
   * groups. A source that cannot list the groups leaves the known ones to be evaluated (and go
   * stale with the same error).
   *
   * @param dropped receives the ids of groups no longer kept, whose state the caller forgets
   */
  List<Slo> expand(Slo slo, EventSource source, Instant at, PrintWriter log, List<String> dropped) {
    if (!slo.isGroupTemplate()) {
      return List.of(slo);
    }
    String id = slo.sloId();
    Map<String, Slo> kept = known.get(id);
    Map<String, Slo> before = kept != null ? kept : recalled(slo, at);
    Groups.Expansion e;
    try {
      e = Groups.expandAt(slo, source, at);
    } catch (SloException ex) {
      return before.isEmpty() ? List.of(slo) : List.copyOf(before.values());
    }
    String warning = e.warning();
    if (warning != null && !warning.equals(warned.put(id, warning))) {
      log.println("slo serve: warning: " + warning);
    } else if (warning == null) {
      warned.remove(id);
    }
    if (e.found() == 0 && before.isEmpty()) {
      return List.of(slo);
    }
    Map<String, Slo> now = new LinkedHashMap<>();
    for (Slo g : e.slos()) {
      if (g.isGroup()) {
        now.put(g.sloId(), g);
        vanished.remove(g.sloId());
      }
    }
    for (Map.Entry<String, Slo> old : before.entrySet()) {
      if (now.containsKey(old.getKey())) {
        continue;
      }
      Slo again = now.size() < slo.maxGroups() ? regroup(slo, old.getValue()) : null;
      if (again != null && again.sloId().equals(old.getKey())) {
        now.put(old.getKey(), again);
        vanished.add(old.getKey());
      } else {
        dropped.add(old.getKey());
        vanished.remove(old.getKey());
      }
    }
    known.put(id, java.util.Collections.unmodifiableMap(now));
    dropped.add(id); // the template's own state, from passes without groups
    return List.copyOf(now.values());
  }

  // the groups the store remembers in the SLO's period; none when it cannot be read
  private Map<String, Slo> recalled(Slo slo, Instant at) {
    Map<String, Slo> out = new LinkedHashMap<>();
    try {
      dev.slo.core.window.Window w = slo.timePeriod().elapsedAt(at, slo.timeZone());
      for (Slo g : Groups.expand(slo, recall.groups(slo, w.start(), w.end())).slos()) {
        if (g.isGroup()) {
          out.put(g.sloId(), g);
        }
      }
    } catch (SloException e) {
      return Map.of(); // the store is down: the groups are found again as the source sees them
    }
    return out;
  }

  // the group of the SLO as defined now, or null when its group_by changed
  private static @Nullable Slo regroup(Slo template, Slo group) {
    try {
      return template.forGroup(group.groupLabels());
    } catch (dev.slo.core.ValidationException e) {
      return null;
    }
  }

  /** True when the group was seen in an earlier pass and not in the last one. */
  boolean vanished(String groupId) {
    return vanished.contains(groupId);
  }

  /**
   * The group ids kept for the grouped SLO {@code sloId}, in label order of when they were seen.
   */
  List<String> groups(String sloId) {
    return new ArrayList<>(known.getOrDefault(sloId, Map.of()).keySet());
  }

  /** Forgets a grouped SLO (deleted, disabled or owned by another replica); its group ids. */
  List<String> forget(String sloId) {
    Map<String, Slo> gone = known.remove(sloId);
    warned.remove(sloId);
    if (gone == null) {
      return List.of();
    }
    vanished.removeAll(gone.keySet());
    return new ArrayList<>(gone.keySet());
  }

  /** Every grouped SLO with kept groups. */
  Set<String> templates() {
    return known.keySet();
  }
}
