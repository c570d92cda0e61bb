package dev.slo.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Writes the forecast's windows, which end a whole number of hours (up to 24) before the evaluation
 * instant, as a window ending at the instant plus or minus one-hour increases: a calendar point
 * {@code (S, T-kh]} is {@code (S, T]} minus the last {@code k} hours; a rolling point {@code
 * (T-kh-L, T-kh]} is {@code (T-L, T]} minus the last {@code k} hours plus the {@code k} hours
 * before {@code T-L}. The one-hour increases come from two short range queries, so Prometheus reads
 * about a day of samples per selector instead of 24 more months. On windows whose edges fall on
 * samples every part is exact (Prometheus does not extrapolate there) and the sum is the window's
 * increase; off the grid each one-hour part extrapolates by up to one scrape interval, an error
 * bounded by about a day's share of the window. Stateless.
 */
final class HourlyDecomposition {
  static final long HOUR = 3_600_000L;

  /** Forecast points are at most this many hours back. */
  static final int MAX_HOURS = 24;

  private HourlyDecomposition() {}

  /**
   * A window as {@code anchor - sum(minus) + sum(plus)}.
   *
   * @param anchor a window ending at the evaluation instant
   * @param minus one-hour windows subtracted
   * @param plus one-hour windows added
   */
  record Parts(TermCache.Term anchor, List<TermCache.Term> minus, List<TermCache.Term> plus) {
    List<TermCache.Term> all() {
      List<TermCache.Term> out = new ArrayList<>(1 + minus.size() + plus.size());
      out.add(anchor);
      out.addAll(minus);
      out.addAll(plus);
      return out;
    }

    /** The window's value from the parts' answers; null when the anchor has no series. */
    @Nullable Double value(Map<TermCache.Term, TermCache.Answer> answers) {
      Double a = Objects.requireNonNull(answers.get(anchor)).value();
      if (a == null) {
        return null;
      }
      double v = a;
      for (TermCache.Term t : minus) {
        Double x = Objects.requireNonNull(answers.get(t)).value();
        v -= x == null ? 0 : x;
      }
      for (TermCache.Term t : plus) {
        Double x = Objects.requireNonNull(answers.get(t)).value();
        v += x == null ? 0 : x;
      }
      return Math.max(0, v);
    }
  }

  /**
   * The terms of {@code wanted} that can be written from a window ending at {@code atMs} that is
   * also wanted or already {@code known}, with their parts.
   */
  static Map<TermCache.Term, Parts> plan(
      long atMs, Set<TermCache.Term> wanted, Predicate<TermCache.Term> known) {
    Map<TermCache.Term, Parts> out = new LinkedHashMap<>();
    for (TermCache.Term t : wanted) {
      long back = atMs - t.endMs();
      if (back <= 0 || back % HOUR != 0 || back / HOUR > MAX_HOURS) {
        continue;
      }
      int k = (int) (back / HOUR);
      String sel = t.selector();
      TermCache.Term sameStart = new TermCache.Term(sel, t.lengthMs() + back, atMs);
      if (wanted.contains(sameStart) || known.test(sameStart)) {
        out.put(t, new Parts(sameStart, hours(sel, atMs, k), List.of()));
        continue;
      }
      TermCache.Term sameLength = new TermCache.Term(sel, t.lengthMs(), atMs);
      if (t.lengthMs() % HOUR == 0 && (wanted.contains(sameLength) || known.test(sameLength))) {
        out.put(t, new Parts(sameLength, hours(sel, atMs, k), hours(sel, atMs - t.lengthMs(), k)));
      }
    }
    return out;
  }

  /** The {@code k} one-hour windows ending at {@code endMs}, {@code endMs - 1h}, ... */
  private static List<TermCache.Term> hours(String selector, long endMs, int k) {
    List<TermCache.Term> out = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      out.add(new TermCache.Term(selector, HOUR, endMs - j * HOUR));
    }
    return out;
  }
}
