package dev.slo.core.store;

import dev.slo.core.ValidationException;
import dev.slo.core.alert.Severity;
import dev.slo.core.model.Slo;
import dev.slo.core.window.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code slo_burn_rate_alerts}: alert when the burn rate over {@code timeWindow} (and,
 * when given, also over {@code shortWindow}) reaches {@code burnRateThreshold}. Immutable.
 *
 * @param id the store's identifier; null before the rule is stored
 * @param sloId the SLO the rule belongs to
 * @param burnRateThreshold burn rate that fires the rule, positive and finite (e.g. 14.4)
 * @param timeWindow the window the burn rate is measured over, at least one second
 * @param shortWindow the confirming short window, shorter than {@code timeWindow}, or null
 * @param severity page or ticket
 * @param alertRuleId the rule's readable identifier, at most 100 characters; {@link #of} derives it
 *     from the other fields ({@link #derivedId}), so identical rules share it
 * @param enabled disabled rules never fire
 * @param createdAt when the rule was stored; null before
 */
public record BurnRateAlertRule(
    @Nullable UUID id,
    String sloId,
    double burnRateThreshold,
    Duration timeWindow,
    @Nullable Duration shortWindow,
    Severity severity,
    @Nullable String alertRuleId,
    boolean enabled,
    @Nullable Instant createdAt) {
  /** The longest alert_rule_id, as in the {@code slo_burn_rate_alerts} table. */
  public static final int MAX_ALERT_RULE_ID = 100;

  /** Validates the fields; see the parameter docs. */
  public BurnRateAlertRule {
    if (sloId == null || !Slo.ID_PATTERN.matcher(sloId).matches()) {
      throw new ValidationException("slo_id", sloId, "use 1 to 100 letters, digits, . _ -");
    }
    if (!(burnRateThreshold > 0) || Double.isInfinite(burnRateThreshold)) {
      throw new ValidationException(
          "burn_rate_threshold", burnRateThreshold, "use a positive number");
    }
    if (timeWindow == null) {
      throw ValidationException.required("time_window");
    }
    if (timeWindow.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ValidationException(
          "time_window", DurationText.format(timeWindow), "use at least 1s");
    }
    if (shortWindow != null && shortWindow.compareTo(timeWindow) >= 0) {
      throw new ValidationException(
          "short_window",
          DurationText.format(shortWindow),
          "it must be shorter than time_window " + DurationText.format(timeWindow));
    }
    if (shortWindow != null && shortWindow.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ValidationException(
          "short_window", DurationText.format(shortWindow), "use at least 1s");
    }
    if (severity == null) {
      throw ValidationException.required("severity");
    }
    if (alertRuleId != null && alertRuleId.length() > MAX_ALERT_RULE_ID) {
      throw new ValidationException(
          "alert_rule_id", alertRuleId, "use at most " + MAX_ALERT_RULE_ID + " characters");
    }
  }

  /**
   * A new, enabled rule without id or creation time, whose alert_rule_id is {@link #derivedId}.
   *
   * @param shortWindow the confirming short window, or null
   */
  public static BurnRateAlertRule of(
      String sloId,
      double burnRateThreshold,
      Duration timeWindow,
      @Nullable Duration shortWindow,
      Severity severity) {
    return new BurnRateAlertRule(
        null,
        sloId,
        burnRateThreshold,
        timeWindow,
        shortWindow,
        severity,
        derivedId(burnRateThreshold, timeWindow, shortWindow, severity),
        true,
        null);
  }

  /**
   * The readable id of a rule: {@code burn_rate:14.4:1h:5m:page} (threshold, long window, short
   * window when given, severity). The slo_id is not part of it (it is a column of its own), so it
   * fits the column whatever the slo_id's length.
   */
  public static String derivedId(
      double burnRateThreshold,
      Duration timeWindow,
      @Nullable Duration shortWindow,
      Severity severity) {
    return "burn_rate:"
        + java.math.BigDecimal.valueOf(burnRateThreshold).stripTrailingZeros().toPlainString()
        + ":"
        + DurationText.format(timeWindow)
        + (shortWindow == null ? "" : ":" + DurationText.format(shortWindow))
        + ":"
        + severity.label();
  }

  /** True when both rules alert on the same SLO, threshold, windows and severity. */
  public boolean sameRuleAs(BurnRateAlertRule other) {
    return sloId.equals(other.sloId)
        && Double.compare(burnRateThreshold, other.burnRateThreshold) == 0
        && timeWindow.equals(other.timeWindow)
        && java.util.Objects.equals(shortWindow, other.shortWindow)
        && severity == other.severity;
  }
}
