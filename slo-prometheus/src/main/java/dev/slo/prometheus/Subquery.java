package dev.slo.prometheus;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One subquery of a batched instant query ({@code label_replace(...) or ...}): its PromQL, its cost
 * for spreading over requests, and how the series it answered become cached terms.
 */
sealed interface Subquery permits InstantSubquery, FanSubquery {
  /** The PromQL, evaluated at {@code atMs}. */
  String query(long atMs);

  /** About how many samples it reads, relative to others: window length times selectors. */
  long cost();

  /** How many terms it answers (a reply-size allowance is made per term). */
  int termCount();

  /** Whether its answer is one series (a plain {@code sum}); more is the query author's error. */
  boolean oneSeries();

  /**
   * Puts the answers of every term into {@code cache}.
   *
   * @param series the series of the reply that belong to this subquery
   * @param value a series' checked value
   */
  void answer(
      List<QueryResult.Series> series, TermCache cache, ToDoubleFunction<QueryResult.Series> value);
}
