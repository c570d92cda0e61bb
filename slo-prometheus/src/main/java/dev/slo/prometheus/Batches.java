package dev.slo.prometheus;

import java.util.ArrayList;
import java.util.List;

/** How pushdown subqueries are grouped into requests. Stateless. */
final class Batches {
  private Batches() {}

  /**
   * Spreads subqueries over up to {@code most} requests of about equal cost (the window length, a
   * proxy for the samples read, times the selectors merged into one), longest first: Prometheus
   * evaluates one request on one core, so a single batch would leave the others idle.
   */
  static List<List<Subquery>> spread(List<Subquery> subs, int most) {
    return spread(subs, Subquery::cost, most);
  }

  /** As {@link #spread(List, int)}, for any items and cost. */
  static <T> List<List<T>> spread(
      List<T> items, java.util.function.ToLongFunction<T> costOf, int most) {
    int k = Math.min(most, items.size());
    List<List<T>> bins = new ArrayList<>();
    long[] cost = new long[k];
    for (int i = 0; i < k; i++) {
      bins.add(new ArrayList<>());
    }
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(java.util.Comparator.comparingLong((T q) -> -costOf.applyAsLong(q)));
    for (T q : sorted) {
      int best = 0;
      for (int i = 1; i < k; i++) {
        if (cost[i] < cost[best]) {
          best = i;
        }
      }
      bins.get(best).add(q);
      cost[best] += costOf.applyAsLong(q);
    }
    return bins;
  }

  static <T> List<List<T>> split(
      List<T> items, java.util.function.Function<T, String> q, int maxChars) {
    List<List<T>> out = new ArrayList<>();
    List<T> cur = new ArrayList<>();
    int chars = 0;
    for (T item : items) {
      int len = q.apply(item).length() + 40;
      if (!cur.isEmpty() && chars + len > maxChars) {
        out.add(cur);
        cur = new ArrayList<>();
        chars = 0;
      }
      cur.add(item);
      chars += len;
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  /** One query for many subqueries; a single one is sent as is. */
  static String or(List<String> subqueries) {
    if (subqueries.size() == 1) {
      return subqueries.get(0);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < subqueries.size(); i++) {
      if (i > 0) {
        b.append(" or ");
      }
      b.append("label_replace(")
          .append(subqueries.get(i))
          .append(", \"")
          .append(CounterPushdown.TERM_LABEL)
          .append("\", \"")
          .append(i)
          .append("\", \"\", \"\")");
    }
    return b.toString();
  }
}
