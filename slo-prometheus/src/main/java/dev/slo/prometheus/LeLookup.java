package dev.slo.prometheus;

import dev.slo.core.SourceException;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.Slo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@code le} label value of a latency SLO's threshold bucket as the server spells it
 * ({@link LeMatch}): asked once per histogram, selector and threshold, then kept. Thread-safe.
 */
final class LeLookup {
  private final PrometheusClient client;
  private final CounterPushdown checks;
  private final ConcurrentHashMap<String, String> latencyLe = new ConcurrentHashMap<>();

  /**
   * @param checks the reply checks (result type) shared with pushdown
   */
  LeLookup(PrometheusClient client, CounterPushdown checks) {
    this.client = client;
    this.checks = checks;
  }

  /**
   * The {@code le} matcher of a latency SLO's threshold, e.g. {@code le="0.3"}, looked up once per
   * histogram, selector and threshold; null for an SLO without a latency SLI.
   */
  @Nullable String matcher(Slo slo, Instant at) {
    LatencySli l = slo.sli().latency();
    if (l == null) {
      return null;
    }
    String key = l.histogram() + l.selector() + " " + l.threshold();
    String le = latencyLe.get(key);
    if (le == null) {
      le = find(slo, l, at);
      latencyLe.putIfAbsent(key, le);
    }
    return "le=\"" + le + "\"";
  }

  private String find(Slo slo, LatencySli l, Instant at) {
    String query = "count by (le) (" + l.histogram() + "_bucket" + l.selector() + ")";
    QueryResult data = client.query(query, at, PrometheusSource.USER_QUERY_MAX_BYTES);
    checks.expect(data, QueryResult.Type.VECTOR, query, slo.sloId());
    List<String> les = new ArrayList<>();
    for (QueryResult.Series s : data.series()) {
      les.add(s.labels().getOrDefault("le", ""));
    }
    if (les.isEmpty()) {
      throw new SourceException(
          client.base()
              + ": "
              + slo.sloId()
              + ": no series match "
              + l.histogram()
              + "_bucket"
              + l.selector()
              + " at "
              + at);
    }
    return LeMatch.find(slo.sloId(), l.threshold(), les);
  }
}
