package dev.slo.jdbc;

import dev.slo.core.store.AlertRuleRepository;
import dev.slo.core.store.BurnRateAlertRule;
import dev.slo.core.store.NotFoundException;
import dev.slo.core.window.DurationText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** {@link AlertRuleRepository} on {@code slo_burn_rate_alerts}. Thread-safe. */
final class JdbcAlertRuleRepository implements AlertRuleRepository {
  private static final String COLUMNS =
      "id, slo_id, burn_rate_threshold, time_window, alert_rule_id, enabled, created_at";

  private final Db db;

  JdbcAlertRuleRepository(Db db) {
    this.db = db;
  }

  @Override
  public BurnRateAlertRule create(BurnRateAlertRule rule) {
    StorableText.require(rule.alertRuleId(), "alert_rule_id", "a rule of SLO " + rule.sloId());
    return db.call(
            "creating a burn-rate alert rule for SLO " + rule.sloId(),
            h ->
                h.createQuery(
                        "INSERT INTO slo_burn_rate_alerts (slo_id, burn_rate_threshold,"
                            + " time_window, alert_rule_id, enabled)"
                            + " SELECT slo_id, :threshold, :window, :rule, :enabled FROM slos"
                            + " WHERE slo_id = :id RETURNING "
                            + COLUMNS)
                    .bind("id", rule.sloId())
                    .bind("threshold", rule.burnRateThreshold())
                    .bind("window", DurationText.format(rule.timeWindow()))
                    .bind("rule", rule.alertRuleId())
                    .bind("enabled", rule.enabled())
                    .map((rs, ctx) -> read(rs))
                    .findOne())
        .orElseThrow(
            () ->
                new NotFoundException(
                    "\""
                        + rule.sloId()
                        + "\" is not a stored slo_id: create the SLO before its alert rules"));
  }

  @Override
  public List<BurnRateAlertRule> list(String sloId) {
    return db.call(
        "listing the burn-rate alert rules of SLO " + sloId,
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM slo_burn_rate_alerts WHERE slo_id = :id ORDER BY created_at, id")
                .bind("id", sloId)
                .map((rs, ctx) -> read(rs))
                .list());
  }

  @Override
  public boolean delete(UUID id) {
    return db.call(
        "deleting burn-rate alert rule " + id,
        h ->
            h.createUpdate("DELETE FROM slo_burn_rate_alerts WHERE id = :id")
                    .bind("id", id)
                    .execute()
                > 0);
  }

  private static BurnRateAlertRule read(ResultSet rs) throws SQLException {
    return new BurnRateAlertRule(
        rs.getObject("id", UUID.class),
        rs.getString("slo_id"),
        rs.getDouble("burn_rate_threshold"),
        DurationText.parse(rs.getString("time_window")),
        rs.getString("alert_rule_id"),
        rs.getBoolean("enabled"),
        JdbcSloRepository.instant(rs, "created_at"));
  }
}
