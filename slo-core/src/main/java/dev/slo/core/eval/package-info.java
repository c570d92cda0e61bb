/**
 * The evaluator: SLI, error budget, burn rates, alert tiers, status, time to exhaustion, forecast
 * and recommendations for an SLO at an instant, with the seed's SLOStatus and ErrorBudget views.
 */
package dev.slo.core.eval;
