package dev.slo.prometheus;

import dev.slo.core.InvalidInputException;
import dev.slo.core.SourceException;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads SLO events from a server that speaks the Prometheus HTTP API. In {@link Mode#PUSHDOWN} the
 * server computes {@code increase()} (or the user's query) per window; counter windows are batched
 * many to a request and shared between SLOs with the same selectors ({@link CounterPushdown}). In
 * {@link Mode#EXACT} raw counter samples are fetched once per selector and evaluation instant and
 * each window's increase is computed here with counter resets and no extrapolation. Every counter
 * query of one call uses the evaluation instant (the latest window end) as {@code time=}, with
 * {@code offset} for windows that end earlier; up to {@value #PARALLEL_QUERIES} requests run at
 * once. Only the result types a query can return are accepted: an instant vector for counts and
 * ratios, a range vector for samples. Thread-safe.
 */
public final class PrometheusSource implements EventSource {
  /** How windows are counted. */
  public enum Mode {
    /** The server evaluates {@code increase()} per window: fast, extrapolated. */
    PUSHDOWN,
    /** Raw samples, increase computed here: exact on regularly scraped counters. */
    EXACT
  }

  /** Pushdown queries of one evaluation run this many at a time (daemon threads, shared). */
  static final int PARALLEL_QUERIES = 8;

  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          PARALLEL_QUERIES,
          r -> {
            Thread t = new Thread(r, "slo-prometheus-query");
            t.setDaemon(true);
            return t;
          });

  /**
   * How far before the earliest window exact mode fetches samples, to find the one that anchors it:
   * an hour covers any usual scrape interval and costs little next to 30 days.
   */
  public static final Duration DEFAULT_LOOKBACK = Duration.ofHours(1);

  /** Replies to a user's query, which must give one series, are capped at this size. */
  static final long USER_QUERY_MAX_BYTES = 1L << 20;

  /** Ratio-only SLIs are scaled to this many events per window. */
  static final long RATIO_SCALE = 1_000_000_000L;

  private final PrometheusClient client;
  private final Mode mode;
  private final Duration lookback;
  private final ConcurrentHashMap<String, String> latencyLe = new ConcurrentHashMap<>();
  private final CounterPushdown pushdown;
  private final GroupedPushdown grouped;
  private final SampleCache samples = new SampleCache();
  private final List<Slo> fleet;
  private final java.util.Set<Instant> fleetPrefetched = ConcurrentHashMap.newKeySet();

  /**
   * A source.
   *
   * @param client the server
   * @param mode pushdown or exact
   * @param lookback exact mode: how far before a window's start to look for the sample that anchors
   *     it (at least one scrape interval; default {@link #DEFAULT_LOOKBACK})
   */
  public PrometheusSource(PrometheusClient client, Mode mode, Duration lookback) {
    this(client, mode, lookback, List.of());
  }

  private PrometheusSource(PrometheusClient client, Mode mode, Duration lookback, List<Slo> fleet) {
    this.client = Objects.requireNonNull(client, "client");
    this.fleet = List.copyOf(fleet);
    this.pushdown = new CounterPushdown(client, POOL);
    this.grouped = new GroupedPushdown(client, POOL);
    this.mode = Objects.requireNonNull(mode, "mode");
    if (lookback.isNegative() || lookback.isZero()) {
      throw new IllegalArgumentException(lookback + " is not a valid lookback: use > 0");
    }
    this.lookback = lookback;
  }

  /**
   * The same source told which SLOs are about to be evaluated: in pushdown mode, the first counter
   * SLO asked for at an instant fetches the windows of every counter SLO of the fleet ({@link
   * FleetWindows}) in one round of batched requests, so 100 SLOs cost a few requests. A new source,
   * with its own caches.
   */
  public PrometheusSource withFleet(List<Slo> slos) {
    return new PrometheusSource(client, mode, lookback, slos);
  }

  /** A pushdown source with default settings. */
  public static PrometheusSource pushdown(PrometheusClient client) {
    return new PrometheusSource(client, Mode.PUSHDOWN, DEFAULT_LOOKBACK);
  }

  @Override
  public List<EventCounts> counts(Slo slo, List<Window> windows) {
    if (windows.isEmpty()) {
      return List.of();
    }
    Instant at = windows.stream().map(Window::end).max(Instant::compareTo).orElseThrow();
    SliQueries q = SliQueries.of(slo, le(slo, at));
    if (mode == Mode.EXACT || (q.kind() == SliQueries.Kind.COUNTERS && windows.size() > 64)) {
      if (q.kind() != SliQueries.Kind.COUNTERS) {
        throw new InvalidInputException(
            slo.sloId()
                + ": exact mode needs counters (good_counter/bad_counter + total_counter,"
                + " or latency); queries and sli_query work in pushdown mode only");
      }
      if (slo.isGroup()) {
        prefetchGroups(slo, q, windows, at);
      }
      return exact(slo, q.narrow(slo.groupLabels()), windows, at);
    }
    if (slo.isGroup()) {
      return grouped.counts(slo, q, windows, at, this::counts);
    }
    if (q.kind() == SliQueries.Kind.COUNTERS) {
      return counterPushdown(slo, q, windows, at);
    }
    List<CompletableFuture<Counted>> futures = new ArrayList<>(windows.size());
    for (Window w : windows) {
      futures.add(
          w.end().isAfter(w.start())
              ? CompletableFuture.supplyAsync(() -> pushdown(slo, q, w, at), POOL)
              : CompletableFuture.completedFuture(new Counted(EventCounts.ZERO, false)));
    }
    List<EventCounts> out = new ArrayList<>(windows.size());
    boolean anyTotal = false;
    for (CompletableFuture<Counted> f : futures) {
      Counted c;
      try {
        c = f.join();
      } catch (CompletionException e) {
        futures.forEach(x -> x.cancel(false));
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
      anyTotal |= c.found();
      out.add(c.counts());
    }
    if (!anyTotal && q.kind() != SliQueries.Kind.RATIO) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": no series match " + q.total() + " at " + at);
    }
    return out;
  }

  /**
   * The label sets of a grouped SLO seen in {@code (from, to]}, from one query on its total events
   * ({@link GroupDiscovery#discover}); both modes.
   */
  @Override
  public java.util.Set<java.util.Map<String, String>> groups(
      Slo template, Instant from, Instant to) {
    if (template.groupBy().isEmpty()) {
      return java.util.Set.of();
    }
    return GroupDiscovery.discover(
        client, template, SliQueries.of(template, le(template, to)), from, to);
  }

  private record Counted(EventCounts counts, boolean found) {}

  private List<EventCounts> counterPushdown(
      Slo slo, SliQueries q, List<Window> windows, Instant at) {
    List<TermCache.Term> mine = CounterPushdown.terms(q, windows);
    java.util.Set<TermCache.Term> needs = new java.util.LinkedHashSet<>(mine);
    if (!fleet.isEmpty() && fleetPrefetched.add(at)) {
      if (fleetPrefetched.size() > 16) {
        fleetPrefetched.clear();
        fleetPrefetched.add(at);
      }
      needs.addAll(FleetWindows.terms(fleet, at, other -> fleetQueries(other, at)));
    }
    java.util.Map<TermCache.Term, TermCache.Answer> got =
        pushdown.answers(at, needs, mine, slo.sloId());
    List<EventCounts> out = new ArrayList<>(windows.size());
    boolean anyTotal = false;
    int k = 0;
    for (Window w : windows) {
      if (!w.end().isAfter(w.start())) {
        out.add(EventCounts.ZERO);
        continue;
      }
      Double total = got.get(mine.get(k++)).value();
      Double part = got.get(mine.get(k++)).value();
      anyTotal |= total != null;
      long t = total == null ? 0 : Math.round(total);
      long p = total == null || part == null ? 0 : Math.round(part);
      out.add(counts(slo, q.good() != null, p, t, w.end()));
    }
    if (!anyTotal) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": no series match " + q.total() + " at " + at);
    }
    return out;
  }

  /**
   * User queries are evaluated at the window's end, since {@code {{window}}} cannot carry an
   * offset.
   */
  private Counted pushdown(Slo slo, SliQueries q, Window w, Instant at) {
    String range = range(w.length());
    return switch (q.kind()) {
      case RATIO -> {
        Double ratio = scalar(slo, SliQueries.withWindow(q.total(), range), w.end(), true);
        if (ratio == null || ratio.isNaN()) {
          yield new Counted(EventCounts.ZERO, false);
        }
        if (ratio < 0 || ratio > 1) {
          throw new SourceException(
              client.base()
                  + ": "
                  + slo.sloId()
                  + ": sli_query gave "
                  + ratio
                  + " at "
                  + w.end()
                  + "; it must be a good ratio between 0 and 1");
        }
        yield new Counted(new EventCounts(Math.round(ratio * RATIO_SCALE), RATIO_SCALE), true);
      }
      case COUNTERS, QUERIES -> {
        Double total = scalar(slo, SliQueries.withWindow(q.total(), range), w.end(), false);
        String part = q.good() != null ? q.good() : q.bad();
        Double p =
            total == null ? null : scalar(slo, SliQueries.withWindow(part, range), w.end(), false);
        long t = total == null ? 0 : Math.round(total);
        long v = p == null ? 0 : Math.round(p);
        yield new Counted(counts(slo, q.good() != null, v, t, w.end()), total != null);
      }
    };
  }

  private EventCounts counts(Slo slo, boolean isGood, long part, long total, Instant at) {
    long good = isGood ? part : total - part;
    if (good < 0 || good > total || total < 0) {
      throw new SourceException(
          client.base()
              + ": "
              + slo.sloId()
              + ": at "
              + at
              + " the server gave "
              + (isGood ? "good=" + part : "bad=" + part)
              + " and total="
              + total
              + "; good events must be between 0 and total");
    }
    return new EventCounts(good, total);
  }

  /** A Prometheus range: whole seconds, or milliseconds when needed. */
  static String range(Duration d) {
    return range(d.toMillis());
  }

  static String range(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /** The single value of a query, or null when the result is empty. */
  private Double scalar(Slo slo, String query, Instant at, boolean nanOk) {
    QueryResult data = client.query(query, at, USER_QUERY_MAX_BYTES);
    pushdown.expect(data, QueryResult.Type.VECTOR, query, slo.sloId());
    pushdown.oneSeries(data, query, slo.sloId());
    if (data.series().isEmpty()) {
      return null;
    }
    double v = data.series().get(0).values()[0];
    if (Double.isNaN(v) && !nanOk) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": the query returned NaN at " + at + ": " + query);
    }
    if (Double.isInfinite(v)) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": the query returned " + v + ": " + query);
    }
    return v;
  }

  private List<EventCounts> exact(Slo slo, SliQueries q, List<Window> windows, Instant at) {
    Instant earliest = windows.stream().map(Window::start).min(Instant::compareTo).orElseThrow();
    Duration span = Duration.between(earliest, at).plus(lookback);
    String part = q.good() != null ? q.good() : q.bad();
    // the two selectors are read at once: the server encodes each reply on one core
    CompletableFuture<List<CounterIncrease>> partsLater =
        CompletableFuture.supplyAsync(() -> samples(slo, part, span, at), POOL);
    List<CounterIncrease> total;
    List<CounterIncrease> parts;
    try {
      total = samples(slo, q.total(), span, at);
      parts = partsLater.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
    if (total.isEmpty() && slo.isGroup()) { // a group that vanished: no data
      return java.util.Collections.nCopies(windows.size(), EventCounts.ZERO);
    }
    if (total.isEmpty()) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": no series match " + q.total() + " at " + at);
    }
    List<EventCounts> out = new ArrayList<>(windows.size());
    for (Window w : windows) {
      long t = Math.round(sum(total, w));
      long p = Math.round(sum(parts, w));
      out.add(counts(slo, q.good() != null, p, t, w.end()));
    }
    return out;
  }

  /**
   * Exact mode: every group's samples of both selectors in two requests ({@link GroupedSamples}).
   */
  private void prefetchGroups(Slo slo, SliQueries q, List<Window> windows, Instant at) {
    Instant earliest = windows.stream().map(Window::start).min(Instant::compareTo).orElseThrow();
    Duration span = Duration.between(earliest, at).plus(lookback);
    String part = q.good() != null ? q.good() : q.bad();
    CompletableFuture<java.util.Set<List<String>>> partLater =
        CompletableFuture.supplyAsync(
            () -> GroupedSamples.prefetch(client, samples, slo, part, span, at), POOL);
    java.util.Set<List<String>> totals =
        GroupedSamples.prefetch(client, samples, slo, q.total(), span, at);
    java.util.Set<List<String>> parts;
    try {
      parts = partLater.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
    if (!parts.isEmpty()) {
      GroupedSamples.fillEmpty(samples, slo, part, totals, parts, span, at);
    }
  }

  private static double sum(List<CounterIncrease> series, Window w) {
    double s = 0;
    for (CounterIncrease c : series) {
      s += c.over(w.start(), w.end());
    }
    return s;
  }

  private List<CounterIncrease> samples(Slo slo, String selector, Duration span, Instant at) {
    Instant from = at.minus(span);
    SampleCache.Entry cached = samples.get(selector, at, from);
    if (cached != null) {
      return cached.series();
    }
    String query = selector + "[" + range(span) + "]";
    QueryResult data = client.query(query, at);
    pushdown.expect(data, QueryResult.Type.MATRIX, query, slo.sloId());
    List<CounterIncrease> out = new ArrayList<>();
    long bytes = 0;
    for (QueryResult.Series series : data.series()) {
      for (double v : series.values()) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
          throw new SourceException(
              client.base() + ": " + slo.sloId() + ": sample " + v + " in " + selector);
        }
      }
      out.add(new CounterIncrease(series.millis(), series.values()));
      bytes += 16L * series.size();
    }
    samples.put(selector, at, new SampleCache.Entry(from, List.copyOf(out), bytes));
    return out;
  }

  /** Another SLO's counter queries for the fleet round, or null when they cannot be had. */
  private SliQueries fleetQueries(Slo other, Instant at) {
    try {
      return SliQueries.of(other, le(other, at));
    } catch (RuntimeException e) {
      return null; // its own evaluation reports the problem
    }
  }

  /**
   * The {@code le} label value matching a latency SLO's threshold, looked up once per histogram,
   * selector and threshold.
   */
  private String le(Slo slo, Instant at) {
    LatencySli l = slo.sli().latency();
    if (l == null) {
      return null;
    }
    String key = l.histogram() + l.selector() + " " + l.threshold();
    String le = latencyLe.get(key);
    if (le == null) {
      le = findLe(slo, l, at);
      latencyLe.putIfAbsent(key, le);
    }
    return "le=\"" + le + "\"";
  }

  private String findLe(Slo slo, LatencySli l, Instant at) {
    String query = "count by (le) (" + l.histogram() + "_bucket" + l.selector() + ")";
    QueryResult data = client.query(query, at, USER_QUERY_MAX_BYTES);
    pushdown.expect(data, QueryResult.Type.VECTOR, query, slo.sloId());
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
