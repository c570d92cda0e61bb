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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

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
   */
  record Term(String expr, Grouping by, long evalMs) {
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
  private Instant at;
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
      List<Term> all = e.getValue();
      int per = Math.max(1, (all.size() + SPREAD - 1) / SPREAD);
      for (int i = 0; i < all.size(); i += per) {
        List<Term> bin = all.subList(i, Math.min(all.size(), i + per));
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

  private Map<Term, Answer> batch(Instant time, List<Term> batch, int maxGroups, String who) {
    List<String> subs = new ArrayList<>(batch.size());
    batch.forEach(t -> subs.add(t.query()));
    String query = Batches.or(subs);
    long cap = 64L * 1024 + BYTES_PER_SERIES * batch.size() * (long) maxGroups;
    // past the cap the client refuses the reply with a message naming the query
    QueryResult r = client.query(query, time, cap);
    if (r.type() != QueryResult.Type.VECTOR) {
      throw new SourceException(
          client.base()
              + ": "
              + who
              + ": the query returned a "
              + r.type().apiName()
              + ", expected an instant vector: "
              + PrometheusClient.cut(query));
    }
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
    if (n == 1) {
      return 0;
    }
    String label = s.labels().get(CounterPushdown.TERM_LABEL);
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
              + CounterPushdown.TERM_LABEL
              + " label to a batched query: "
              + PrometheusClient.cut(query));
    }
    return i;
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
    String part = q.good() != null ? q.good() : q.bad();
    long atMs = at.toEpochMilli();
    List<Term> totals = new ArrayList<>(windows.size());
    List<Term> parts = new ArrayList<>(windows.size());
    Set<Term> all = new LinkedHashSet<>();
    for (Window w : windows) {
      if (!w.end().isAfter(w.start())) {
        totals.add(null);
        parts.add(null);
        continue;
      }
      Duration len = Duration.between(w.start(), w.end());
      long endMs = w.end().toEpochMilli();
      Term total;
      Term p = null;
      if (q.kind() == SliQueries.Kind.COUNTERS) {
        total = new Term(increase(q.total(), len, atMs - endMs), g, atMs);
        p = new Term(increase(part, len, atMs - endMs), g, atMs);
      } else {
        String range = PrometheusSource.range(len);
        total = new Term(SliQueries.withWindow(q.total(), range), g, endMs);
        if (q.kind() == SliQueries.Kind.QUERIES) {
          p = new Term(SliQueries.withWindow(part, range), g, endMs);
        }
      }
      totals.add(total);
      parts.add(p);
      all.add(total);
      if (p != null) {
        all.add(p);
      }
    }
    Map<Term, Answer> got = answers(at, all, slo.maxGroups(), slo.sloId());
    boolean anySeries = false;
    List<EventCounts> out = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      Term tt = totals.get(i);
      if (tt == null) {
        out.add(EventCounts.ZERO);
        continue;
      }
      Answer ta = got.get(tt);
      anySeries |= !ta.byGroup().isEmpty();
      Double total = ta.byGroup().get(key);
      Instant end = windows.get(i).end();
      if (q.kind() == SliQueries.Kind.RATIO) {
        out.add(ratio(slo, total, end, tt));
        continue;
      }
      Double p = got.get(parts.get(i)).byGroup().get(key);
      long t = total == null ? 0 : Math.round(finite(slo, total, tt));
      long v = total == null || p == null ? 0 : Math.round(finite(slo, p, parts.get(i)));
      out.add(checked.of(slo, q.good() != null, v, t, end));
    }
    if (!anySeries && q.kind() != SliQueries.Kind.RATIO) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": no series match " + q.total() + " at " + at);
    }
    return out;
  }

  private EventCounts ratio(Slo slo, Double ratio, Instant end, Term t) {
    if (ratio == null || ratio.isNaN()) {
      return EventCounts.ZERO;
    }
    if (ratio < 0 || ratio > 1) {
      throw new SourceException(
          client.base()
              + ": "
              + slo.sloId()
              + ": sli_query gave "
              + ratio
              + " at "
              + end
              + "; it must be a good ratio between 0 and 1 for each group: "
              + PrometheusClient.cut(t.query()));
    }
    long scale = PrometheusSource.RATIO_SCALE;
    return new EventCounts(Math.round(ratio * scale), scale);
  }

  private double finite(Slo slo, double v, Term t) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new SourceException(
          client.base()
              + ": "
              + slo.sloId()
              + ": the query returned "
              + v
              + ": "
              + PrometheusClient.cut(t.query()));
    }
    return v;
  }

  /**
   * The label sets of a grouped SLO's {@code group_by} labels among the series of its total events
   * in {@code (from, to]}: one {@code count by (labels) (last_over_time(total[range]))} at {@code
   * to} (for queries, {@code count by (labels) (query)} over the range). Labels a series lacks are
   * empty, as in Prometheus.
   */
  Set<Map<String, String>> discover(Slo template, SliQueries q, Instant from, Instant to) {
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
    long cap = 64L * 1024 + 4 * BYTES_PER_SERIES * template.maxGroups();
    QueryResult r = client.query(query, to, cap);
    if (r.type() != QueryResult.Type.VECTOR) {
      throw new SourceException(
          client.base()
              + ": "
              + template.sloId()
              + ": the query returned a "
              + r.type().apiName()
              + ", expected an instant vector: "
              + PrometheusClient.cut(query));
    }
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

  /** {@code increase(selector[length] offset o)} for a window ending {@code backMs} before. */
  static String increase(String selector, Duration length, long backMs) {
    return "increase("
        + selector
        + "["
        + PrometheusSource.range(length)
        + "]"
        + (backMs == 0 ? "" : " offset " + PrometheusSource.range(backMs))
        + ")";
  }
}
