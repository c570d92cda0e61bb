package dev.slo.core.store;

import java.time.Clock;

/**
 * A {@link SloStore} in memory: the default for {@code slo serve} without a database, and for tests
 * and embedders. Nothing outlives the process. Thread-safe.
 */
public final class InMemoryStore implements SloStore {
  /** SLI history rows kept per SLO when no capacity is given; older rows are dropped. */
  public static final int DEFAULT_HISTORY_CAPACITY = 100_000;

  private final InMemorySloRepository slos;
  private final InMemoryAlertRuleRepository rules;
  private final InMemorySliHistory history;
  private final InMemoryCorrectionRepository corrections;

  /**
   * An empty store.
   *
   * @param clock stamps the creation time of alert rules
   * @param historyCapacity SLI rows kept per SLO, at least 1
   */
  public InMemoryStore(Clock clock, int historyCapacity) {
    this.slos = new InMemorySloRepository();
    this.history = new InMemorySliHistory(historyCapacity);
    this.rules = new InMemoryAlertRuleRepository(slos, clock);
    this.corrections = new InMemoryCorrectionRepository(slos);
    slos.onDelete(
        id -> {
          rules.deleteAll(id);
          history.deleteAll(id);
        });
  }

  /** An empty store keeping {@value #DEFAULT_HISTORY_CAPACITY} SLI rows per SLO. */
  public InMemoryStore(Clock clock) {
    this(clock, DEFAULT_HISTORY_CAPACITY);
  }

  @Override
  public SloRepository slos() {
    return slos;
  }

  @Override
  public AlertRuleRepository alertRules() {
    return rules;
  }

  @Override
  public SliHistory history() {
    return history;
  }

  @Override
  public CorrectionRepository corrections() {
    return corrections;
  }
}
