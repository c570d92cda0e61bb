package dev.slo.cli.serve;

import dev.slo.core.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored burn-rate alert rule (the seed's {@code AlertRule}, a row of {@code
 * slo_burn_rate_alerts}) with its Prometheus alerting-rule expression. Immutable.
 *
 * @param id the rule's id
 * @param alertRuleId readable id: {@code <slo_id>:burn_rate:<time_window>[:<short_window>]}
 * @param sloId the SLO
 * @param burnRateThreshold the burn rate that fires the rule
 * @param timeWindow the long window
 * @param shortWindow the short window, or null
 * @param severity page or ticket
 * @param enabled always true for new rules
 * @param createdAt when it was stored
 * @param expr the PromQL alerting expression, see {@link AlertExpression}
 */
public record AlertRule(
    UUID id,
    String alertRuleId,
    String sloId,
    double burnRateThreshold,
    Duration timeWindow,
    Duration shortWindow,
    Severity severity,
    boolean enabled,
    Instant createdAt,
    String expr) {
  /** The Prometheus alert name of every rule. */
  public static final String ALERT_NAME = "SloErrorBudgetBurn";

  /** Validates presence of the required parts. */
  public AlertRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(alertRuleId, "alert_rule_id");
    Objects.requireNonNull(sloId, "slo_id");
    Objects.requireNonNull(timeWindow, "time_window");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(createdAt, "created_at");
    Objects.requireNonNull(expr, "expr");
  }
}
