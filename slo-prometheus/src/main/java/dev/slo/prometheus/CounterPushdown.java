package dev.slo.prometheus;

import dev.slo.core.SourceException;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Reads counter increases in pushdown mode with few requests. Subqueries {@code
 * sum(increase(selector[window]))} are batched, many to one request, with {@code label_replace(...)
 * or ...} naming each by a {@code slo_term} label; windows of one length whose ends step back by
 * whole hours from the evaluation instant (the forecast's points) come from one {@code query_range}
 * with a one-hour step, which Prometheus evaluates over one pass of the samples. Answers are kept
 * in a {@link TermCache}, so SLOs that share a selector and a window share one subquery.
 * Thread-safe.
 */
final class CounterPushdown {
  /** Batched query text is kept under this length (VictoriaMetrics refuses 16 KiB by default). */
  static final int MAX_QUERY_CHARS = 12_000;

  /** Windows of one length needing at least this many hourly points use one range query. */
  static final int MIN_RANGE_POINTS = 3;

  static final Duration STEP = Duration.ofHours(1);
  static final String TERM_LABEL = "slo_term";

  private final PrometheusClient client;
  private final ExecutorService pool;
  private final TermCache cache = new TermCache();

  CounterPushdown(PrometheusClient client, ExecutorService pool) {
    this.client = client;
    this.pool = pool;
  }

  /**
   * Makes sure every term of {@code needs} is in the cache, then returns the cache's answers for
   * {@code mine}.
   *
   * @param at the evaluation instant
   * @param needs every term to have answered (this SLO's and, speculatively, its fleet's)
   * @param mine the terms asked for
   * @param who the SLO, for messages
   */
  Map<TermCache.Term, TermCache.Answer> answers(
      Instant at, Set<TermCache.Term> needs, List<TermCache.Term> mine, String who) {
    cache.scope(at);
    List<TermCache.Term> missing = new ArrayList<>();
    for (TermCache.Term t : needs) {
      if (cache.get(t) == null) {
        missing.add(t);
      }
    }
    if (!missing.isEmpty()) {
      fetch(at, missing, who);
    }
    Map<TermCache.Term, TermCache.Answer> out = new LinkedHashMap<>();
    for (TermCache.Term t : mine) {
      TermCache.Answer a = cache.get(t);
      if (a == null) {
        // the scope moved on under a concurrent caller: ask again for just these
        fetch(at, List.of(t), who);
        a = cache.get(t);
        if (a == null) {
          a = new TermCache.Answer(null);
        }
      }
      out.put(t, a);
    }
    return out;
  }

  private void fetch(Instant at, List<TermCache.Term> missing, String who) {
    // group by (selector, length): hourly points of one length go to a range query
    Map<List<Object>, List<TermCache.Term>> byLength = new LinkedHashMap<>();
    for (TermCache.Term t : missing) {
      byLength.computeIfAbsent(List.of(t.selector(), t.lengthMs()), k -> new ArrayList<>()).add(t);
    }
    List<TermCache.Term> instant = new ArrayList<>();
    Map<List<Long>, List<RangeTerm>> ranges = new LinkedHashMap<>();
    long atMs = at.toEpochMilli();
    for (List<TermCache.Term> group : byLength.values()) {
      List<TermCache.Term> hourly = new ArrayList<>();
      long maxBack = 0;
      for (TermCache.Term t : group) {
        long back = atMs - t.endMs();
        if (back >= 0 && back % STEP.toMillis() == 0) {
          hourly.add(t);
          maxBack = Math.max(maxBack, back);
        } else {
          instant.add(t);
        }
      }
      if (hourly.size() >= MIN_RANGE_POINTS) {
        TermCache.Term first = hourly.get(0);
        ranges
            .computeIfAbsent(List.of(maxBack), k -> new ArrayList<>())
            .add(new RangeTerm(first.selector(), first.lengthMs(), hourly));
      } else {
        instant.addAll(hourly);
      }
    }
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (List<TermCache.Term> batch : batches(instant, t -> subquery(t, atMs))) {
      calls.add(CompletableFuture.runAsync(() -> instantBatch(at, batch, who), pool));
    }
    for (Map.Entry<List<Long>, List<RangeTerm>> e : ranges.entrySet()) {
      long maxBack = e.getKey().get(0);
      for (List<RangeTerm> batch : batches(e.getValue(), r -> r.query())) {
        calls.add(CompletableFuture.runAsync(() -> rangeBatch(at, maxBack, batch, who), pool));
      }
    }
    join(calls);
  }

  /** Terms of one selector and length wanted at hourly points. */
  private record RangeTerm(String selector, long lengthMs, List<TermCache.Term> points) {
    String query() {
      return "sum(increase(" + selector + "[" + PrometheusSource.range(lengthMs) + "]))";
    }
  }

  private static String subquery(TermCache.Term t, long atMs) {
    long offset = atMs - t.endMs();
    return "sum(increase("
        + t.selector()
        + "["
        + PrometheusSource.range(t.lengthMs())
        + "]"
        + (offset == 0 ? "" : " offset " + PrometheusSource.range(offset))
        + "))";
  }

  private static <T> List<List<T>> batches(
      List<T> items, java.util.function.Function<T, String> q) {
    List<List<T>> out = new ArrayList<>();
    List<T> cur = new ArrayList<>();
    int chars = 0;
    for (T item : items) {
      int len = q.apply(item).length() + 40;
      if (!cur.isEmpty() && chars + len > MAX_QUERY_CHARS) {
        out.add(cur);
        cur = new ArrayList<>();
        chars = 0;
      }
      cur.add(item);
      chars += len;
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  /** One query for many subqueries; a single one is sent as is. */
  static String batched(List<String> subqueries) {
    if (subqueries.size() == 1) {
      return subqueries.get(0);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < subqueries.size(); i++) {
      if (i > 0) {
        b.append(" or ");
      }
      b.append("label_replace(")
          .append(subqueries.get(i))
          .append(", \"")
          .append(TERM_LABEL)
          .append("\", \"")
          .append(i)
          .append("\", \"\", \"\")");
    }
    return b.toString();
  }

  private void instantBatch(Instant at, List<TermCache.Term> batch, String who) {
    long atMs = at.toEpochMilli();
    List<String> subs = new ArrayList<>(batch.size());
    for (TermCache.Term t : batch) {
      subs.add(subquery(t, atMs));
    }
    String query = batched(subs);
    QueryResult r = client.query(query, at, 64L * 1024 + 1024L * batch.size());
    expect(r, QueryResult.Type.VECTOR, query, who);
    if (batch.size() == 1) {
      oneSeries(r, query, who);
    }
    Double[] values = new Double[batch.size()];
    for (QueryResult.Series s : r.series()) {
      int i = index(s, batch.size(), query, who);
      values[i] = value(s.values()[0], query, who);
    }
    for (int i = 0; i < batch.size(); i++) {
      cache.put(batch.get(i), new TermCache.Answer(values[i]));
    }
  }

  private void rangeBatch(Instant at, long maxBack, List<RangeTerm> batch, String who) {
    List<String> subs = new ArrayList<>(batch.size());
    for (RangeTerm t : batch) {
      subs.add(t.query());
    }
    String query = batched(subs);
    Instant start = at.minusMillis(maxBack);
    long points = maxBack / STEP.toMillis() + 1;
    QueryResult r =
        client.queryRange(query, start, at, STEP, 64L * 1024 + 128L * points * batch.size());
    expect(r, QueryResult.Type.MATRIX, query, who);
    if (batch.size() == 1) {
      oneSeries(r, query, who);
    }
    List<Map<Long, Double>> byTerm = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      byTerm.add(new java.util.HashMap<>());
    }
    for (QueryResult.Series s : r.series()) {
      int i = index(s, batch.size(), query, who);
      for (int k = 0; k < s.size(); k++) {
        byTerm.get(i).put(s.millis()[k], value(s.values()[k], query, who));
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      RangeTerm t = batch.get(i);
      for (TermCache.Term p : t.points()) {
        cache.put(p, new TermCache.Answer(byTerm.get(i).get(p.endMs())));
      }
    }
  }

  private int index(QueryResult.Series s, int n, String query, String who) {
    if (n == 1) {
      return 0;
    }
    String label = s.labels().get(TERM_LABEL);
    int i;
    try {
      i = label == null ? -1 : Integer.parseInt(label);
    } catch (NumberFormatException e) {
      i = -1;
    }
    if (i < 0 || i >= n) {
      throw new SourceException(
          client.base()
              + ": "
              + who
              + ": the server answered a series without a valid "
              + TERM_LABEL
              + " label to a batched query: "
              + PrometheusClient.cut(query));
    }
    return i;
  }

  private Double value(double v, String query, String who) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new SourceException(
          client.base()
              + ": "
              + who
              + ": the query returned "
              + v
              + ": "
              + PrometheusClient.cut(query));
    }
    return v;
  }

  void expect(QueryResult r, QueryResult.Type type, String query, String who) {
    if (r.type() != type) {
      throw new SourceException(
          client.base()
              + ": "
              + who
              + ": the query returned a "
              + r.type().apiName()
              + ", expected "
              + (type == QueryResult.Type.VECTOR ? "an instant vector" : "a range vector")
              + ": "
              + PrometheusClient.cut(query));
    }
  }

  /** Refuses a reply of more than one series to a query that must give one. */
  void oneSeries(QueryResult r, String query, String who) {
    if (r.series().size() > 1) {
      throw new SourceException(
          client.base()
              + ": "
              + who
              + ": the query returned "
              + r.series().size()
              + " series; wrap it in sum(): "
              + PrometheusClient.cut(query));
    }
  }

  static void join(List<CompletableFuture<Void>> calls) {
    for (CompletableFuture<Void> f : calls) {
      try {
        f.join();
      } catch (CompletionException e) {
        calls.forEach(x -> x.cancel(false));
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
  }

  /** The terms of counter windows: total and part selector for each non-empty window. */
  static List<TermCache.Term> terms(SliQueries q, List<Window> windows) {
    List<TermCache.Term> out = new ArrayList<>();
    String part = q.good() != null ? q.good() : q.bad();
    for (Window w : windows) {
      if (w.end().isAfter(w.start())) {
        long len = Duration.between(w.start(), w.end()).toMillis();
        out.add(new TermCache.Term(q.total(), len, w.end().toEpochMilli()));
        out.add(new TermCache.Term(part, len, w.end().toEpochMilli()));
      }
    }
    return out;
  }
}
