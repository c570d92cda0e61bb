package dev.slo.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Exact mode for a fleet without reading every raw sample: the exact increase of a counter series
 * from the last sample at or before {@code b1} to the last at or before {@code b2} is {@code v(b2)
 * - v(b1)} when no reset lies between them. So the fleet's window boundaries are sorted into one
 * grid, and Prometheus is asked for each series' last value at every boundary ({@code
 * last_over_time} over the lookback) and for {@code resets()} over each gap between neighbouring
 * boundaries (reaching the lookback before it, so every pair of samples the increase spans is
 * seen); a gap with a reset, or where a series starts or ends, is read as raw samples, for that gap
 * only ({@link CounterIncrease}). Selectors that differ in one label's value are read together
 * ({@link FanSubquery#plan}), and a selector refining another by one equality matcher (a bad
 * selector and its total) from the other's series. A window's increase is the sum of its gaps'
 * increases, which equals {@link CounterIncrease#over} on all samples; a selector with a series
 * back after a pause longer than the lookback inside a window gets no answer for that window here,
 * and exact mode reads its raw samples as before. Thread-safe.
 */
final class BoundaryCounts {
  /** Gaps longer than this are cut, so that the resets reads spread over requests and cores. */
  static final long MAX_GAP_MS = 7L * 24 * 3_600_000;

  private final PrometheusClient client;
  private final ExecutorService pool;
  private final long lookbackMs;
  private final Map<TermCache.Term, Double> answers = new ConcurrentHashMap<>();
  private final Set<Instant> done = ConcurrentHashMap.newKeySet();
  private final Set<String> empty = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger answered =
      new java.util.concurrent.atomic.AtomicInteger();

  BoundaryCounts(PrometheusClient client, ExecutorService pool, java.time.Duration lookback) {
    this.client = client;
    this.pool = pool;
    this.lookbackMs = lookback.toMillis();
  }

  /** The exact increase summed over the series of a term, or null when it must be read raw. */
  @Nullable Double answer(TermCache.Term t) {
    return answers.get(t);
  }

  /** Terms answered so far (for tests: that answers came from here, not the raw path). */
  int answered() {
    return answered.get();
  }

  /** Whether {@code selector} was read at the last instant and matched no series. */
  boolean matchedNothing(String selector) {
    return empty.contains(selector);
  }

  /** Whether {@link #prefetch} ran for {@code at}. */
  boolean prefetched(Instant at) {
    return done.contains(at);
  }

  /**
   * Answers every term it can of {@code terms}, all ending at or before {@code at}; once per at.
   */
  synchronized void prefetch(Instant at, Set<TermCache.Term> terms) {
    if (!done.add(at)) {
      return;
    }
    if (done.size() > 4) { // answers are for one instant at a time
      done.clear();
      done.add(at);
      answers.clear();
      empty.clear();
    }
    long atMs = at.toEpochMilli();
    TreeSet<Long> grid = new TreeSet<>();
    Map<String, List<TermCache.Term>> bySelector = new LinkedHashMap<>();
    for (TermCache.Term t : terms) {
      if (t.endMs() > atMs || t.lengthMs() <= 0) {
        continue;
      }
      grid.add(t.endMs());
      grid.add(t.endMs() - t.lengthMs());
      bySelector.computeIfAbsent(t.selector(), k -> new ArrayList<>()).add(t);
    }
    if (grid.size() < 2) {
      return;
    }
    long first = grid.first();
    long last = grid.last();
    for (long p = last - MAX_GAP_MS; p > first; p -= MAX_GAP_MS) {
      grid.add(p);
    }
    long[] points = grid.stream().mapToLong(Long::longValue).toArray();
    // a selector that is another plus one equality matcher is read as that one's series
    Map<String, Map<String, Selector.Matcher>> derived = new HashMap<>();
    List<String> read = new ArrayList<>();
    Map<String, Selector> parsed = new HashMap<>();
    Map<String, String> byCanonical = new HashMap<>();
    for (String sel : bySelector.keySet()) {
      Selector p = Selector.parse(sel);
      if (p != null) {
        parsed.put(sel, p);
        byCanonical.putIfAbsent(p.key(null), sel);
      }
    }
    for (String sel : bySelector.keySet()) {
      String base = base(parsed, byCanonical, sel);
      String root = base == null ? null : base(parsed, byCanonical, base);
      if (base != null && root == null) { // bases are read; a chain is read as it is
        derived
            .computeIfAbsent(base, k -> new LinkedHashMap<>())
            .put(
                sel,
                Objects.requireNonNull(
                    Selector.refinement(
                        Objects.requireNonNull(parsed.get(base)),
                        Objects.requireNonNull(parsed.get(sel)))));
      } else {
        read.add(sel);
      }
    }
    List<String> alone = new ArrayList<>();
    List<BoundaryTracks.Unit> units = new ArrayList<>();
    for (FanSubquery.Group<String> g :
        FanSubquery.plan(read, s -> s, s -> List.of(), s -> null, alone)) {
      units.add(new BoundaryTracks.Unit(g.selector(), g.label(), g.members()));
    }
    for (String s : alone) {
      units.add(new BoundaryTracks.Unit(s, null, Map.of("", s)));
    }
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (BoundaryTracks.Unit u : units) {
      calls.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  read(u, points, atMs, bySelector, derived);
                } catch (QueryRefusedException e) {
                  // no answers for these selectors: each SLO reads its raw samples and reports
                  // its own error, rather than the first SLO asked failing for another's selector
                  // (a server that does not answer at all fails the SLO asked, at once)
                } catch (RuntimeException e) {
                  if (e instanceof dev.slo.core.SourceException) {
                    throw e;
                  }
                  // anything else is this shortcut's own failure: the raw path answers instead
                }
              },
              pool));
    }
    CounterPushdown.join(calls);
  }

  /** The selector {@code sel} refines by one equality matcher, or null: O(matchers), not O(n). */
  private static @Nullable String base(
      Map<String, Selector> parsed, Map<String, String> byCanonical, String sel) {
    Selector p = parsed.get(sel);
    if (p == null) {
      return null;
    }
    for (Selector.Matcher m : p.matchers()) {
      String candidate = byCanonical.get(p.key(m));
      if (candidate != null
          && !candidate.equals(sel)
          && Selector.refinement(Objects.requireNonNull(parsed.get(candidate)), p) != null) {
        return candidate;
      }
    }
    return null;
  }

  private void read(
      BoundaryTracks.Unit u,
      long[] points,
      long atMs,
      Map<String, List<TermCache.Term>> bySelector,
      Map<String, Map<String, Selector.Matcher>> derived) {
    int n = points.length;
    List<String> valueQueries = new ArrayList<>(n);
    for (long p : points) {
      valueQueries.add(
          "last_over_time("
              + u.selector()
              + "["
              + range(lookbackMs)
              + "]"
              + offset(atMs - p)
              + ")");
    }
    List<String> resetQueries = new ArrayList<>(n - 1);
    for (int i = 0; i + 1 < n; i++) {
      resetQueries.add(
          "resets("
              + u.selector()
              + "["
              + range(points[i + 1] - points[i] + lookbackMs)
              + "]"
              + offset(atMs - points[i + 1])
              + ")");
    }
    Map<String, BoundaryTracks.Track> tracks = new TreeMap<>();
    Map<String, String> memberOf = new HashMap<>();
    Map<String, Map<String, String>> labelsOf = new HashMap<>();
    List<Long> valueCosts = java.util.Collections.nCopies(n, lookbackMs);
    List<Long> gapCosts = new ArrayList<>(n - 1);
    for (int i = 0; i + 1 < n; i++) {
      gapCosts.add(points[i + 1] - points[i] + lookbackMs);
    }
    BoundaryTracks.Asked values = BoundaryTracks.ask(client, pool, valueQueries, valueCosts, atMs);
    BoundaryTracks.Asked resets = BoundaryTracks.ask(client, pool, resetQueries, gapCosts, atMs);
    values.into(client, u, tracks, memberOf, labelsOf, n, true);
    resets.into(client, u, tracks, memberOf, labelsOf, n, false);
    // a gap is the difference of its ends' values, or read raw: a reset in it, or the series
    // starts or ends in it
    Map<String, double[]> increases = new HashMap<>();
    Map<Integer, Set<String>> rawSeries = new TreeMap<>();
    Map<Integer, Set<String>> rawMembers = new TreeMap<>();
    for (Map.Entry<String, BoundaryTracks.Track> e : tracks.entrySet()) {
      BoundaryTracks.Track t = e.getValue();
      double[] inc = new double[n - 1];
      boolean before = false; // a sample at or before this gap's start
      for (int i = 0; i + 1 < n; i++) {
        before |= t.seen[i];
        boolean raw = false;
        if (!t.gapSeen[i] && !t.seen[i] && !t.seen[i + 1]) {
          inc[i] = 0; // no sample in or near this gap: the series adds nothing
        } else if (!t.gapSeen[i]) {
          inc[i] = Double.NaN; // a value at an end but no samples in between: not consistent
        } else if (t.seen[i] && t.seen[i + 1] && t.resets[i] == 0) {
          inc[i] = t.value[i + 1] - t.value[i];
        } else if (t.seen[i] || !before) {
          raw = true; // a reset, or the series ends (seen[i]) or starts (!before) in this gap
        } else {
          inc[i] = Double.NaN; // back after a pause: the step across the pause is not seen
        }
        if (raw) {
          inc[i] = Double.NaN; // until read below
          rawSeries.computeIfAbsent(i, k -> new java.util.HashSet<>()).add(e.getKey());
          rawMembers
              .computeIfAbsent(i, k -> new java.util.TreeSet<>())
              .add(java.util.Objects.requireNonNull(memberOf.get(e.getKey())));
        }
        before |= t.gapSeen[i];
      }
      increases.put(e.getKey(), inc);
    }
    List<CompletableFuture<Void>> reads = new ArrayList<>();
    for (Map.Entry<Integer, Set<String>> e : rawSeries.entrySet()) {
      int i = e.getKey();
      Set<String> members = rawMembers.getOrDefault(i, Set.of());
      String selector = members.size() == 1 ? members.iterator().next() : u.selector();
      reads.add(
          CompletableFuture.runAsync(
              () -> readGap(selector, points[i], points[i + 1], atMs, i, e.getValue(), increases),
              pool));
    }
    CounterPushdown.join(reads);
    // answers: a term is the sum of its gaps over the selector's series
    Map<String, List<String>> seriesOf = new HashMap<>();
    memberOf.forEach((k, m) -> seriesOf.computeIfAbsent(m, x -> new ArrayList<>()).add(k));
    for (String member : u.members().values()) {
      List<String> series = seriesOf.getOrDefault(member, List.of());
      answer(member, series, bySelector, points, increases);
      for (Map.Entry<String, Selector.Matcher> d :
          derived.getOrDefault(member, Map.of()).entrySet()) {
        Selector.Matcher m = d.getValue();
        List<String> part = new ArrayList<>();
        for (String key : series) {
          if (m.value().equals(labelsOf.getOrDefault(key, Map.of()).get(m.label()))) {
            part.add(key);
          }
        }
        answer(d.getKey(), part, bySelector, points, increases);
      }
    }
  }

  /** Puts the answer of every term of {@code selector} whose gaps are all exact. */
  private void answer(
      String selector,
      List<String> series,
      Map<String, List<TermCache.Term>> bySelector,
      long[] points,
      Map<String, double[]> increases) {
    if (series.isEmpty()) {
      empty.add(selector);
      return;
    }
    for (TermCache.Term term : bySelector.getOrDefault(selector, List.of())) {
      int j = java.util.Arrays.binarySearch(points, term.endMs() - term.lengthMs());
      int k = java.util.Arrays.binarySearch(points, term.endMs());
      if (j < 0 || k < 0) {
        continue;
      }
      double sum = 0;
      boolean exact = true;
      for (String key : series) {
        double[] inc = increases.get(key);
        for (int i = j; i < k && exact && inc != null; i++) {
          exact = !Double.isNaN(inc[i]);
          sum += inc[i];
        }
      }
      if (exact) {
        answers.put(term, sum);
        answered.incrementAndGet();
      }
    }
  }

  /** Reads raw samples over one gap and puts the exact increase of each wanted series. */
  private void readGap(
      String selector,
      long from,
      long to,
      long atMs,
      int gap,
      Set<String> wanted,
      Map<String, double[]> increases) {
    String query = selector + "[" + range(to - from + lookbackMs) + "]" + offset(atMs - to);
    QueryResult r = client.query(query, Instant.ofEpochMilli(atMs));
    CounterPushdown.expect(client.base(), r, QueryResult.Type.MATRIX, query, "fleet");
    for (QueryResult.Series s : r.series()) {
      String key = BoundaryTracks.seriesKey(BoundaryTracks.identity(s.labels()));
      if (!wanted.contains(key)) {
        continue;
      }
      boolean finite = true;
      for (double v : s.values()) {
        finite &= !Double.isNaN(v) && !Double.isInfinite(v);
      }
      if (finite) {
        double inc =
            new CounterIncrease(s.millis(), s.values())
                .over(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
        double[] row = increases.get(key);
        if (row != null) {
          synchronized (increases) {
            row[gap] = inc;
          }
        }
      }
    }
  }

  private static String range(long ms) {
    return PrometheusSource.range(ms);
  }

  private static String offset(long ms) {
    return ms == 0 ? "" : " offset " + range(ms);
  }
}
