package dev.slo.core.eval;

import dev.slo.core.alert.AlertTier;

/**
 * An alert tier whose burn rates reach its factor but that does not fire, and why: its long window
 * holds fewer events than the SLO's {@code min_events} ("not enough events (12 &lt; 100)"), or the
 * SLO decides on the SLI's upper bound and that bound does not burn fast enough.
 *
 * @param tier the tier
 * @param reason one line for people
 */
public record SuppressedAlert(AlertTier tier, String reason) {}
