package dev.slo.prometheus;

import dev.slo.core.SourceException;
import dev.slo.core.model.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Exact mode's raw counter samples, read as {@link CounterIncrease} prefix sums: from a {@link
 * SampleHistory} kept between passes when the source is incremental, else from Prometheus (long
 * ranges in pieces, {@link PieceReader}) with a {@link SampleCache} shared by the SLOs evaluated at
 * one instant. Thread-safe.
 */
final class ExactSamples {
  private final PrometheusClient client;
  private final ExecutorService pool;
  private final CounterPushdown checks;
  private final @Nullable SampleHistory history;
  private final SampleCache samples = new SampleCache();

  /**
   * @param checks the reply checks (result type) shared with pushdown
   * @param history samples kept between calls, or null to read every instant afresh
   */
  ExactSamples(
      PrometheusClient client,
      ExecutorService pool,
      CounterPushdown checks,
      @Nullable SampleHistory history) {
    this.client = client;
    this.pool = pool;
    this.checks = checks;
    this.history = history;
  }

  /** The per-instant cache, which grouped SLOs' reads fill for every group at once. */
  SampleCache cache() {
    return samples;
  }

  /** Samples kept between calls; 0 without a history. */
  long kept() {
    return history == null ? 0 : history.samples();
  }

  /** True when the samples of {@code selector} over {@code [from, at]} need no request. */
  boolean atHand(String selector, Instant from, Instant at) {
    return history != null
        ? history.covers(selector, from, at)
        : samples.get(selector, at, from) != null;
  }

  /** The increases of every series of {@code selector} over {@code [at - span, at]}. */
  List<CounterIncrease> read(Slo slo, String selector, Duration span, Instant at) {
    Instant from = at.minus(span);
    if (history != null) {
      return increases(
          slo,
          selector,
          history.read(selector, from, at, (range, t) -> matrix(slo, selector, range, t)));
    }
    SampleCache.Entry cached = samples.get(selector, at, from);
    if (cached != null) {
      return cached.series();
    }
    List<QueryResult.Series> data = matrix(slo, selector, span, at);
    long bytes = 0;
    for (QueryResult.Series series : data) {
      bytes += 16L * series.size();
    }
    List<CounterIncrease> out = increases(slo, selector, data);
    samples.put(selector, at, new SampleCache.Entry(from, List.copyOf(out), bytes));
    return out;
  }

  private List<QueryResult.Series> matrix(Slo slo, String selector, Duration span, Instant at) {
    return PieceReader.read(
        selector,
        span,
        pool,
        query -> {
          QueryResult data = client.query(query, at);
          checks.expect(data, QueryResult.Type.MATRIX, query, slo.sloId());
          return data.series();
        });
  }

  private List<CounterIncrease> increases(Slo slo, String selector, List<QueryResult.Series> data) {
    List<CounterIncrease> out = new ArrayList<>(data.size());
    for (QueryResult.Series series : data) {
      for (double v : series.values()) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
          throw new SourceException(
              client.base() + ": " + slo.sloId() + ": sample " + v + " in " + selector);
        }
      }
      out.add(new CounterIncrease(series.millis(), series.values()));
    }
    return out;
  }
}
