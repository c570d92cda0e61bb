package dev.slo.prometheus;

import dev.slo.core.SourceException;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Reads every group of a grouped SLO at once in pushdown mode: each window's subquery is {@code sum
 * by (route) (...)}, whose series give every group's value, so the first group evaluated at an
 * instant fetches its windows for all groups and the others are answered from memory. Subqueries
 * evaluated at one instant are batched many to a request ({@link Batches#or}) and spread over up to
 * {@value #SPREAD} requests that run at once. Answers are scoped to one evaluation instant and at
 * most {@link TermCache#MAX_AGE} of wall time, as in {@link TermCache}. Thread-safe.
 */
final class GroupedPushdown {
  /** Subqueries of one evaluation time are spread over at least this many requests. */
  static final int SPREAD = 4;

  /** Bytes allowed per series of a reply: labels, a value and a timestamp. */
  static final long BYTES_PER_SERIES = 512;

  /**
   * One subquery: {@code sum by (labels) (expr)} evaluated at {@code evalMs}.
   *
   * @param expr the PromQL inside the sum
   * @param by the grouping labels
   * @param evalMs the evaluation time in epoch milliseconds
   * @param lengthMs the window's length, the cost by which subqueries are spread over requests
   */
  record Term(String expr, Grouping by, long evalMs, long lengthMs) {
    String query() {
      return by.sum(expr);
    }
  }

  /**
   * What a subquery gave: per group key, the value (NaN and infinities kept for the caller to
   * judge); empty when no series matched.
   */
  record Answer(Map<List<String>, Double> byGroup) {}

  private final PrometheusClient client;
  private final ExecutorService pool;
  private final ConcurrentHashMap<Term, Answer> answers = new ConcurrentHashMap<>();
  private @Nullable Instant at; // set by scope()
  private long createdNanos;

  GroupedPushdown(PrometheusClient client, ExecutorService pool) {
    this.client = client;
    this.pool = pool;
  }

  /**
   * The answers to {@code terms}, fetching those not already read for this instant.
   *
   * @param at the evaluation instant, which scopes the cache
   * @param maxGroups the most series one subquery may answer before the reply is refused
   * @param who the SLO, for messages
   */
  Map<Term, Answer> answers(Instant at, Collection<Term> terms, int maxGroups, String who) {
    scope(at);
    Map<Long, List<Term>> missing = new LinkedHashMap<>();
    for (Term t : terms) {
      if (!answers.containsKey(t)) {
        missing.computeIfAbsent(t.evalMs(), k -> new ArrayList<>()).add(t);
      }
    }
    if (!missing.isEmpty()) {
      fetch(missing, maxGroups, who);
    }
    Map<Term, Answer> out = new HashMap<>();
    for (Term t : terms) {
      Answer a = answers.get(t);
      if (a == null) { // the scope moved on under a concurrent caller: ask again for this one
        Map<Long, List<Term>> one = Map.of(t.evalMs(), List.of(t));
        a = fetch(one, maxGroups, who).get(t);
      }
      out.put(t, a);
    }
    return out;
  }

  private synchronized void scope(Instant at) {
    long now = System.nanoTime();
    if (!at.equals(this.at)
        || now - createdNanos > TermCache.MAX_AGE.toNanos()
        || answers.size() > TermCache.MAX_ENTRIES) {
      answers.clear();
      this.at = at;
      createdNanos = now;
    }
  }

  private Map<Term, Answer> fetch(Map<Long, List<Term>> missing, int maxGroups, String who) {
    Map<Term, Answer> got = new ConcurrentHashMap<>();
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (Map.Entry<Long, List<Term>> e : missing.entrySet()) {
      Instant time = Instant.ofEpochMilli(e.getKey());
      for (List<Term> bin : spread(e.getValue())) {
        for (List<Term> batch : Batches.split(bin, Term::query, CounterPushdown.MAX_QUERY_CHARS)) {
          calls.add(
              CompletableFuture.runAsync(
                  () -> got.putAll(batch(time, batch, maxGroups, who)), pool));
        }
      }
    }
    CounterPushdown.join(calls);
    answers.putAll(got);
    return got;
  }

  /**
   * Up to {@value #SPREAD} bins of about equal cost (window length, a proxy for the samples read),
   * longest first, as {@link Batches#spread} does: the server evaluates one request on one core.
   */
  static List<List<Term>> spread(List<Term> terms) {
    int k = Math.min(SPREAD, terms.size());
    List<List<Term>> bins = new ArrayList<>();
    long[] cost = new long[k];
    for (int i = 0; i < k; i++) {
      bins.add(new ArrayList<>());
    }
    List<Term> sorted = new ArrayList<>(terms);
    sorted.sort(java.util.Comparator.comparingLong((Term t) -> -t.lengthMs()));
    for (Term t : sorted) {
      int best = 0;
      for (int i = 1; i < k; i++) {
        if (cost[i] < cost[best]) {
          best = i;
        }
      }
      bins.get(best).add(t);
      cost[best] += Math.max(1, t.lengthMs());
    }
    return bins;
  }

  private Map<Term, Answer> batch(Instant time, List<Term> batch, int maxGroups, String who) {
    List<String> subs = new ArrayList<>(batch.size());
    batch.forEach(t -> subs.add(t.query()));
    String query = Batches.or(subs);
    long cap = 64L * 1024 + BYTES_PER_SERIES * batch.size() * (long) maxGroups;
    // past the cap the client refuses the reply with a message naming the query
    QueryResult r = client.query(query, time, cap);
    CounterPushdown.expect(client.base(), r, QueryResult.Type.VECTOR, query, who);
    List<Map<List<String>, Double>> values = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      values.add(new HashMap<>());
    }
    for (QueryResult.Series s : r.series()) {
      int i = index(s, batch.size(), query, who);
      values.get(i).merge(batch.get(i).by().key(s.labels()), s.values()[0], Double::sum);
    }
    Map<Term, Answer> out = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      out.put(batch.get(i), new Answer(Map.copyOf(values.get(i))));
    }
    return out;
  }

  private int index(QueryResult.Series s, int n, String query, String who) {
    return CounterPushdown.termIndex(client, s, n, query, who);
  }

  /** Turns a group's part and total increase in a window into counts, checking them. */
  @FunctionalInterface
  interface Checked {
    EventCounts of(Slo slo, boolean isGood, long part, long total, Instant end);
  }

  /**
   * One group's counts per window, read with every other group of its SLO: counters as {@code sum
   * by (labels) (increase(...))} at {@code at} with offsets, queries and {@code sli_query} as
   * {@code sum by (labels) (query)} at each window's end (the query must keep the labels). A group
   * without series in a window has no events there (a group that vanished goes to no data).
   *
   * @throws SourceException when no group has a total series in any window, or a value is invalid
   */
  List<EventCounts> counts(
      Slo slo, SliQueries q, List<Window> windows, Instant at, Checked checked) {
    Grouping g = new Grouping(slo.groupBy());
    List<String> key = g.key(slo.groupLabels());
    @Nullable String part = q.good() != null ? q.good() : q.bad();
    List<Map<List<String>, Double>> totals;
    List<Map<List<String>, Double>> parts;
    if (q.kind() == SliQueries.Kind.COUNTERS) {
      List<TermCache.Term> ts = new ArrayList<>();
      List<TermCache.Term> ps = new ArrayList<>();
      for (Window w : windows) {
        long len = Duration.between(w.start(), w.end()).toMillis();
        ts.add(new TermCache.Term(q.total(), len, w.end().toEpochMilli()));
        ps.add(new TermCache.Term(q.part(), len, w.end().toEpochMilli()));
      }
      Set<TermCache.Term> wanted = new LinkedHashSet<>();
      for (int i = 0; i < windows.size(); i++) {
        if (windows.get(i).end().isAfter(windows.get(i).start())) {
          wanted.add(ts.get(i));
          wanted.add(ps.get(i));
        }
      }
      Map<TermCache.Term, Map<List<String>, Double>> v = increases(slo, g, key, wanted, at);
      totals = new ArrayList<>();
      parts = new ArrayList<>();
      for (int i = 0; i < windows.size(); i++) {
        totals.add(v.getOrDefault(ts.get(i), Map.of()));
        parts.add(v.getOrDefault(ps.get(i), Map.of()));
      }
    } else {
      List<Term> tq = new ArrayList<>();
      List<Term> pq = new ArrayList<>();
      for (Window w : windows) {
        String range = PrometheusSource.range(Duration.between(w.start(), w.end()));
        long endMs = w.end().toEpochMilli();
        long len = Duration.between(w.start(), w.end()).toMillis();
        tq.add(new Term(SliQueries.withWindow(q.total(), range), g, endMs, len));
        pq.add(part == null ? null : new Term(SliQueries.withWindow(part, range), g, endMs, len));
      }
      Set<Term> all = new LinkedHashSet<>();
      for (int i = 0; i < windows.size(); i++) {
        if (windows.get(i).end().isAfter(windows.get(i).start())) {
          all.add(tq.get(i));
          if (pq.get(i) != null) {
            all.add(pq.get(i));
          }
        }
      }
      Map<Term, Answer> got = answers(at, all, slo.maxGroups(), slo.sloId());
      totals = new ArrayList<>();
      parts = new ArrayList<>();
      for (int i = 0; i < windows.size(); i++) {
        Answer ta = got.get(tq.get(i));
        Answer pa = pq.get(i) == null ? null : got.get(pq.get(i));
        totals.add(ta == null ? Map.of() : ta.byGroup());
        parts.add(pa == null ? Map.of() : pa.byGroup());
        if (q.kind() == SliQueries.Kind.QUERIES) {
          finite(slo, totals.get(i).get(key), tq.get(i).query());
          finite(slo, parts.get(i).get(key), pq.get(i).query());
        }
      }
    }
    boolean anySeries = false;
    List<EventCounts> out = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      Window w = windows.get(i);
      if (!w.end().isAfter(w.start())) {
        out.add(EventCounts.ZERO);
        continue;
      }
      anySeries |= !totals.get(i).isEmpty();
      Double total = totals.get(i).get(key);
      if (q.kind() == SliQueries.Kind.RATIO) {
        out.add(ratio(slo, total, w.end(), q.total()));
        continue;
      }
      Double p = parts.get(i).get(key);
      long t = total == null ? 0 : Math.round(total);
      long v = total == null || p == null ? 0 : Math.round(p);
      out.add(checked.of(slo, q.good() != null, v, t, w.end()));
    }
    if (!anySeries && q.kind() != SliQueries.Kind.RATIO) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": no series match " + q.total() + " at " + at);
    }
    return out;
  }

  /**
   * Counter increases per window and group. Windows that end whole hours before {@code at} (the
   * forecast's points) are written as a window ending at {@code at} plus or minus one-hour
   * increases ({@link HourlyDecomposition}), per group, so the server reads each long window once
   * and a day of one-hour windows rather than 24 more long windows; on the scrape grid every part
   * is exact and so is the sum.
   */
  private Map<TermCache.Term, Map<List<String>, Double>> increases(
      Slo slo, Grouping g, List<String> key, Set<TermCache.Term> wanted, Instant at) {
    long atMs = at.toEpochMilli();
    Map<TermCache.Term, HourlyDecomposition.Parts> derived =
        HourlyDecomposition.plan(atMs, wanted, t -> false);
    Set<TermCache.Term> read = new LinkedHashSet<>();
    for (TermCache.Term t : wanted) {
      if (derived.containsKey(t)) {
        read.addAll(derived.get(t).all());
      } else {
        read.add(t);
      }
    }
    Map<TermCache.Term, Term> asked = new LinkedHashMap<>();
    for (TermCache.Term t : read) {
      String expr = increase(t.selector(), Duration.ofMillis(t.lengthMs()), atMs - t.endMs());
      asked.put(t, new Term(expr, g, atMs, t.lengthMs()));
    }
    Map<Term, Answer> got = answers(at, asked.values(), slo.maxGroups(), slo.sloId());
    Map<TermCache.Term, Map<List<String>, Double>> out = new HashMap<>();
    for (Map.Entry<TermCache.Term, Term> e : asked.entrySet()) {
      Map<List<String>, Double> v = Objects.requireNonNull(got.get(e.getValue())).byGroup();
      finite(slo, v.get(key), e.getValue().query());
      out.put(e.getKey(), v);
    }
    // only this group's points: the others are combined when they are asked for
    for (Map.Entry<TermCache.Term, HourlyDecomposition.Parts> e : derived.entrySet()) {
      HourlyDecomposition.Parts p = e.getValue();
      Double anchor = Objects.requireNonNull(out.get(p.anchor())).get(key);
      if (anchor == null) {
        out.put(e.getKey(), Map.of());
        continue;
      }
      double x = anchor;
      for (TermCache.Term m : p.minus()) {
        x -= Objects.requireNonNull(out.get(m)).getOrDefault(key, 0.0);
      }
      for (TermCache.Term m : p.plus()) {
        x += Objects.requireNonNull(out.get(m)).getOrDefault(key, 0.0);
      }
      out.put(e.getKey(), Map.of(key, Math.max(0, x)));
    }
    return out;
  }

  private EventCounts ratio(Slo slo, @Nullable Double ratio, Instant end, String query) {
    if (ratio == null || ratio.isNaN()) {
      return EventCounts.ZERO;
    }
    SliQueries.requireRatio(
        client.base(), slo, ratio, end, " for each group: " + PrometheusClient.cut(query));
    long scale = PrometheusSource.RATIO_SCALE;
    return new EventCounts(Math.round(ratio * scale), scale);
  }

  /** Refuses NaN and infinities in a group's value (null: the group has no series). */
  private void finite(Slo slo, @Nullable Double v, String query) {
    if (v != null && (v.isNaN() || v.isInfinite())) {
      throw new SourceException(
          client.base()
              + ": "
              + slo.sloId()
              + ": the query returned "
              + v
              + ": "
              + PrometheusClient.cut(query));
    }
  }

  /** {@code increase(selector[length] offset o)} for a window ending {@code backMs} before. */
  static String increase(String selector, Duration length, long backMs) {
    return InstantSubquery.increase(selector, length.toMillis(), backMs);
  }
}
