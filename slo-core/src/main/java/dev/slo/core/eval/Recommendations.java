package dev.slo.core.eval;

import dev.slo.core.alert.Severity;
import dev.slo.core.model.Status;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
          String.format(
              Locale.ROOT,
              "Error budget exhausted (%.1f%% consumed): freeze risky deployments and prioritise"
                  + " reliability work",
              e.errorBudgetConsumed() * 100));
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
          String.format(
              Locale.ROOT,
              "High burn rate detected: %.1fx over %s (page threshold %sx)",
              page.burnRateLong(),
              dev.slo.core.window.DurationText.format(page.tier().longWindow()),
              page.tier().factor().toPlainString()));
      out.add("Review recent deployments and roll back if one lines up with the burn");
      out.add("Consider scaling service if load is the cause");
    } else if (ticket != null) {
      out.add(
          String.format(
              Locale.ROOT,
              "Slow burn detected: %.2fx over %s (ticket threshold %sx); investigate in working"
                  + " hours",
              ticket.burnRateLong(),
              dev.slo.core.window.DurationText.format(ticket.tier().longWindow()),
              ticket.tier().factor().toPlainString()));
    }
    if (e.status() != Status.EXHAUSTED
        && e.errorBudgetRemaining() < e.slo().thresholds().warningBelow()) {
      out.add(
          String.format(
              Locale.ROOT,
              "Error budget low: %.1f%% remaining; slow down risky changes",
              e.errorBudgetRemaining() * 100));
    }
    if (e.timeToExhaustion() != null && e.status() != Status.EXHAUSTED) {
      out.add("At the current 1h burn rate the budget runs out in " + e.timeToExhaustionText());
    }
    return out;
  }
}
