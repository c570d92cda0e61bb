package dev.slo.core.store;

import dev.slo.core.Printable;
import dev.slo.core.model.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of the seed's {@code slo_burn_rate_alerts}: alert when the burn rate over {@code
 * timeWindow} reaches {@code burnRateThreshold}. Immutable.
 *
 * @param id the store's identifier; null before the rule is stored
 * @param sloId the SLO the rule belongs to
 * @param burnRateThreshold burn rate that fires the rule, positive and finite (e.g. 14.4)
 * @param timeWindow the window the burn rate is measured over, at least one second
 * @param alertRuleId an external rule identifier, at most 100 characters, or null
 * @param enabled disabled rules never fire
 * @param createdAt when the rule was stored; null before
 */
public record BurnRateAlertRule(
    UUID id,
    String sloId,
    double burnRateThreshold,
    Duration timeWindow,
    String alertRuleId,
    boolean enabled,
    Instant createdAt) {

  /** Validates the fields; see the parameter docs. */
  public BurnRateAlertRule {
    if (sloId == null || !Slo.ID_PATTERN.matcher(sloId).matches()) {
      throw new IllegalArgumentException(
          Printable.quote(sloId) + " is not a valid slo_id for a burn-rate alert rule");
    }
    if (!(burnRateThreshold > 0) || Double.isInfinite(burnRateThreshold)) {
      throw new IllegalArgumentException(
          burnRateThreshold + " is not a valid burn_rate_threshold: use a positive number");
    }
    if (timeWindow == null || timeWindow.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          timeWindow + " is not a valid time_window: use at least 1s");
    }
    if (alertRuleId != null && alertRuleId.length() > 100) {
      throw new IllegalArgumentException(
          Printable.quote(alertRuleId)
              + " is not a valid alert_rule_id: use at most 100 characters");
    }
  }

  /** A new, enabled rule without id or creation time. */
  public static BurnRateAlertRule of(
      String sloId, double burnRateThreshold, Duration timeWindow, String alertRuleId) {
    return new BurnRateAlertRule(
        null, sloId, burnRateThreshold, timeWindow, alertRuleId, true, null);
  }
}
