package dev.slo.jdbc;

import dev.slo.core.source.EventSource;
import dev.slo.core.store.SharedStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link JdbcStore} as the {@link SharedStore} a server uses: its rollup-reading event source,
 * {@link JdbcFleet} with its {@link JdbcOutbox}, and {@link MaintenanceSchedule} for upkeep.
 *
 * @param store the open store; closing it stays with its owner
 */
public record JdbcSharedStore(JdbcStore store) implements SharedStore {
  /** Keeps {@code store}. */
  public JdbcSharedStore {
    Objects.requireNonNull(store, "store");
  }

  @Override
  public EventSource eventSource() {
    return store.eventSource();
  }

  @Override
  public Membership join(String replicaId, Duration interval) {
    JdbcFleet fleet = store.fleet(replicaId, interval);
    return new Membership(fleet, store.outbox(fleet));
  }

  /** {@link MaintenanceSchedule#start}. */
  @Override
  public AutoCloseable upkeep(Clock clock, String every, Consumer<String> log) {
    return MaintenanceSchedule.start(store, clock, every, log);
  }
}
