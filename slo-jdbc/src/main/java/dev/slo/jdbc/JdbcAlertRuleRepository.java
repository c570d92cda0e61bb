package dev.slo.jdbc;

import dev.slo.core.alert.Severity;
import dev.slo.core.store.AlertRuleRepository;
import dev.slo.core.store.BurnRateAlertRule;
import dev.slo.core.store.ConflictException;
import dev.slo.core.store.NotFoundException;
import dev.slo.core.window.DurationText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** {@link AlertRuleRepository} on {@code slo_burn_rate_alerts}. Thread-safe. */
final class JdbcAlertRuleRepository implements AlertRuleRepository {
  private static final String COLUMNS =
      "id, slo_id, burn_rate_threshold, time_window, short_window, severity, alert_rule_id, enabled,"
          + " created_at";

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
                            + " time_window, short_window, severity, alert_rule_id, enabled)"
                            + " SELECT slo_id, :threshold, :window, :short, :severity, :rule,"
                            + " :enabled FROM slos WHERE slo_id = :id"
                            + " ON CONFLICT (slo_id, alert_rule_id) DO NOTHING RETURNING "
                            + COLUMNS)
                    .bind("id", rule.sloId())
                    .bind("threshold", rule.burnRateThreshold())
                    .bind("window", DurationText.format(rule.timeWindow()))
                    .bind(
                        "short",
                        rule.shortWindow() == null ? null : DurationText.format(rule.shortWindow()))
                    .bind("severity", rule.severity().label())
                    .bind("rule", rule.alertRuleId())
                    .bind("enabled", rule.enabled())
                    .map((rs, ctx) -> read(rs))
                    .findOne())
        .orElseThrow(() -> notCreated(rule));
  }

  /** Why an insert returned no row: the SLO is missing, or the same rule is stored. */
  private RuntimeException notCreated(BurnRateAlertRule rule) {
    return db.call(
        "checking burn-rate alert rules of SLO " + rule.sloId(),
        h -> {
          boolean slo =
              h.createQuery("SELECT EXISTS (SELECT 1 FROM slos WHERE slo_id = :id)")
                  .bind("id", rule.sloId())
                  .mapTo(Boolean.class)
                  .one();
          if (!slo) {
            return new NotFoundException(
                "\""
                    + rule.sloId()
                    + "\" is not a stored slo_id: create the SLO before its alert rules");
          }
          return new ConflictException(
              "\"" + rule.alertRuleId() + "\" is an existing alert_rule_id of SLO " + rule.sloId());
        });
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
        rs.getString("short_window") == null
            ? null
            : DurationText.parse(rs.getString("short_window")),
        Severity.valueOf(rs.getString("severity").toUpperCase(Locale.ROOT)),
        rs.getString("alert_rule_id"),
        rs.getBoolean("enabled"),
        JdbcSloRepository.instant(rs, "created_at"));
  }
}
