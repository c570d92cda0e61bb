package dev.slo.cli.serve;

import dev.slo.core.alert.Severity;
import dev.slo.core.model.Slo;
import dev.slo.core.store.AlertRuleRepository;
import dev.slo.core.store.BurnRateAlertRule;
import dev.slo.core.store.ConflictException;
import dev.slo.core.store.SloFilter;
import dev.slo.core.store.SloRepository;
import dev.slo.core.window.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SLO definitions and burn-rate alert rules in the store's {@code slos} and {@code
 * slo_burn_rate_alerts} tables, shared by every process on the database. A rule's severity and
 * short window travel in its readable {@code alert_rule_id}; its expression is rebuilt on read.
 * Thread-safe as the repositories are.
 */
final class JdbcSloRegistry implements SloRegistry {
  private final SloRepository slos;
  private final AlertRuleRepository rules;

  JdbcSloRegistry(SloRepository slos, AlertRuleRepository rules) {
    this.slos = slos;
    this.rules = rules;
  }

  /** Stores the spec's SLOs, creating new ones and updating those already stored. */
  static JdbcSloRegistry seeded(SloRepository slos, AlertRuleRepository rules, List<Slo> spec) {
    for (Slo s : spec) {
      if (slos.get(s.sloId()).isPresent()) {
        slos.update(s);
      } else {
        slos.create(s);
      }
    }
    return new JdbcSloRegistry(slos, rules);
  }

  @Override
  public boolean add(Slo slo) {
    try {
      slos.create(slo);
      return true;
    } catch (ConflictException e) {
      return false;
    }
  }

  @Override
  public Optional<Slo> find(String sloId) {
    return slos.get(sloId);
  }

  @Override
  public List<Slo> all() {
    return slos.list(SloFilter.ALL);
  }

  @Override
  public void addAlertRule(AlertRule rule) {
    rules.create(
        new BurnRateAlertRule(
            rule.id(),
            rule.sloId(),
            rule.burnRateThreshold(),
            rule.timeWindow(),
            rule.alertRuleId() + ":" + rule.severity().label(),
            rule.enabled(),
            rule.createdAt()));
  }

  @Override
  public List<AlertRule> alertRules(String sloId) {
    Optional<Slo> slo = slos.get(sloId);
    List<AlertRule> out = new ArrayList<>();
    if (slo.isEmpty()) {
      return out;
    }
    for (BurnRateAlertRule r : rules.list(sloId)) {
      String id = r.alertRuleId() == null ? "" : r.alertRuleId();
      Severity severity = Severity.PAGE;
      int last = id.lastIndexOf(':');
      String tail = last < 0 ? "" : id.substring(last + 1);
      if (tail.equals("page") || tail.equals("ticket")) {
        severity = Severity.valueOf(tail.toUpperCase(Locale.ROOT));
        id = id.substring(0, last);
      }
      Duration shortWindow = null;
      String[] parts = id.split(":");
      if (parts.length == 4) {
        shortWindow = DurationText.parse(parts[3]);
      }
      out.add(
          new AlertRule(
              r.id(),
              id,
              sloId,
              r.burnRateThreshold(),
              r.timeWindow(),
              shortWindow,
              severity,
              r.enabled(),
              r.createdAt(),
              AlertExpression.of(slo.get(), r.burnRateThreshold(), r.timeWindow(), shortWindow)));
    }
    return out;
  }
}
