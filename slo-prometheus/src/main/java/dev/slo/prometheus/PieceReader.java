package dev.slo.prometheus;

import dev.slo.core.SourceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Reads the raw samples of a selector over a long range as a few pieces at once ({@code
 * selector[len] offset off}), since a server encodes each reply on one core, then joins each
 * series' pieces in time order (a sample on the edge of two pieces, which both hold, is kept once).
 * Stateless.
 */
final class PieceReader {
  /** Ranges longer than this are read in pieces of at most this length. */
  static final Duration MAX_PIECE = Duration.ofDays(8);

  private PieceReader() {}

  /**
   * The series of {@code selector} over {@code [at - span, at]}.
   *
   * @param read reads one query at {@code at}, checking it gives a range vector
   */
  static List<QueryResult.Series> read(
      String selector,
      Duration span,
      ExecutorService pool,
      java.util.function.Function<String, List<QueryResult.Series>> read) {
    long spanMs = span.toMillis();
    long pieceMs = MAX_PIECE.toMillis();
    int n = (int) Math.max(1, (spanMs + pieceMs - 1) / pieceMs);
    if (n == 1) {
      return read.apply(selector + "[" + PrometheusSource.range(spanMs) + "]");
    }
    // oldest first; whole seconds but the oldest piece, which takes the rest
    long len = (spanMs / n + 999) / 1000 * 1000;
    List<CompletableFuture<List<QueryResult.Series>>> parts = new ArrayList<>(n);
    for (int i = n - 1; i >= 0; i--) {
      long offset = i * len;
      long length = i == n - 1 ? spanMs - offset : len;
      String q =
          selector
              + "["
              + PrometheusSource.range(length)
              + "]"
              + (offset == 0 ? "" : " offset " + PrometheusSource.range(offset));
      parts.add(CompletableFuture.supplyAsync(() -> read.apply(q), pool));
    }
    Map<Map<String, String>, List<QueryResult.Series>> bySeries = new LinkedHashMap<>();
    for (CompletableFuture<List<QueryResult.Series>> f : parts) {
      List<QueryResult.Series> got;
      try {
        got = f.join();
      } catch (CompletionException e) {
        parts.forEach(x -> x.cancel(false));
        if (e.getCause() instanceof SourceException s) {
          throw s;
        }
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
      for (QueryResult.Series s : got) {
        bySeries.computeIfAbsent(s.labels(), k -> new ArrayList<>()).add(s);
      }
    }
    List<QueryResult.Series> out = new ArrayList<>(bySeries.size());
    for (Map.Entry<Map<String, String>, List<QueryResult.Series>> e : bySeries.entrySet()) {
      out.add(join(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** One series from its pieces, oldest first. */
  static QueryResult.Series join(Map<String, String> labels, List<QueryResult.Series> pieces) {
    if (pieces.size() == 1) {
      return pieces.get(0);
    }
    int total = 0;
    for (QueryResult.Series p : pieces) {
      total += p.size();
    }
    long[] ms = new long[total];
    double[] vs = new double[total];
    int n = 0;
    for (QueryResult.Series p : pieces) {
      for (int i = 0; i < p.size(); i++) {
        long t = p.millis()[i];
        if (n == 0 || t > ms[n - 1]) {
          ms[n] = t;
          vs[n] = p.values()[i];
          n++;
        }
      }
    }
    return new QueryResult.Series(
        labels,
        n == total ? ms : java.util.Arrays.copyOf(ms, n),
        n == total ? vs : java.util.Arrays.copyOf(vs, n));
  }
}
