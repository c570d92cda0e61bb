/**
 * The evaluator: SLI, error budget, burn rates, alert tiers, status, time to exhaustion, forecast
 * and recommendations for an SLO at an instant, with the SLOStatus and ErrorBudget views of
 * docs/openapi.json.
 */
@NullMarked
package dev.slo.core.eval;

import org.jspecify.annotations.NullMarked;
