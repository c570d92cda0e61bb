package dev.slo.core.eval;

import dev.slo.core.alert.AlertTier;

/**
 * An alert tier that fires at the evaluation instant, with the burn rates that made it fire.
 *
 * @param tier the tier
 * @param burnRateLong burn rate over the tier's long window
 * @param burnRateShort burn rate over the tier's short window
 */
public record FiringAlert(AlertTier tier, double burnRateLong, double burnRateShort) {}
