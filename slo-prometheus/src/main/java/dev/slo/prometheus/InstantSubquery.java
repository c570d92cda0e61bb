package dev.slo.prometheus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * One subquery of a batched instant query, answering one or more terms of the same window: {@code
 * sum(increase(sel[w]))} for one term, or, when other terms are the same selector plus one equality
 * matcher on one label (a total and its {@code code="500"} part), {@code sum by (label)
 * (increase(total[w]))}, whose series sum to the total and give each part by its label value: one
 * read of the samples instead of two. Immutable.
 *
 * @param base the term answered by the sum of every series
 * @param byLabel the grouping label, or null for a plain sum
 * @param parts the terms answered by one series each, keyed by the label's value
 */
record InstantSubquery(
    TermCache.Term base, @Nullable String byLabel, Map<String, TermCache.Term> parts)
    implements Subquery {

  @Override
  public String query(long atMs) {
    String inner = increase(base.selector(), base.lengthMs(), atMs - base.endMs());
    return byLabel == null ? "sum(" + inner + ")" : "sum by (" + byLabel + ") (" + inner + ")";
  }

  /** {@code increase(selector[length] offset o)}, the offset left out when zero. */
  static String increase(String selector, long lengthMs, long offsetMs) {
    return "increase("
        + selector
        + "["
        + PrometheusSource.range(lengthMs)
        + "]"
        + (offsetMs == 0 ? "" : " offset " + PrometheusSource.range(offsetMs))
        + ")";
  }

  @Override
  public long cost() {
    return base.lengthMs();
  }

  @Override
  public int termCount() {
    return 1 + parts.size();
  }

  @Override
  public boolean oneSeries() {
    return byLabel == null;
  }

  /** The base is the sum of every series; each part is the series of its label value. */
  @Override
  public void answer(
      List<QueryResult.Series> series,
      TermCache cache,
      ToDoubleFunction<QueryResult.Series> value) {
    Double sum = null;
    Map<String, Double> byValue = new HashMap<>();
    for (QueryResult.Series s : series) {
      double v = value.applyAsDouble(s);
      sum = sum == null ? v : sum + v;
      if (byLabel != null) {
        byValue.put(s.labels().getOrDefault(byLabel, ""), v);
      }
    }
    cache.put(base, new TermCache.Answer(sum));
    for (Map.Entry<String, TermCache.Term> p : parts.entrySet()) {
      cache.put(p.getValue(), new TermCache.Answer(byValue.get(p.getKey())));
    }
  }

  /** Every term this subquery answers. */
  List<TermCache.Term> terms() {
    List<TermCache.Term> out = new ArrayList<>(1 + parts.size());
    out.add(base);
    out.addAll(parts.values());
    return out;
  }

  /**
   * Groups terms into subqueries: terms of the same window whose selectors refine another's by one
   * equality matcher ride along with it.
   */
  static List<InstantSubquery> of(List<TermCache.Term> terms) {
    Map<List<Long>, List<TermCache.Term>> byWindow = new LinkedHashMap<>();
    for (TermCache.Term t : terms) {
      byWindow.computeIfAbsent(List.of(t.lengthMs(), t.endMs()), k -> new ArrayList<>()).add(t);
    }
    List<InstantSubquery> out = new ArrayList<>();
    for (List<TermCache.Term> group : byWindow.values()) {
      List<Selector> parsed = new ArrayList<>(group.size());
      for (TermCache.Term t : group) {
        parsed.add(group.size() > 1 ? Selector.parse(t.selector()) : null);
      }
      // the terms refining each selector by one matcher, found by a hash of the matchers left
      // (in term order): every pair compared would be quadratic in the fleet's size
      Map<String, List<Integer>> refiners = new java.util.HashMap<>();
      for (int j = 0; j < group.size(); j++) {
        Selector p = parsed.get(j);
        if (p == null) {
          continue;
        }
        for (Selector.Matcher m : p.matchers()) {
          if (m.op().equals("=")) {
            refiners.computeIfAbsent(p.key(m), k -> new ArrayList<>()).add(j);
          }
        }
      }
      boolean[] used = new boolean[group.size()];
      for (int i = 0; i < group.size(); i++) {
        if (used[i]) {
          continue;
        }
        String label = null;
        Map<String, TermCache.Term> parts = new LinkedHashMap<>();
        Selector total = parsed.get(i);
        List<Integer> candidates =
            total == null ? List.of() : refiners.getOrDefault(total.key(null), List.of());
        for (int j : candidates) {
          if (j == i || used[j]) {
            continue;
          }
          Selector.Matcher m = Selector.refinement(total, parsed.get(j));
          if (m == null
              || m.label().equals(CounterPushdown.TERM_LABEL)
              || (label != null && !label.equals(m.label()))
              || parts.containsKey(m.value())) {
            continue;
          }
          label = m.label();
          parts.put(m.value(), group.get(j));
          used[j] = true;
        }
        used[i] = true;
        out.add(new InstantSubquery(group.get(i), label, Map.copyOf(parts)));
      }
    }
    return out;
  }
}
