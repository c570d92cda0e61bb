package dev.slo.core.store;

import java.time.Instant;
import java.util.Set;

/**
 * The port through which an {@code slo serve} replica learns which {@link Shards} it owns in a
 * fleet (docs/serve.md, "A fleet of replicas"). Each {@link #rebalance} heartbeats, counts the live
 * replicas, and claims or releases shards toward this replica's {@link Shards#fairShare}; no two
 * replicas own a shard at once. {@link SingleReplicaFleet} owns every shard; {@code slo-jdbc}'s
 * {@code JdbcFleet} coordinates through PostgreSQL. Implementations are thread-safe.
 */
public interface FleetCoordinator extends AutoCloseable {

  /** The name this replica is known by in the fleet. */
  String replicaId();

  /**
   * Heartbeats at {@code now}, then claims free shards while this replica owns fewer than its fair
   * share and releases its highest shards while it owns more.
   *
   * @return the shards owned afterwards
   * @throws dev.slo.core.SourceException when the coordinator cannot be reached; every shard is
   *     then lost, and the next call tries to reconnect and claim again
   */
  Set<Integer> rebalance(Instant now);

  /** The shards owned after the last {@link #rebalance}, empty before the first. */
  Set<Integer> owned();

  /**
   * Gives up every shard at once without leaving the fleet, so that the other replicas can take
   * them over: a replica fences itself this way when its evaluation pass hangs (docs/serve.md,
   * "Self-fencing"). The next {@link #rebalance} claims again. Callable from any thread, also while
   * a {@link #rebalance} is blocked; idempotent.
   */
  void release();

  /** Releases every shard and leaves the fleet; idempotent. */
  @Override
  void close();
}
