package dev.slo.core.eval;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One component of a composite SLO as its evaluation lists it (docs/math.md, "Composite SLOs").
 * Immutable.
 *
 * @param sloId the component's slo_id
 * @param weight its weight as written in the spec, exact
 * @param composite true when the component is itself a composite
 * @param noData true when the component has no events in the elapsed period, so it drops out of the
 *     period's weights
 * @param currentSliPercent the component's SLI over the elapsed period in percent, null without
 *     data
 * @param errorBudgetConsumed the component's own budget consumed over the elapsed period (its
 *     period burn rate), 0 without data
 */
public record ComponentStatus(
    String sloId,
    BigDecimal weight,
    boolean composite,
    boolean noData,
    @Nullable Double currentSliPercent,
    double errorBudgetConsumed) {}
