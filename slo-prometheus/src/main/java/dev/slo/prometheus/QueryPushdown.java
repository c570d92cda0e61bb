package dev.slo.prometheus;

import dev.slo.core.SourceException;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Pushdown of the user's own queries ({@code good_query}/{@code bad_query} with {@code
 * total_query}, or an {@code sli_query} ratio): one instant query per window and query, run in
 * parallel, each giving one series. A ratio is scaled to {@link PrometheusSource#RATIO_SCALE}
 * events. Thread-safe.
 */
final class QueryPushdown {
  private final PrometheusClient client;
  private final ExecutorService pool;
  private final CounterPushdown checks;

  /**
   * @param pool where the window queries run
   * @param checks the reply checks (result type, one series) shared with counter pushdown
   */
  QueryPushdown(PrometheusClient client, ExecutorService pool, CounterPushdown checks) {
    this.client = client;
    this.pool = pool;
    this.checks = checks;
  }

  private record Counted(EventCounts counts, boolean found) {}

  /**
   * The counts of every window, in order; an empty window counts zero without a query.
   *
   * @throws SourceException when no window finds the total (except for a ratio, which has none)
   */
  List<EventCounts> counts(Slo slo, SliQueries q, List<Window> windows, Instant at) {
    List<CompletableFuture<Counted>> futures = new ArrayList<>(windows.size());
    for (Window w : windows) {
      futures.add(
          w.end().isAfter(w.start())
              ? CompletableFuture.supplyAsync(() -> pushdown(slo, q, w), pool)
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
   * User queries are evaluated at the window's end, since {@code {{window}}} cannot carry an
   * offset.
   */
  private Counted pushdown(Slo slo, SliQueries q, Window w) {
    String range = PrometheusSource.range(w.length());
    return switch (q.kind()) {
      case RATIO -> {
        Double ratio = scalar(slo, SliQueries.withWindow(q.total(), range), w.end(), true);
        if (ratio == null || ratio.isNaN()) {
          yield new Counted(EventCounts.ZERO, false);
        }
        SliQueries.requireRatio(client.base(), slo, ratio, w.end(), "");
        long scale = PrometheusSource.RATIO_SCALE;
        yield new Counted(new EventCounts(Math.round(ratio * scale), scale), true);
      }
      case COUNTERS, QUERIES -> {
        Double total = scalar(slo, SliQueries.withWindow(q.total(), range), w.end(), false);
        String part = q.part();
        Double p =
            total == null ? null : scalar(slo, SliQueries.withWindow(part, range), w.end(), false);
        long t = total == null ? 0 : Math.round(total);
        long v = p == null ? 0 : Math.round(p);
        yield new Counted(
            PrometheusSource.counts(client, slo, q.good() != null, v, t, w.end()), total != null);
      }
    };
  }

  /** The single value of a query, or null when the result is empty. */
  private @Nullable Double scalar(Slo slo, String query, Instant at, boolean nanOk) {
    QueryResult data = client.query(query, at, PrometheusSource.USER_QUERY_MAX_BYTES);
    checks.expect(data, QueryResult.Type.VECTOR, query, slo.sloId());
    checks.oneSeries(data, query, slo.sloId());
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
}
