package dev.slo.core.store;

import dev.slo.core.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The port through which a server uses a database that several of its replicas may share: the
 * {@link SloStore} itself, its SLI history read back as an {@link EventSource}, membership of a
 * fleet with the fleet's outbox, and the database's periodic upkeep. {@code slo-jdbc}'s {@code
 * JdbcSharedStore} implements it over PostgreSQL; nothing is opened by calling a method twice.
 */
public interface SharedStore {

  /** The store of SLOs, alert rules, corrections and SLI history. */
  SloStore store();

  /** An event source reading the store's SLI history. */
  EventSource eventSource();

  /**
   * Joins the fleet of replicas on this database as {@code replicaId}, rebalancing about every
   * {@code interval}.
   */
  Membership join(String replicaId, Duration interval);

  /**
   * Starts the database's upkeep (partitions, retention) every {@code every}, given as text such as
   * {@code 1h}, logging one line per run to {@code log}; closing the result stops it.
   *
   * @throws dev.slo.core.ValidationException for {@code maintain_every} when the text is not a
   *     positive duration
   */
  AutoCloseable upkeep(Clock clock, String every, Consumer<String> log);

  /**
   * A replica's place in a fleet: the coordinator of its shards and the outbox its statuses and
   * events go through.
   *
   * @param fleet which shards this replica owns
   * @param outbox the fleet's saved snapshots and outbox
   */
  record Membership(FleetCoordinator fleet, StatusOutbox outbox) {}
}
