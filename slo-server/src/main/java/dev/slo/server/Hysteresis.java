package dev.slo.server;

import dev.slo.core.alert.Severity;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.FiringAlert;
import dev.slo.core.model.Status;
import dev.slo.core.model.StatusThresholds;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a value hovering at a threshold from flapping. Worse news is reported at once; better news
 * needs a margin:
 *
 * <ul>
 *   <li>An alert tier fires as soon as the evaluator fires it, and resolves only after {@code
 *       resolveAfter} consecutive evaluations in which it does not fire.
 *   <li>The status worsens as soon as the evaluator says so. It improves only as far as the
 *       remaining budget clears each budget threshold by {@link #BUDGET_MARGIN} (WARNING to HEALTHY
 *       needs {@code remaining >= warning + 0.01}, EXHAUSTED to CRITICAL {@code remaining >= 0.01})
 *       and never above what the still-reported alert tiers imply (page: CRITICAL, ticket:
 *       WARNING).
 * </ul>
 *
 * Immutable and thread-safe.
 */
final class Hysteresis {
  /** The budget-fraction margin by which a threshold must be cleared to improve the status. */
  static final double BUDGET_MARGIN = 0.01;

  /**
   * The reported status and alert tiers after one evaluation.
   *
   * @param status the reported status
   * @param alerts the tiers reported firing, by tier name, most urgent first
   */
  record Outcome(Status status, Map<String, AlertState> alerts) {}

  private final int resolveAfter;

  /** Hysteresis resolving an alert after {@code resolveAfter} clear evaluations. */
  Hysteresis(int resolveAfter) {
    if (resolveAfter < 1) {
      throw new dev.slo.core.ValidationException("resolve_after", resolveAfter, "use at least 1");
    }
    this.resolveAfter = resolveAfter;
  }

  /** Applies the rules to an evaluation given what was reported before (null: nothing). */
  Outcome apply(Evaluation e, @Nullable Status previous, Map<String, AlertState> previousAlerts) {
    Map<String, AlertState> alerts = new LinkedHashMap<>();
    for (FiringAlert a : e.alerts()) {
      AlertState old = previousAlerts.get(a.tier().name());
      alerts.put(a.tier().name(), new AlertState(a, old == null ? e.at() : old.since(), 0));
    }
    for (AlertState old : previousAlerts.values()) {
      String name = old.alert().tier().name();
      if (!alerts.containsKey(name) && old.clearRuns() + 1 < resolveAfter) {
        alerts.put(name, new AlertState(old.alert(), old.since(), old.clearRuns() + 1));
      }
    }
    Status status = e.status();
    if (previous != null) {
      Status band = budgetStatus(e.errorBudgetRemaining(), e.slo().thresholds(), BUDGET_MARGIN);
      status = worst(status, better(previous, band));
    }
    status = worst(status, alertStatus(alerts.values()));
    return new Outcome(status, alerts);
  }

  /** The status the budget alone implies, with every threshold raised by {@code margin}. */
  static Status budgetStatus(double remaining, StatusThresholds t, double margin) {
    if (remaining < margin) {
      return Status.EXHAUSTED;
    }
    if (remaining < t.criticalBelow() + margin) {
      return Status.CRITICAL;
    }
    if (remaining < t.warningBelow() + margin) {
      return Status.WARNING;
    }
    return Status.HEALTHY;
  }

  /** The status firing tiers imply: CRITICAL for a page, WARNING for a ticket. */
  static Status alertStatus(Collection<AlertState> alerts) {
    Status s = Status.HEALTHY;
    for (AlertState a : alerts) {
      s = worst(s, a.alert().tier().severity() == Severity.PAGE ? Status.CRITICAL : Status.WARNING);
    }
    return s;
  }

  static Status worst(Status a, Status b) {
    return a.isAtLeast(b) ? a : b;
  }

  static Status better(Status a, Status b) {
    return a.isAtLeast(b) ? b : a;
  }

  /** {@code e} with the reported status and alert tiers in place of the evaluator's. */
  static Evaluation reported(Evaluation e, Status status, Collection<AlertState> alerts) {
    List<FiringAlert> firing = alerts.stream().map(AlertState::alert).toList();
    if (status == e.status() && firing.equals(e.alerts())) {
      return e;
    }
    return e.with(status, firing, e.recommendations());
  }
}
