package dev.slo.core.store;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link AlertRuleRepository} in memory. Thread-safe: every method is synchronized. */
final class InMemoryAlertRuleRepository implements AlertRuleRepository {
  private final SloRepository slos;
  private final Clock clock;
  private final Map<String, List<BurnRateAlertRule>> rules = new LinkedHashMap<>();

  InMemoryAlertRuleRepository(SloRepository slos, Clock clock) {
    this.slos = slos;
    this.clock = clock;
  }

  @Override
  public synchronized BurnRateAlertRule create(BurnRateAlertRule rule) {
    if (slos.get(rule.sloId()).isEmpty()) {
      throw new NotFoundException(
          "\"" + rule.sloId() + "\" is not a stored slo_id: create the SLO before its alert rules");
    }
    List<BurnRateAlertRule> list = rules.computeIfAbsent(rule.sloId(), k -> new ArrayList<>());
    for (BurnRateAlertRule r : list) {
      if (rule.alertRuleId() != null && rule.alertRuleId().equals(r.alertRuleId())) {
        throw new ConflictException(
            "\""
                + rule.alertRuleId()
                + "\" is an existing alert_rule_id of SLO "
                + rule.sloId()
                + " (rule "
                + r.id()
                + ")");
      }
    }
    BurnRateAlertRule stored =
        new BurnRateAlertRule(
            UUID.randomUUID(),
            rule.sloId(),
            rule.burnRateThreshold(),
            rule.timeWindow(),
            rule.shortWindow(),
            rule.severity(),
            rule.alertRuleId(),
            rule.enabled(),
            clock.instant().truncatedTo(ChronoUnit.MICROS));
    list.add(stored);
    return stored;
  }

  @Override
  public synchronized List<BurnRateAlertRule> list(String sloId) {
    return List.copyOf(rules.getOrDefault(sloId, List.of()));
  }

  @Override
  public synchronized boolean delete(UUID id) {
    for (List<BurnRateAlertRule> list : rules.values()) {
      if (list.removeIf(r -> id.equals(r.id()))) {
        return true;
      }
    }
    return false;
  }

  synchronized void deleteAll(String sloId) {
    rules.remove(sloId);
  }
}
