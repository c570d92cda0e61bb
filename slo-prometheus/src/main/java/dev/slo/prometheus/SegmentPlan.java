package dev.slo.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes the long windows of one selector that end at the evaluation instant (a 30-day period, the
 * elapsed part of a calendar month, a 7-day period, 3-day burn windows, ...) as sums of disjoint
 * segments, so that Prometheus reads each sample of the longest window once instead of once per
 * window, and the longest segment is cut into pieces that separate requests read on separate cores.
 * A window {@code (T-L, T]} is the sum of the segments between {@code T} and {@code T-L}.
 *
 * <p>Segments share their edge samples: {@code increase()} over {@code [a, b]} and {@code [b, c]}
 * counts every step between two samples exactly once, so on windows whose edges fall on samples the
 * sum is the window's increase, counter resets included (each pair of neighbouring samples lies in
 * one segment). Off the sample grid each segment extrapolates to its own edges, as the whole window
 * would. Edges are kept at least {@link #MIN_SEGMENT_MS} apart (a segment must hold two samples of
 * any usual scrape interval); a window whose edge would be closer is asked for whole. Stateless.
 */
final class SegmentPlan {
  static final long HOUR = 3_600_000L;

  /** Windows shorter than this are asked for whole: they cost little to read twice. */
  static final long MIN_WINDOW_MS = 6 * HOUR;

  /** Neighbouring edges are at least this far apart. */
  static final long MIN_SEGMENT_MS = HOUR;

  /** Segments longer than this are cut into equal pieces (whole minutes) to spread the reading. */
  static final long MAX_PIECE_MS = 8 * 24 * HOUR;

  private SegmentPlan() {}

  /**
   * A window written as the sum of {@code segments}.
   *
   * @param window the term asked for
   * @param segments disjoint terms that tile it, newest first
   */
  record Sum(TermCache.Term window, List<TermCache.Term> segments) {
    /** The window's value; null when no segment has a series. */
    @Nullable Double value(java.util.function.Function<TermCache.Term, TermCache.Answer> answers) {
      Double sum = null;
      for (TermCache.Term t : segments) {
        TermCache.Answer a = answers.apply(t);
        Double v = a == null ? null : a.value();
        if (v != null) {
          sum = sum == null ? v : sum + v;
        }
      }
      return sum;
    }
  }

  /**
   * The terms of {@code wanted} that end at {@code atMs} and are written as segment sums; terms of
   * a selector with fewer than two such windows are left out (nothing to share).
   */
  static Map<TermCache.Term, Sum> plan(long atMs, Set<TermCache.Term> wanted) {
    Map<String, TreeSet<Long>> lengths = new LinkedHashMap<>();
    for (TermCache.Term t : wanted) {
      if (t.endMs() == atMs && t.lengthMs() >= MIN_WINDOW_MS) {
        lengths.computeIfAbsent(t.selector(), k -> new TreeSet<>()).add(t.lengthMs());
      }
    }
    Map<TermCache.Term, Sum> out = new LinkedHashMap<>();
    for (Map.Entry<String, TreeSet<Long>> e : lengths.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      String selector = e.getKey();
      // edges, going back from the instant: a length is an edge when it is far enough from the last
      List<Long> edges = new ArrayList<>();
      long last = 0;
      for (long len : e.getValue()) {
        if (len - last >= MIN_SEGMENT_MS) {
          edges.add(len);
          last = len;
        }
      }
      // the pieces between consecutive edges, each ending at the newer edge
      TreeMap<Long, List<TermCache.Term>> upTo = new TreeMap<>();
      List<TermCache.Term> pieces = new ArrayList<>();
      long newer = 0;
      for (long edge : edges) {
        pieces.addAll(pieces(selector, atMs, newer, edge));
        upTo.put(edge, List.copyOf(pieces));
        newer = edge;
      }
      for (long len : e.getValue()) {
        List<TermCache.Term> segs = upTo.get(len);
        if (segs != null && segs.size() > 1) {
          out.put(
              new TermCache.Term(selector, len, atMs),
              new Sum(new TermCache.Term(selector, len, atMs), segs));
        }
      }
    }
    return out;
  }

  /** The span {@code (T-older, T-newer]} as pieces of at most {@link #MAX_PIECE_MS}. */
  private static List<TermCache.Term> pieces(String selector, long atMs, long newer, long older) {
    long span = older - newer;
    int n = (int) Math.max(1, (span + MAX_PIECE_MS - 1) / MAX_PIECE_MS);
    List<TermCache.Term> out = new ArrayList<>(n);
    long end = newer;
    for (int i = 0; i < n; i++) {
      // whole minutes rounded up (at most MAX_PIECE_MS, a whole minute), the last takes the rest
      long len = i == n - 1 ? older - end : (span / n + 59_999L) / 60_000L * 60_000L;
      out.add(new TermCache.Term(selector, len, atMs - end));
      end += len;
    }
    return out;
  }
}
