package dev.slo.prometheus;

import dev.slo.core.InvalidInputException;
import dev.slo.core.SourceException;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Reads SLO events from a server that speaks the Prometheus HTTP API. In {@link Mode#PUSHDOWN} the
 * server computes {@code increase()} (or the user's query) per window; counter windows are batched
 * many to a request and shared between SLOs with the same selectors ({@link CounterPushdown}). In
 * {@link Mode#EXACT} raw counter samples are fetched once per selector and evaluation instant and
 * each window's increase is computed here with counter resets and no extrapolation. Every counter
 * query of one call uses the evaluation instant (the latest window end) as {@code time=}, with
 * {@code offset} for windows that end earlier; up to {@value #PARALLEL_QUERIES} requests run at
 * once. Only the result types a query can return are accepted: an instant vector for counts and
 * ratios, a range vector for samples. The user's own queries are asked per window ({@link
 * QueryPushdown}), exact mode's windows counted by {@link ExactCounts}, a latency SLO's bucket
 * found by {@link LeLookup}. Thread-safe.
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
  private final CounterPushdown pushdown;
  private final GroupedPushdown grouped;
  private final QueryPushdown queries;
  private final LeLookup le;
  private final List<Slo> fleet;
  private final java.util.Set<Instant> fleetPrefetched = ConcurrentHashMap.newKeySet();
  private final @Nullable SampleHistory history;
  private final ExactSamples exactSamples;
  private final ExactCounts exact;
  private final BoundaryCounts boundaries;

  /**
   * A source.
   *
   * @param client the server
   * @param mode pushdown or exact
   * @param lookback exact mode: how far before a window's start to look for the sample that anchors
   *     it (at least one scrape interval; default {@link #DEFAULT_LOOKBACK})
   */
  public PrometheusSource(PrometheusClient client, Mode mode, Duration lookback) {
    this(client, mode, lookback, List.of(), null);
  }

  private PrometheusSource(
      PrometheusClient client,
      Mode mode,
      Duration lookback,
      List<Slo> fleet,
      @Nullable SampleHistory history) {
    this.client = Objects.requireNonNull(client, "client");
    this.fleet = List.copyOf(fleet);
    this.history = history;
    this.pushdown = new CounterPushdown(client, POOL);
    this.exactSamples = new ExactSamples(client, POOL, pushdown, history);
    this.grouped = new GroupedPushdown(client, POOL);
    this.queries = new QueryPushdown(client, POOL, pushdown);
    this.le = new LeLookup(client, pushdown);
    this.mode = Objects.requireNonNull(mode, "mode");
    if (lookback.isNegative() || lookback.isZero()) {
      throw new IllegalArgumentException(lookback + " is not a valid lookback: use > 0");
    }
    this.lookback = lookback;
    this.exact = new ExactCounts(client, POOL, exactSamples, lookback, history != null);
    this.boundaries = new BoundaryCounts(client, POOL, lookback);
  }

  /**
   * The same source told which SLOs are about to be evaluated: in pushdown mode, the first counter
   * SLO asked for at an instant fetches the windows of every counter SLO of the fleet ({@link
   * FleetWindows}) in one round of batched requests, so 100 SLOs cost a few requests. A new source,
   * with its own caches.
   */
  public PrometheusSource withFleet(List<Slo> slos) {
    return new PrometheusSource(client, mode, lookback, slos, history);
  }

  /**
   * The same source in exact mode, keeping the samples it reads between calls ({@link
   * SampleHistory}): for a server that evaluates on an interval, each pass after the first reads
   * only the samples since the previous one (and {@code refetch} before it, for samples that arrive
   * late), with the same counts as a full read. A new source.
   *
   * @param refetch how far before the previous read each read reaches again (default {@link
   *     SampleHistory#DEFAULT_REFETCH})
   * @param maxBytes samples kept at most, 16 bytes each; past this the selectors read least
   *     recently are forgotten and read whole again
   */
  public PrometheusSource incremental(Duration refetch, long maxBytes) {
    return new PrometheusSource(
        client, Mode.EXACT, lookback, fleet, new SampleHistory(refetch, maxBytes));
  }

  /**
   * {@link #incremental(Duration, long)} with the default refetch span of 10 minutes and at most
   * 128 MiB of samples kept.
   */
  public PrometheusSource incremental() {
    return incremental(SampleHistory.DEFAULT_REFETCH, SampleHistory.DEFAULT_MAX_BYTES);
  }

  /** Terms exact mode answered from window boundaries ({@link BoundaryCounts}); for tests. */
  int boundaryAnswers() {
    return boundaries.answered();
  }

  /** Samples kept by an incremental source; 0 for others. For tests and memory figures. */
  long keptSamples() {
    return exactSamples.kept();
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
    SliQueries q = SliQueries.of(slo, le.matcher(slo, at));
    if (mode == Mode.EXACT || (q.kind() == SliQueries.Kind.COUNTERS && windows.size() > 64)) {
      if (q.kind() != SliQueries.Kind.COUNTERS) {
        throw new InvalidInputException(
            slo.sloId()
                + ": exact mode needs counters (good_counter/bad_counter + total_counter,"
                + " or latency); queries and sli_query work in pushdown mode only");
      }
      if (history == null && !fleet.isEmpty() && !slo.isGroup()) {
        Set<TermCache.Term> terms = new LinkedHashSet<>(CounterPushdown.terms(q, windows));
        if (!boundaries.prefetched(at)) {
          terms.addAll(FleetWindows.terms(fleet, at, other -> fleetQueries(other, at)));
        }
        boundaries.prefetch(at, terms);
        List<EventCounts> fast = fromBoundaries(slo, q, windows);
        if (fast != null) {
          return fast;
        }
      }
      return exact.counts(slo, q, windows, at);
    }
    if (slo.isGroup()) {
      return grouped.counts(
          slo,
          q,
          windows,
          at,
          (s, isGood, part, total, end) -> counts(client, s, isGood, part, total, end));
    }
    if (q.kind() == SliQueries.Kind.COUNTERS) {
      return counterPushdown(slo, q, windows, at);
    }
    return queries.counts(slo, q, windows, at);
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
        client, template, SliQueries.of(template, le.matcher(template, to)), from, to);
  }

  /** Exact counts from {@link BoundaryCounts}, or null when a window must be read raw. */
  private @Nullable List<EventCounts> fromBoundaries(Slo slo, SliQueries q, List<Window> windows) {
    List<EventCounts> out = new ArrayList<>(windows.size());
    for (Window w : windows) {
      if (!w.end().isAfter(w.start())) {
        out.add(EventCounts.ZERO);
        continue;
      }
      long len = Duration.between(w.start(), w.end()).toMillis();
      long end = w.end().toEpochMilli();
      Double total = boundaries.answer(new TermCache.Term(q.total(), len, end));
      Double part = boundaries.answer(new TermCache.Term(q.part(), len, end));
      if (part == null && total != null && boundaries.matchedNothing(q.part())) {
        part = 0.0; // no series of the part (no errors yet, say): none counted
      }
      if (total == null || part == null) {
        return null;
      }
      out.add(counts(client, slo, q.good() != null, Math.round(part), Math.round(total), w.end()));
    }
    return out;
  }

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
      Double total = Objects.requireNonNull(got.get(mine.get(k++))).value();
      Double part = Objects.requireNonNull(got.get(mine.get(k++))).value();
      anyTotal |= total != null;
      long t = total == null ? 0 : Math.round(total);
      long p = total == null || part == null ? 0 : Math.round(part);
      out.add(counts(client, slo, q.good() != null, p, t, w.end()));
    }
    if (!anyTotal) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": no series match " + q.total() + " at " + at);
    }
    return out;
  }

  /**
   * Good and total events from the counts a server gave for a window: its part (good or bad events)
   * and its total.
   *
   * @param isGood true when {@code part} counts good events, false when it counts bad ones
   * @param at the window's end, for the message
   * @throws SourceException when good events would not lie between 0 and total
   */
  static EventCounts counts(
      PrometheusClient client, Slo slo, boolean isGood, long part, long total, Instant at) {
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

  /** A Prometheus range of {@code millis} milliseconds, as {@link #range(Duration)}. */
  static String range(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /** Another SLO's counter queries for the fleet round, or null when they cannot be had. */
  private @Nullable SliQueries fleetQueries(Slo other, Instant at) {
    try {
      return SliQueries.of(other, le.matcher(other, at));
    } catch (RuntimeException e) {
      return null; // its own evaluation reports the problem
    }
  }
}
