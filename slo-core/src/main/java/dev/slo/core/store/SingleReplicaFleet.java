package dev.slo.core.store;

import java.time.Instant;
import java.util.Set;

/**
 * A fleet of one: owns every shard from the first {@link #rebalance} until {@link #close}. For
 * {@code slo serve} without a database, and for tests. Thread-safe.
 */
public final class SingleReplicaFleet implements FleetCoordinator {
  private final String replicaId;
  private volatile Set<Integer> owned = Set.of();
  private volatile boolean closed;

  /** A fleet of one replica named {@code replicaId}. */
  public SingleReplicaFleet(String replicaId) {
    this.replicaId = replicaId;
  }

  @Override
  public String replicaId() {
    return replicaId;
  }

  @Override
  public Set<Integer> rebalance(Instant now) {
    owned = closed ? Set.of() : Shards.all();
    return owned;
  }

  @Override
  public Set<Integer> owned() {
    return owned;
  }

  @Override
  public void release() {
    owned = Set.of();
  }

  @Override
  public void close() {
    closed = true;
    owned = Set.of();
  }
}
