package dev.slo.core.eval;

import dev.slo.core.alert.AlertTier;
import dev.slo.core.correction.Exclusion;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.source.EventCounts;
import dev.slo.core.window.DurationText;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything known about one SLO at one instant. Ratios are fractions (0.999), except {@link
 * #currentSliPercent()} and {@link #targetSliPercent()}, which are percent as in the API. Budget
 * amounts count events (occurrences) or slices (timeslices). No field is NaN or infinite.
 * Immutable.
 *
 * @param slo the SLO
 * @param at the evaluation instant
 * @param period the whole period holding {@code at}; for rolling periods it ends at {@code at}
 * @param units good and total units in {@code (period start, at]}: events, or slices with events
 * @param noData true when the period holds no events
 * @param currentSliPercent SLI in percent, null when there is no data
 * @param errorBudgetConsumed fraction of the budget consumed; above 1 when overspent
 * @param errorBudgetRemaining 1 - consumed; negative when overspent
 * @param totalBudget the budget in units: (1 - target) × total units
 * @param consumedBudget bad units
 * @param remainingBudget total budget - consumed budget
 * @param burnRates burn rate per window, 5m to 3d ({@link Evaluator#BURN_WINDOWS}), in that order
 * @param periodBurnRate the burn rate over the elapsed period: the fraction of the budget consumed
 * @param tiers the alert tiers for this period
 * @param alerts the tiers that fire, most urgent first
 * @param status the status
 * @param timeToExhaustion time until the budget is spent at the 1h burn rate, or null
 * @param projectedExhaustion when the 24h consumption trend reaches the whole budget, or null
 * @param recommendations short sentences derived from the state
 * @param exclusion what corrections removed from the period; {@link Exclusion#NONE} without any
 * @param suppressed tiers whose burn rates reach their factor but that do not fire, with why
 * @param sliInterval the 95% Wilson interval of the period's SLI, null without data
 * @param windowSliIntervals the 95% Wilson interval of the SLI over each burn window with events
 * @param components for a composite SLO, its direct components in spec order; empty otherwise
 */
public record Evaluation(
    Slo slo,
    Instant at,
    Window period,
    EventCounts units,
    boolean noData,
    @Nullable Double currentSliPercent,
    double errorBudgetConsumed,
    double errorBudgetRemaining,
    double totalBudget,
    double consumedBudget,
    double remainingBudget,
    Map<Duration, Double> burnRates,
    double periodBurnRate,
    List<AlertTier> tiers,
    List<FiringAlert> alerts,
    Status status,
    @Nullable Duration timeToExhaustion,
    @Nullable Instant projectedExhaustion,
    List<String> recommendations,
    Exclusion exclusion,
    List<SuppressedAlert> suppressed,
    @Nullable SliInterval sliInterval,
    Map<Duration, SliInterval> windowSliIntervals,
    List<ComponentStatus> components) {

  /** Copies the collections. */
  public Evaluation {
    components = List.copyOf(components);
    exclusion = exclusion == null ? Exclusion.NONE : exclusion;
    burnRates =
        burnRates instanceof WindowMap
            ? burnRates
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(burnRates));
    tiers = List.copyOf(tiers);
    alerts = List.copyOf(alerts);
    recommendations =
        recommendations == Recommendations.DERIVED
            ? new Recommendations.Derived(this)
            : recommendations instanceof Recommendations.Derived
                ? recommendations
                : List.copyOf(recommendations);
    suppressed = List.copyOf(suppressed);
    windowSliIntervals =
        windowSliIntervals instanceof WindowMap
            ? windowSliIntervals
            : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(windowSliIntervals));
  }

  /** A copy with another status, firing tiers and recommendations; every number unchanged. */
  public Evaluation with(Status newStatus, List<FiringAlert> newAlerts, List<String> newRecs) {
    return new Evaluation(
        slo,
        at,
        period,
        units,
        noData,
        currentSliPercent,
        errorBudgetConsumed,
        errorBudgetRemaining,
        totalBudget,
        consumedBudget,
        remainingBudget,
        burnRates,
        periodBurnRate,
        tiers,
        newAlerts,
        newStatus,
        timeToExhaustion,
        projectedExhaustion,
        newRecs,
        exclusion,
        suppressed,
        sliInterval,
        windowSliIntervals,
        components);
  }

  /** The target in percent, e.g. 99.9. */
  public double targetSliPercent() {
    return slo.targetPercentage();
  }

  /** {@code burn_rate} of the API: the 1-hour burn rate. */
  public double burnRate() {
    return Objects.requireNonNull(burnRates.get(Duration.ofHours(1)), "the 1h burn rate");
  }

  /** The burn rate over the 1-day window, {@code burn_rate_24h} of the API. */
  public double burnRate24h() {
    return Objects.requireNonNull(burnRates.get(Duration.ofDays(1)), "the 1d burn rate");
  }

  /**
   * The burn rates labelled as outputs print them: {@code 5m} … {@code 3d}, then {@code period}.
   */
  public Map<String, Double> burnRateLabels() {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    burnRates.forEach((w, v) -> out.put(DurationText.format(w), v));
    out.put("period", periodBurnRate);
    return java.util.Collections.unmodifiableMap(out);
  }

  /** True when at least one tier fires. */
  public boolean alertTriggered() {
    return !alerts.isEmpty();
  }

  /**
   * Time to exhaustion as the API prints it (docs/openapi.json) ({@code 3d14h24m}, {@code 0s}), or
   * null.
   */
  public @Nullable String timeToExhaustionText() {
    return timeToExhaustion == null ? null : DurationText.formatMinutes(timeToExhaustion);
  }

  /** Time to exhaustion in seconds (fractional), or null. */
  public @Nullable Double timeToExhaustionSeconds() {
    return timeToExhaustion == null ? null : timeToExhaustion.toNanos() / 1e9;
  }

  /** The SLOStatus view (docs/openapi.json). */
  public SloStatus toStatus() {
    return new SloStatus(
        slo.sloId(),
        currentSliPercent,
        targetSliPercent(),
        status,
        errorBudgetRemaining,
        errorBudgetConsumed,
        burnRate(),
        timeToExhaustionText(),
        at);
  }

  /** The ErrorBudget view (docs/openapi.json). */
  public ErrorBudget toErrorBudget() {
    return new ErrorBudget(
        slo.sloId(),
        totalBudget,
        consumedBudget,
        remainingBudget,
        burnRate(),
        burnRate24h(),
        projectedExhaustion);
  }
}
