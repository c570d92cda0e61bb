package dev.slo.cli.serve;

import dev.slo.core.model.Slo;
import java.util.List;
import java.util.Optional;

/**
 * SLO definitions and their burn-rate alert rules. Implementations are thread-safe and every write
 * is atomic.
 */
public interface SloRegistry {

  /**
   * Stores a new SLO.
   *
   * @return false, storing nothing, when an SLO with the same slo_id exists
   */
  boolean add(Slo slo);

  /** The SLO with this slo_id, if stored. */
  Optional<Slo> find(String sloId);

  /** Every SLO, enabled or not, in the order they were added. */
  List<Slo> all();

  /** Stores a burn-rate alert rule of a stored SLO. */
  void addAlertRule(AlertRule rule);

  /** The alert rules of one SLO, oldest first. */
  List<AlertRule> alertRules(String sloId);
}
