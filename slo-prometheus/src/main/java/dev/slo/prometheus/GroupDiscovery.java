package dev.slo.prometheus;

import dev.slo.core.model.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the groups of a grouped SLO on the server ({@code group_by}). Stateless. */
final class GroupDiscovery {
  private GroupDiscovery() {}

  /**
   * The label sets of a grouped SLO's {@code group_by} labels among the series of its total events
   * in {@code (from, to]}: one {@code count by (labels) (last_over_time(total[range]))} at {@code
   * to} (for queries, {@code count by (labels) (query)} over the range). Labels a series lacks are
   * empty, as in Prometheus.
   */
  static Set<Map<String, String>> discover(
      PrometheusClient client, Slo template, SliQueries q, Instant from, Instant to) {
    Duration span = Duration.between(from, to);
    if (span.isNegative() || span.isZero()) {
      return Set.of();
    }
    Grouping g = new Grouping(template.groupBy());
    String range = PrometheusSource.range(span);
    String inner =
        q.kind() == SliQueries.Kind.COUNTERS
            ? "last_over_time(" + q.total() + "[" + range + "])"
            : SliQueries.withWindow(q.total(), range);
    String query = "count by (" + g.list() + ") (" + inner + ")";
    long cap = 64L * 1024 + 4 * GroupedPushdown.BYTES_PER_SERIES * template.maxGroups();
    QueryResult r = client.query(query, to, cap);
    CounterPushdown.expect(client.base(), r, QueryResult.Type.VECTOR, query, template.sloId());
    Set<Map<String, String>> out = new LinkedHashSet<>();
    for (QueryResult.Series s : r.series()) {
      List<String> key = g.key(s.labels());
      Map<String, String> labels = new LinkedHashMap<>();
      for (int i = 0; i < key.size(); i++) {
        labels.put(g.labels().get(i), key.get(i));
      }
      out.add(Map.copyOf(labels));
    }
    return out;
  }
}
