package dev.slo.report;

import dev.slo.core.eval.Evaluation;
import java.util.List;

/**
 * One SLO in a report: its evaluation at the report instant and the chart series leading up to it.
 *
 * @param evaluation the evaluation at the report instant, as {@code slo eval} computes it
 * @param series evaluations at evenly spaced instants across the period, the last at the report
 *     instant
 */
public record SloReport(Evaluation evaluation, List<SeriesPoint> series) {
  /** Copies the series. */
  public SloReport {
    series = List.copyOf(series);
  }
}
