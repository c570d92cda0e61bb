package dev.slo.prometheus;

import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The counter terms a whole fleet will ask for at one instant, so that pushdown can fetch them in
 * one round of requests. Which windows an evaluation reads depends only on the SLO's period, time
 * zone and budgeting method; they are learned by evaluating one SLO of each kind against a probe
 * source that records the windows and answers zeros, so the rule stays the evaluator's own. A guess
 * that turns out wrong costs requests, never correctness: answers are keyed by their window.
 */
final class FleetWindows {
  private FleetWindows() {}

  /**
   * Every counter term of the fleet's occurrence SLOs with counters or a latency histogram, at
   * {@code at}.
   *
   * @param queries an SLO's counter queries, or null to leave it out (e.g. its bucket is unknown)
   */
  static Set<TermCache.Term> terms(
      List<Slo> fleet, Instant at, java.util.function.Function<Slo, SliQueries> queries) {
    Map<List<Object>, List<Slo>> byKind = new LinkedHashMap<>();
    for (Slo s : fleet) {
      if (s.enabled()
          && s.groupBy().isEmpty() // groups are read together by GroupedPushdown
          && (s.sli().latency() != null || s.sli().totalCounter() != null)
          && s.budgetingMethod() == BudgetingMethod.OCCURRENCES) {
        byKind
            .computeIfAbsent(List.of(s.timePeriod(), s.timeZone()), k -> new ArrayList<>())
            .add(s);
      }
    }
    Set<TermCache.Term> out = new LinkedHashSet<>();
    for (List<Slo> kind : byKind.values()) {
      List<Window> windows = probe(kind.get(0), at);
      if (windows.isEmpty()) {
        continue;
      }
      for (Slo s : kind) {
        SliQueries q = queries.apply(s);
        if (q != null) {
          out.addAll(CounterPushdown.terms(q, windows));
        }
      }
    }
    return out;
  }

  /** The windows an evaluation of {@code slo} at {@code at} reads; empty if it cannot be told. */
  static List<Window> probe(Slo slo, Instant at) {
    List<Window> seen = new ArrayList<>();
    EventSource recorder =
        (s, ws) -> {
          seen.addAll(ws);
          return Collections.nCopies(ws.size(), EventCounts.ZERO);
        };
    try {
      new Evaluator().evaluate(slo, recorder, at);
    } catch (RuntimeException e) {
      return List.of();
    }
    return seen;
  }
}
