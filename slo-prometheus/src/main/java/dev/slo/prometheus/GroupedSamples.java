package dev.slo.prometheus;

import dev.slo.core.SourceException;
import dev.slo.core.model.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact mode for grouped SLOs: the first group asked for at an instant reads the raw samples of the
 * SLO's (unnarrowed) selector once and files every group's series in the {@link SampleCache} under
 * that group's narrowed selector ({@link Grouping#narrow}), so the other groups are answered from
 * memory: two requests per grouped SLO rather than two per group. Past the cache's byte limit the
 * least recently used groups are dropped and read again on their own, narrowed. Stateless.
 */
final class GroupedSamples {
  private GroupedSamples() {}

  /**
   * Makes sure the cache holds {@code group}'s series of {@code selector} over {@code span} before
   * {@code at}, reading every group's at once when it does not.
   *
   * @return the keys of the groups filed, or an empty set when the cache already held the group
   */
  static java.util.Set<List<String>> prefetch(
      PrometheusClient client,
      SampleCache cache,
      Slo group,
      String selector,
      Duration span,
      Instant at) {
    Instant from = at.minus(span);
    if (cache.get(Grouping.narrow(selector, group.groupLabels()), at, from) != null) {
      return java.util.Set.of();
    }
    String query = selector + "[" + PrometheusSource.range(span) + "]";
    QueryResult data = client.query(query, at);
    if (data.type() != QueryResult.Type.MATRIX) {
      throw new SourceException(
          client.base()
              + ": "
              + group.sloId()
              + ": the query returned a "
              + data.type().apiName()
              + ", expected a range vector: "
              + PrometheusClient.cut(query));
    }
    Grouping g = new Grouping(group.groupBy());
    Map<List<String>, List<CounterIncrease>> byGroup = new LinkedHashMap<>();
    Map<List<String>, Long> bytes = new LinkedHashMap<>();
    for (QueryResult.Series series : data.series()) {
      for (double v : series.values()) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
          throw new SourceException(
              client.base() + ": " + group.sloId() + ": sample " + v + " in " + selector);
        }
      }
      List<String> key = g.key(series.labels());
      byGroup
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(new CounterIncrease(series.millis(), series.values()));
      bytes.merge(key, 16L * series.size(), Long::sum);
    }
    List<String> mine = g.key(group.groupLabels());
    for (Map.Entry<List<String>, List<CounterIncrease>> e : byGroup.entrySet()) {
      if (!e.getKey().equals(mine)) {
        put(cache, selector, g, e.getKey(), e.getValue(), bytes.get(e.getKey()), from, at);
      }
    }
    // the asked group last, so that the cache's limit drops others first
    List<CounterIncrease> own = byGroup.getOrDefault(mine, List.of());
    put(cache, selector, g, mine, own, bytes.getOrDefault(mine, 0L), from, at);
    java.util.Set<List<String>> filed = new java.util.HashSet<>(byGroup.keySet());
    filed.add(mine);
    return filed;
  }

  /**
   * Files no series of {@code selector} for the groups in {@code keys} that lack an entry: groups
   * that have total events but never a bad (or good) one, so they are not read again on their own.
   */
  static void fillEmpty(
      SampleCache cache,
      Slo group,
      String selector,
      java.util.Set<List<String>> keys,
      java.util.Set<List<String>> filed,
      Duration span,
      Instant at) {
    Grouping g = new Grouping(group.groupBy());
    for (List<String> key : keys) {
      if (!filed.contains(key)) {
        put(cache, selector, g, key, List.of(), 0, at.minus(span), at);
      }
    }
  }

  private static void put(
      SampleCache cache,
      String selector,
      Grouping g,
      List<String> key,
      List<CounterIncrease> series,
      long bytes,
      Instant from,
      Instant at) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < key.size(); i++) {
      labels.put(g.labels().get(i), key.get(i));
    }
    cache.put(
        Grouping.narrow(selector, labels),
        at,
        new SampleCache.Entry(from, List.copyOf(series), bytes));
  }
}
