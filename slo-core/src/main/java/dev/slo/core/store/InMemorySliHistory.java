package dev.slo.core.store;

import dev.slo.core.source.EventCounts;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SliHistory} in memory: at most {@code capacity} rows per SLO, the oldest dropped first.
 * Thread-safe: each SLO's rows are guarded by their own lock.
 */
final class InMemorySliHistory implements SliHistory {
  private final int capacity;
  private final Map<String, NavigableMap<Instant, SliMetric>> rows = new ConcurrentHashMap<>();

  InMemorySliHistory(int capacity) {
    if (capacity < 1) {
      throw new dev.slo.core.ValidationException("history_capacity", capacity, "use at least 1");
    }
    this.capacity = capacity;
  }

  @Override
  public long append(List<SliMetric> batch) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (SliMetric m : batch) {
      NavigableMap<Instant, SliMetric> r =
          rows.computeIfAbsent(m.sloId(), k -> new TreeMap<Instant, SliMetric>());
      synchronized (r) {
        r.put(m.timestamp(), m);
        while (r.size() > capacity) {
          r.pollFirstEntry();
        }
      }
      keys.add(m.sloId() + '\0' + m.timestamp());
    }
    return keys.size();
  }

  @Override
  public List<SliMetric> history(String sloId, Window window) {
    NavigableMap<Instant, SliMetric> r = rows.get(sloId);
    if (r == null) {
      return List.of();
    }
    synchronized (r) {
      return new ArrayList<>(r.subMap(window.start(), false, window.end(), true).values());
    }
  }

  @Override
  public List<Bucket> buckets(String sloId, Instant from, Instant to, BucketSize size) {
    NavigableMap<Instant, SliMetric> r = rows.get(sloId);
    List<Bucket> out = new ArrayList<>();
    if (r == null || !from.isBefore(to)) {
      return out;
    }
    long width = size.width().getSeconds();
    TreeMap<Instant, long[]> sums = new TreeMap<>();
    synchronized (r) {
      Instant first = floor(from, width);
      for (SliMetric m : r.subMap(first, true, to, false).values()) {
        Instant start = floor(m.timestamp(), width);
        if (start.isBefore(from)) {
          continue;
        }
        long[] s = sums.computeIfAbsent(start, k -> new long[3]);
        s[0] = Math.addExact(s[0], m.goodEvents());
        s[1] = Math.addExact(s[1], m.totalEvents());
        s[2]++;
      }
    }
    sums.forEach((start, s) -> out.add(new Bucket(start, new EventCounts(s[0], s[1]), s[2])));
    return out;
  }

  @Override
  public Optional<Instant> latest(String sloId) {
    NavigableMap<Instant, SliMetric> r = rows.get(sloId);
    if (r == null) {
      return Optional.empty();
    }
    synchronized (r) {
      return r.isEmpty() ? Optional.empty() : Optional.of(r.lastKey());
    }
  }

  void deleteAll(String sloId) {
    rows.remove(sloId);
  }

  private static Instant floor(Instant t, long widthSeconds) {
    long s = Math.floorDiv(t.getEpochSecond(), widthSeconds) * widthSeconds;
    return Instant.ofEpochSecond(s);
  }

  @Override
  public java.util.Set<Map<String, String>> groups(
      dev.slo.core.model.Slo template, Instant from, Instant to) {
    java.util.Set<Map<String, String>> out = new java.util.HashSet<>();
    if (template.groupBy().isEmpty()) {
      return out;
    }
    String prefix = template.baseId() + "{";
    for (Map.Entry<String, NavigableMap<Instant, SliMetric>> e : rows.entrySet()) {
      if (!e.getKey().startsWith(prefix) || !hasEvents(e.getValue(), from, to)) {
        continue;
      }
      Map<String, String> labels;
      try {
        labels = dev.slo.core.model.GroupId.parse(e.getKey()).labels();
      } catch (dev.slo.core.InvalidInputException ex) {
        continue; // an id that only looks like a group's
      }
      Map<String, String> g = new java.util.LinkedHashMap<>();
      template.groupBy().forEach(name -> g.put(name, labels.getOrDefault(name, "")));
      out.add(g);
    }
    return out;
  }

  private static boolean hasEvents(NavigableMap<Instant, SliMetric> r, Instant from, Instant to) {
    synchronized (r) {
      return r.subMap(from, false, to, true).values().stream().anyMatch(m -> m.totalEvents() > 0);
    }
  }
}
