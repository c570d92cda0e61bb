package dev.slo.core.store;

import java.util.List;
import java.util.UUID;

/** Burn-rate alert rules ({@code slo_burn_rate_alerts}, docs/jdbc.md). Thread-safe. */
public interface AlertRuleRepository {

  /**
   * Stores a rule; its id and creation time are assigned by the store.
   *
   * @return the stored rule with id and creation time
   * @throws NotFoundException when the rule's SLO is not stored
   */
  BurnRateAlertRule create(BurnRateAlertRule rule);

  /** The rules of one SLO, oldest first. */
  List<BurnRateAlertRule> list(String sloId);

  /**
   * Deletes a rule.
   *
   * @return true when it existed
   */
  boolean delete(UUID id);
}
