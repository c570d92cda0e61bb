package dev.slo.core.eval;

import dev.slo.core.FixedPoint;
import dev.slo.core.alert.Severity;
import dev.slo.core.model.Status;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/** Short, actionable sentences derived from an evaluation's state, most urgent first. */
final class Recommendations {
  /**
   * Passed to {@link Evaluation}'s constructor for "derive them from this evaluation": it then
   * holds a {@link Derived} list. Compared by identity.
   */
  static final List<String> DERIVED = Collections.unmodifiableList(new ArrayList<>(0));

  private Recommendations() {}

  /**
   * An evaluation's recommendations, formatted when first read: most evaluations (a service's
   * passes, a fleet's gate) never print them. Immutable, thread-safe; equal to any list of the same
   * sentences.
   */
  static final class Derived extends AbstractList<String> implements RandomAccess {
    private final Evaluation e;
    private volatile @Nullable List<String> sentences;

    Derived(Evaluation e) {
      this.e = e;
    }

    private List<String> sentences() {
      List<String> s = sentences;
      if (s == null) {
        s = List.copyOf(of(e));
        sentences = s;
      }
      return s;
    }

    @Override
    public String get(int index) {
      return sentences().get(index);
    }

    @Override
    public int size() {
      return sentences().size();
    }
  }

  static List<String> of(Evaluation e) {
    List<String> out = new ArrayList<>();
    if (e.noData()) {
      out.add("No data in the period: check that the SLI source is reporting");
      if (e.status() == Status.EXHAUSTED) {
        out.add("no_data is 'bad', so the empty period counts as fully bad");
      }
      return out;
    }
    if (e.status() == Status.EXHAUSTED) {
      out.add(
          "Error budget exhausted ("
              + FixedPoint.format(e.errorBudgetConsumed() * 100, 1)
              + "% consumed): freeze risky deployments and prioritise reliability work");
    }
    FiringAlert page =
        e.alerts().stream()
            .filter(a -> a.tier().severity() == Severity.PAGE)
            .findFirst()
            .orElse(null);
    FiringAlert ticket =
        e.alerts().stream()
            .filter(a -> a.tier().severity() == Severity.TICKET)
            .findFirst()
            .orElse(null);
    if (page != null) {
      out.add(
          "High burn rate detected: "
              + FixedPoint.format(page.burnRateLong(), 1)
              + "x over "
              + dev.slo.core.window.DurationText.format(page.tier().longWindow())
              + " (page threshold "
              + page.tier().factor().toPlainString()
              + "x)");
      out.add("Review recent deployments and roll back if one lines up with the burn");
      out.add("Consider scaling service if load is the cause");
    } else if (ticket != null) {
      out.add(
          "Slow burn detected: "
              + FixedPoint.format(ticket.burnRateLong(), 2)
              + "x over "
              + dev.slo.core.window.DurationText.format(ticket.tier().longWindow())
              + " (ticket threshold "
              + ticket.tier().factor().toPlainString()
              + "x); investigate in working hours");
    }
    if (e.status() != Status.EXHAUSTED
        && e.errorBudgetRemaining() < e.slo().thresholds().warningBelow()) {
      out.add(
          "Error budget low: "
              + FixedPoint.format(e.errorBudgetRemaining() * 100, 1)
              + "% remaining; slow down risky changes");
    }
    if (e.timeToExhaustion() != null && e.status() != Status.EXHAUSTED) {
      out.add("At the current 1h burn rate the budget runs out in " + e.timeToExhaustionText());
    }
    return out;
  }
}
