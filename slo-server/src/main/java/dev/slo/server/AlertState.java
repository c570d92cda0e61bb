package dev.slo.server;

import dev.slo.core.eval.FiringAlert;
import java.time.Instant;

/**
 * One alert tier that the server reports firing. After the evaluator stops firing it, a tier stays
 * reported for a number of clear evaluations (the monitor's resolve-after setting) so it does not
 * flap. Immutable.
 *
 * @param alert the tier and its burn rates when it last fired
 * @param since when it started firing
 * @param clearRuns consecutive evaluations since in which the evaluator did not fire it
 */
public record AlertState(FiringAlert alert, Instant since, int clearRuns) {}
