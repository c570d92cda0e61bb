package dev.slo.core.source;

import dev.slo.core.model.GroupId;
import dev.slo.core.model.Slo;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default source: event series held in memory, keyed by slo_id. An SLO without a
 * series has no events. Rows that carry labels are keyed by a group id ({@link GroupId}, labels in
 * name order): a group of a grouped SLO reads the series whose labels hold its {@code group_by}
 * values, an ungrouped SLO reads all its series together. Immutable and thread-safe.
 */
public final class InMemoryEventSource implements EventSource {
  private final Map<String, EventSeries> series;
  // base slo_id -> the labelled series of that SLO
  private final Map<String, List<GroupId>> labelled = new HashMap<>();
  private final Map<String, EventSeries> merged = new ConcurrentHashMap<>();

  /** A source over the given series; the map is copied. */
  public InMemoryEventSource(Map<String, EventSeries> series) {
    this.series = Map.copyOf(series);
    for (String key : this.series.keySet()) {
      if (GroupId.isGroupForm(key)) {
        labelled
            .computeIfAbsent(GroupId.baseOf(key), k -> new ArrayList<>())
            .add(GroupId.parse(key));
      }
    }
  }

  /** The series stored under exactly this key, empty when there is none. */
  public EventSeries series(String sloId) {
    return series.getOrDefault(sloId, EventSeries.empty());
  }

  /**
   * The events of {@code slo}: for one group, the series whose labels hold its values; otherwise
   * the SLO's own series together with every labelled series of it.
   */
  public EventSeries series(Slo slo) {
    String base = slo.baseId();
    List<GroupId> parts = labelled.get(base);
    if (parts == null) {
      return series(slo.sloId());
    }
    String key = slo.sloId() + "\u0000" + slo.groupBy();
    return merged.computeIfAbsent(key, k -> mergedSeries(slo, base, parts));
  }

  private EventSeries mergedSeries(Slo slo, String base, List<GroupId> parts) {
    List<EventSeries> found = new ArrayList<>();
    if (!slo.isGroup() && series.containsKey(base)) {
      found.add(series.get(base));
    }
    for (GroupId g : parts) {
      if (!slo.isGroup() || project(g.labels(), slo.groupBy()).equals(slo.groupLabels())) {
        found.add(series.get(g.toString()));
      }
    }
    return found.isEmpty() ? EventSeries.empty() : EventSeries.merge(found);
  }

  private static Map<String, String> project(Map<String, String> labels, List<String> by) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : by) {
      out.put(name, labels.getOrDefault(name, ""));
    }
    return out;
  }

  /** The slo_ids that have a series (group ids for labelled rows). */
  public Set<String> sloIds() {
    return series.keySet();
  }

  /** The label sets of {@code template}'s rows with events in {@code (from, to]}. */
  @Override
  public Set<Map<String, String>> groups(Slo template, Instant from, Instant to) {
    List<GroupId> parts = labelled.get(template.baseId());
    if (parts == null || template.groupBy().isEmpty()) {
      return Set.of();
    }
    Window w = new Window(from, to);
    Set<Map<String, String>> out = new java.util.HashSet<>();
    for (GroupId g : parts) {
      if (series.get(g.toString()).counts(w).total() > 0) {
        out.add(project(g.labels(), template.groupBy()));
      }
    }
    return out;
  }

  @Override
  public List<EventCounts> slices(
      Slo slo, java.time.Instant from, java.time.Instant to, java.time.Duration step) {
    return series(slo).slices(from, to, step);
  }

  @Override
  public int forEachSlice(
      Slo slo,
      java.time.Instant from,
      java.time.Instant to,
      java.time.Duration step,
      SliceSink sink) {
    return series(slo).forEachSlice(from, to, step, sink);
  }

  @Override
  public List<EventCounts> counts(Slo slo, List<Window> windows) {
    EventSeries s = series(slo);
    List<EventCounts> out = new ArrayList<>(windows.size());
    for (Window w : windows) {
      out.add(s.counts(w));
    }
    return out;
  }
}
