package dev.slo.prometheus;

import dev.slo.core.SourceException;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * with a one-hour step, which Prometheus evaluates over one pass of the samples; long windows
 * ending at the instant are read as disjoint segments ({@link SegmentPlan}), so the samples of the
 * longest window are read once, in pieces spread over the requests. Answers are kept in a {@link
 * TermCache}, so SLOs that share a selector and a window share one subquery. Thread-safe.
 */
final class CounterPushdown {
  /** Batched query text is kept under this length (VictoriaMetrics refuses 16 KiB by default). */
  static final int MAX_QUERY_CHARS = 12_000;

  /** Windows of one length needing at least this many hourly points use one range query. */
  static final int MIN_RANGE_POINTS = 3;

  /** Instant subqueries of one fetch are spread over at most this many requests. */
  static final int SPREAD = 4;

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
      try {
        fetch(at, missing, who);
      } catch (QueryRefusedException e) {
        // another SLO's subquery in the batch may be the one refused: ask for this SLO's own
        List<TermCache.Term> own = new ArrayList<>();
        for (TermCache.Term t : new LinkedHashSet<>(mine)) {
          if (cache.get(t) == null) {
            own.add(t);
          }
        }
        if (own.size() == missing.size() || own.isEmpty()) {
          throw e;
        }
        fetch(at, own, who);
      }
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
    long atMs = at.toEpochMilli();
    Map<TermCache.Term, HourlyDecomposition.Parts> derived =
        HourlyDecomposition.plan(atMs, new LinkedHashSet<>(missing), t -> cache.get(t) != null);
    Set<TermCache.Term> asked = new LinkedHashSet<>();
    for (TermCache.Term t : missing) {
      if (!derived.containsKey(t)) {
        asked.add(t);
      }
    }
    for (HourlyDecomposition.Parts p : derived.values()) {
      for (TermCache.Term t : p.all()) {
        if (cache.get(t) == null) {
          asked.add(t);
        }
      }
    }
    // long windows ending at the instant are read as disjoint segments, each sample once
    Map<TermCache.Term, SegmentPlan.Sum> sums = SegmentPlan.plan(atMs, asked);
    Set<TermCache.Term> read = new LinkedHashSet<>();
    for (TermCache.Term t : asked) {
      SegmentPlan.Sum sum = sums.get(t);
      if (sum == null) {
        read.add(t);
        continue;
      }
      for (TermCache.Term s : sum.segments()) {
        if (cache.get(s) == null) {
          read.add(s);
        }
      }
    }
    fetchTerms(at, new ArrayList<>(read), who);
    for (SegmentPlan.Sum sum : sums.values()) {
      cache.put(sum.window(), new TermCache.Answer(sum.value(cache::get)));
    }
    for (Map.Entry<TermCache.Term, HourlyDecomposition.Parts> e : derived.entrySet()) {
      Map<TermCache.Term, TermCache.Answer> parts = new HashMap<>();
      for (TermCache.Term t : e.getValue().all()) {
        TermCache.Answer a = cache.get(t);
        parts.put(t, a == null ? new TermCache.Answer(null) : a);
      }
      cache.put(e.getKey(), new TermCache.Answer(e.getValue().value(parts)));
    }
  }

  private void fetchTerms(Instant at, List<TermCache.Term> missing, String who) {
    // group by (selector, length): runs of hourly points of one length go to a range query
    Map<List<Object>, List<TermCache.Term>> byLength = new LinkedHashMap<>();
    for (TermCache.Term t : missing) {
      byLength.computeIfAbsent(List.of(t.selector(), t.lengthMs()), k -> new ArrayList<>()).add(t);
    }
    List<TermCache.Term> instant = new ArrayList<>();
    Map<List<Long>, List<RangeQuery.Wanted>> ranges = new LinkedHashMap<>();
    long atMs = at.toEpochMilli();
    long step = STEP.toMillis();
    for (List<TermCache.Term> group : byLength.values()) {
      List<TermCache.Term> hourly = new ArrayList<>();
      for (TermCache.Term t : group) {
        long back = atMs - t.endMs();
        if (back >= 0 && back % step == 0) {
          hourly.add(t);
        } else {
          instant.add(t);
        }
      }
      hourly.sort(java.util.Comparator.comparingLong(t -> atMs - t.endMs()));
      int i = 0;
      while (i < hourly.size()) {
        int j = i + 1;
        while (j < hourly.size()
            && hourly.get(j).endMs() - hourly.get(j - 1).endMs() >= -2 * step) {
          j++;
        }
        List<TermCache.Term> run = hourly.subList(i, j);
        if (run.size() >= MIN_RANGE_POINTS) {
          long minBack = atMs - run.get(0).endMs();
          long maxBack = atMs - run.get(run.size() - 1).endMs();
          TermCache.Term first = run.get(0);
          ranges
              .computeIfAbsent(List.of(minBack, maxBack), k -> new ArrayList<>())
              .add(new RangeQuery.Wanted(first.selector(), first.lengthMs(), List.copyOf(run)));
        } else {
          instant.addAll(run);
        }
        i = j;
      }
    }
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    List<Subquery> merged = FanSubquery.merge(InstantSubquery.of(instant));
    for (List<Subquery> bin : Batches.spread(merged, SPREAD)) {
      for (List<Subquery> batch : Batches.split(bin, q -> q.query(atMs), MAX_QUERY_CHARS)) {
        calls.add(CompletableFuture.runAsync(() -> instantBatch(at, batch, who), pool));
      }
    }
    for (Map.Entry<List<Long>, List<RangeQuery.Wanted>> e : ranges.entrySet()) {
      long minBack = e.getKey().get(0);
      long maxBack = e.getKey().get(1);
      List<RangeQuery> queries = RangeQuery.merge(e.getValue());
      for (List<RangeQuery> batch : Batches.split(queries, RangeQuery::query, MAX_QUERY_CHARS)) {
        calls.add(
            CompletableFuture.runAsync(() -> rangeBatch(at, minBack, maxBack, batch, who), pool));
      }
    }
    join(calls);
  }

  private void instantBatch(Instant at, List<Subquery> batch, String who) {
    long atMs = at.toEpochMilli();
    List<String> subs = new ArrayList<>(batch.size());
    int terms = 0;
    for (Subquery q : batch) {
      subs.add(q.query(atMs));
      terms += q.termCount();
    }
    String query = Batches.or(subs);
    QueryResult r = client.query(query, at, 64L * 1024 + 1024L * terms);
    expect(r, QueryResult.Type.VECTOR, query, who);
    if (batch.size() == 1 && batch.get(0).oneSeries()) {
      oneSeries(r, query, who);
    }
    List<List<QueryResult.Series>> bySubquery = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      bySubquery.add(new ArrayList<>());
    }
    for (QueryResult.Series s : r.series()) {
      bySubquery.get(index(s, batch.size(), query, who)).add(s);
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).answer(bySubquery.get(i), cache, s -> value(s.values()[0], query, who));
    }
  }

  private void rangeBatch(
      Instant at, long minBack, long maxBack, List<RangeQuery> batch, String who) {
    List<String> subs = new ArrayList<>(batch.size());
    int members = 0;
    for (RangeQuery q : batch) {
      subs.add(q.query());
      members += q.points().size();
    }
    String query = Batches.or(subs);
    Instant start = at.minusMillis(maxBack);
    long points = (maxBack - minBack) / STEP.toMillis() + 1;
    QueryResult r =
        client.queryRange(
            query, start, at.minusMillis(minBack), STEP, 64L * 1024 + 128L * points * members);
    expect(r, QueryResult.Type.MATRIX, query, who);
    if (batch.size() == 1 && batch.get(0).fanLabel() == null) {
      oneSeries(r, query, who);
    }
    List<Map<String, Map<Long, Double>>> byTerm = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      byTerm.add(new HashMap<>());
    }
    for (QueryResult.Series s : r.series()) {
      int i = index(s, batch.size(), query, who);
      String fan = batch.get(i).fanLabel();
      String v = fan == null ? "" : s.labels().getOrDefault(fan, "");
      Map<Long, Double> values = byTerm.get(i).computeIfAbsent(v, k -> new HashMap<>());
      for (int k = 0; k < s.size(); k++) {
        values.put(s.millis()[k], value(s.values()[k], query, who));
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      Map<String, Map<Long, Double>> answered = byTerm.get(i);
      batch
          .get(i)
          .points()
          .forEach(
              (v, ps) -> {
                Map<Long, Double> values = answered.getOrDefault(v, Map.of());
                for (TermCache.Term p : ps) {
                  cache.put(p, new TermCache.Answer(values.get(p.endMs())));
                }
              });
    }
  }

  private int index(QueryResult.Series s, int n, String query, String who) {
    return termIndex(client, s, n, query, who);
  }

  /**
   * Which of the {@code n} subqueries of a batched query (joined with {@code or}, each tagged with
   * {@link #TERM_LABEL}) a series of the answer belongs to; a series without a valid tag is the
   * server's error.
   */
  static int termIndex(
      PrometheusClient client, QueryResult.Series s, int n, String query, String who) {
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
    expect(client.base(), r, type, query, who);
  }

  /**
   * Refuses a reply of another result type than {@code type} from the server at {@code base},
   * naming the server, {@code who} asked and the query.
   */
  static void expect(
      java.net.URI base, QueryResult r, QueryResult.Type type, String query, String who) {
    if (r.type() != type) {
      throw new SourceException(
          base
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
    String part = q.part();
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
