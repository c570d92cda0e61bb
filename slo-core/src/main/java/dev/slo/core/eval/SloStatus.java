package dev.slo.core.eval;

import dev.slo.core.model.Status;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code SLOStatus} of docs/openapi.json. SLIs in percent, budget fractions as ratios.
 *
 * @param sloId the SLO
 * @param currentSli SLI in percent, null without data
 * @param targetSli target in percent
 * @param status the status
 * @param errorBudgetRemaining fraction of the budget left (negative when overspent)
 * @param errorBudgetConsumed fraction of the budget spent
 * @param burnRate the 1-hour burn rate
 * @param timeToExhaustion e.g. {@code 12h}, null when not exhausting
 * @param lastUpdated the evaluation instant
 */
public record SloStatus(
    String sloId,
    @Nullable Double currentSli,
    double targetSli,
    Status status,
    double errorBudgetRemaining,
    double errorBudgetConsumed,
    double burnRate,
    @Nullable String timeToExhaustion,
    Instant lastUpdated) {}
