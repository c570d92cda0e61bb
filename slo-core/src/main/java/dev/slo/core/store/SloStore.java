package dev.slo.core.store;

/**
 * One store: SLO definitions, burn-rate alert rules, SLI history and budget corrections, the ports
 * that {@code slo serve} and the CLI keep their state in. {@link InMemoryStore} is the default;
 * {@code slo-jdbc}'s {@code JdbcStore} keeps them in PostgreSQL. Implementations are thread-safe.
 */
public interface SloStore {
  /** SLO definitions and their latest status. */
  SloRepository slos();

  /** Burn-rate alert rules. */
  AlertRuleRepository alertRules();

  /** SLI history rows. */
  SliHistory history();

  /**
   * Budget corrections. The default keeps none and refuses to store any ({@link
   * CorrectionRepository#NONE}); {@link InMemoryStore} and {@code JdbcStore} keep them.
   */
  default CorrectionRepository corrections() {
    return CorrectionRepository.NONE;
  }
}
