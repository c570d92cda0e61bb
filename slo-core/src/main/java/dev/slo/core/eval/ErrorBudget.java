package dev.slo.core.eval;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code ErrorBudget} of docs/openapi.json, in events (occurrences) or slices (timeslices).
 *
 * @param sloId the SLO
 * @param totalBudget (1 - target) × total units
 * @param consumedBudget bad units
 * @param remainingBudget total minus consumed; negative when overspent
 * @param burnRate1h burn rate over the last hour
 * @param burnRate24h burn rate over the last day
 * @param projectedExhaustion when the 24h trend reaches the whole budget, or null
 */
public record ErrorBudget(
    String sloId,
    double totalBudget,
    double consumedBudget,
    double remainingBudget,
    double burnRate1h,
    double burnRate24h,
    @Nullable Instant projectedExhaustion) {}
