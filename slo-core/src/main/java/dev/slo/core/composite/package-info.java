/**
 * Composite SLOs (docs/math.md, "Composite SLOs"): the checks over a whole spec (components exist,
 * share the period, form no cycle) and the evaluator that combines components' burn rates per
 * window, exactly, on top of {@link dev.slo.core.eval.Evaluator}.
 */
@NullMarked
package dev.slo.core.composite;

import org.jspecify.annotations.NullMarked;
