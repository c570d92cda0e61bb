package dev.slo.prometheus;

import dev.slo.core.SourceException;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Exact mode's counts: the raw samples of the total and part selectors over every window of one
 * call plus the lookback ({@link ExactSamples}), each window's increase summed here over the
 * series, with counter resets and no extrapolation. Thread-safe.
 */
final class ExactCounts {
  private final PrometheusClient client;
  private final ExecutorService pool;
  private final ExactSamples samples;
  private final Duration lookback;
  private final boolean incremental;

  /**
   * @param pool where the second selector is read
   * @param lookback how far before the earliest window to look for the sample that anchors it
   * @param incremental true when {@code samples} keeps a history between calls, which reads each
   *     group's selector itself
   */
  ExactCounts(
      PrometheusClient client,
      ExecutorService pool,
      ExactSamples samples,
      Duration lookback,
      boolean incremental) {
    this.client = client;
    this.pool = pool;
    this.samples = samples;
    this.lookback = lookback;
    this.incremental = incremental;
  }

  /**
   * The counts of every window, in order, for counter queries; one group of a grouped SLO reads its
   * selectors narrowed to the group.
   */
  List<EventCounts> counts(Slo slo, SliQueries q, List<Window> windows, Instant at) {
    if (slo.isGroup() && !incremental) {
      // (an incremental source reads each group's narrowed selector through its history)
      prefetchGroups(slo, q, windows, at);
    }
    return exact(slo, q.narrow(slo.groupLabels()), windows, at);
  }

  private List<EventCounts> exact(Slo slo, SliQueries q, List<Window> windows, Instant at) {
    Instant earliest = windows.stream().map(Window::start).min(Instant::compareTo).orElseThrow();
    Duration span = Duration.between(earliest, at).plus(lookback);
    String part = q.part();
    // the two selectors are read at once (the server encodes each reply on one core), unless the
    // part is at hand: handing a lookup to another thread costs more than the lookup
    CompletableFuture<List<CounterIncrease>> partsLater =
        samples.atHand(part, at.minus(span), at)
            ? CompletableFuture.completedFuture(samples.read(slo, part, span, at))
            : CompletableFuture.supplyAsync(() -> samples.read(slo, part, span, at), pool);
    List<CounterIncrease> total;
    List<CounterIncrease> parts;
    try {
      total = samples.read(slo, q.total(), span, at);
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
      out.add(PrometheusSource.counts(client, slo, q.good() != null, p, t, w.end()));
    }
    return out;
  }

  /**
   * Exact mode: every group's samples of both selectors in two requests ({@link GroupedSamples}).
   */
  private void prefetchGroups(Slo slo, SliQueries q, List<Window> windows, Instant at) {
    Instant earliest = windows.stream().map(Window::start).min(Instant::compareTo).orElseThrow();
    Duration span = Duration.between(earliest, at).plus(lookback);
    String part = q.part();
    CompletableFuture<Set<List<String>>> partLater =
        CompletableFuture.supplyAsync(
            () -> GroupedSamples.prefetch(client, samples.cache(), slo, part, span, at), pool);
    Set<List<String>> totals =
        GroupedSamples.prefetch(client, samples.cache(), slo, q.total(), span, at);
    Set<List<String>> parts;
    try {
      parts = partLater.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
    if (!parts.isEmpty()) {
      GroupedSamples.fillEmpty(samples.cache(), slo, part, totals, parts, span, at);
    }
  }

  private static double sum(List<CounterIncrease> series, Window w) {
    double s = 0;
    for (CounterIncrease c : series) {
      s += c.over(w.start(), w.end());
    }
    return s;
  }
}
