package dev.slo.report;

import dev.slo.core.eval.Evaluation;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One point of a report chart: the evaluator's numbers for an SLO at one instant.
 *
 * @param at the evaluation instant
 * @param errorBudgetRemaining {@link Evaluation#errorBudgetRemaining()} at {@code at}
 * @param sliPercent {@link Evaluation#currentSliPercent()} at {@code at}; null without data
 */
public record SeriesPoint(Instant at, double errorBudgetRemaining, @Nullable Double sliPercent) {
  /** The point of one evaluation. */
  public static SeriesPoint of(Evaluation e) {
    return new SeriesPoint(e.at(), e.errorBudgetRemaining(), e.currentSliPercent());
  }
}
