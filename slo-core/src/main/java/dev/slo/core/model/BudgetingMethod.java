package dev.slo.core.model;

/** How the error budget is counted: in events, or in time slices. */
public enum BudgetingMethod {
  /** SLI = good events / total events over the period; the budget counts events. */
  OCCURRENCES,
  /** SLI = good slices / slices with events; the budget counts slices. */
  TIMESLICES,
  /**
   * SLI = the mean of good/total over the slices with events (each slice weighs the same, whatever
   * its traffic); the budget counts slices, a slice spending {@code 1 - good/total} of one.
   */
  RATIO_TIMESLICES;

  /** True for the two methods that cut the period into slices. */
  public boolean isSliced() {
    return this != OCCURRENCES;
  }
}
