package dev.slo.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The reading side of {@link BoundaryCounts}: selectors read together, each series' values at the
 * grid's points and its gaps' resets, and the batched requests that fill them. Not thread-safe (one
 * unit is filled on one thread).
 */
final class BoundaryTracks {
  /** Subqueries of one kind are spread over at most this many requests. */
  static final int SPREAD = 4;

  private BoundaryTracks() {}

  /**
   * Selectors read together.
   *
   * @param selector the selector read
   * @param label the label telling the members apart, or null for one member
   * @param members each member's selector, by its value of {@code label}
   */
  record Unit(String selector, @Nullable String label, Map<String, String> members) {
    @Nullable String member(Map<String, String> labels) {
      return label == null
          ? members.values().iterator().next()
          : members.get(labels.getOrDefault(label, ""));
    }
  }

  /** One series' values at the grid's points and its gaps' increases. */
  static final class Track {
    final double[] value;
    final boolean[] seen;
    final double[] resets;
    final boolean[] gapSeen;

    Track(int n) {
      value = new double[n];
      seen = new boolean[n];
      resets = new double[n - 1];
      gapSeen = new boolean[n - 1];
    }
  }

  /** Requests sent, with the subquery indices of each. */
  record Asked(List<List<Integer>> batches, List<CompletableFuture<QueryResult>> replies) {
    void into(
        PrometheusClient client,
        Unit u,
        Map<String, Track> tracks,
        Map<String, String> memberOf,
        Map<String, Map<String, String>> labelsOf,
        int n,
        boolean values) {
      for (int r = 0; r < batches.size(); r++) {
        List<Integer> batch = batches.get(r);
        QueryResult reply = join(replies.get(r));
        CounterPushdown.expect(
            client.base(), reply, QueryResult.Type.VECTOR, "(exact boundaries)", "fleet");
        for (QueryResult.Series s : reply.series()) {
          int idx = batch.get(CounterPushdown.termIndex(client, s, batch.size(), "", "fleet"));
          Map<String, String> labels = identity(s.labels());
          labels.remove(CounterPushdown.TERM_LABEL);
          String member = u.member(labels);
          if (member == null) {
            continue;
          }
          String key = seriesKey(labels);
          memberOf.put(key, member);
          labelsOf.put(key, labels);
          Track t = tracks.computeIfAbsent(key, k -> new Track(n));
          double v = s.values()[0];
          if (values) {
            t.value[idx] = v;
            t.seen[idx] = !Double.isNaN(v) && !Double.isInfinite(v);
          } else {
            t.resets[idx] = v;
            t.gapSeen[idx] = !Double.isNaN(v);
          }
        }
      }
    }
  }

  /** Sends {@code queries} batched with {@code or}, spread by cost over up to SPREAD requests. */
  static Asked ask(
      PrometheusClient client,
      ExecutorService pool,
      List<String> queries,
      List<Long> costs,
      long atMs) {
    Instant at = Instant.ofEpochMilli(atMs);
    List<CompletableFuture<QueryResult>> replies = new ArrayList<>();
    List<List<Integer>> batches = new ArrayList<>();
    List<Integer> indices = new ArrayList<>(costs.size());
    for (int i = 0; i < costs.size(); i++) {
      indices.add(i);
    }
    for (List<Integer> bin : Batches.spread(indices, costs::get, SPREAD)) {
      for (List<Integer> batch :
          Batches.split(bin, i -> queries.get(i), CounterPushdown.MAX_QUERY_CHARS)) {
        List<String> subs = new ArrayList<>(batch.size());
        batch.forEach(i -> subs.add(queries.get(i)));
        String query = Batches.or(subs);
        batches.add(batch);
        replies.add(CompletableFuture.supplyAsync(() -> client.query(query, at), pool));
      }
    }
    return new Asked(batches, replies);
  }

  static QueryResult join(CompletableFuture<QueryResult> f) {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** A series' labels without its metric name (functions drop it), in label order. */
  static Map<String, String> identity(Map<String, String> labels) {
    Map<String, String> out = new TreeMap<>(labels);
    out.remove("__name__");
    return out;
  }

  /** The key a series is known by across the replies of one unit. */
  static String seriesKey(Map<String, String> identity) {
    return identity.toString();
  }
}
