package dev.slo.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * What changed for one SLO in one evaluation: its reported status or the set of firing alert tiers.
 * Immutable.
 *
 * @param snapshot the SLO's state after the evaluation
 * @param event the {@code slo_status_updated} event (docs/events.md), rendered by {@code
 *     StatusJson}
 * @param fired tiers that started firing
 * @param resolved tiers that stopped firing, with the state they had
 * @param at the evaluation instant
 */
public record Notice(
    Snapshot snapshot,
    ObjectNode event,
    List<AlertState> fired,
    List<AlertState> resolved,
    Instant at) {
  /** Copies the lists. */
  public Notice {
    fired = List.copyOf(fired);
    resolved = List.copyOf(resolved);
  }
}
