package dev.slo.core.model;

/** How the error budget is counted: in events, or in time slices that are each good or bad. */
public enum BudgetingMethod {
  /** SLI = good events / total events over the period; the budget counts events. */
  OCCURRENCES,
  /** SLI = good slices / slices with events; the budget counts slices. */
  TIMESLICES
}
