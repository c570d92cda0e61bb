package dev.slo.core.store;

import dev.slo.core.eval.SloStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The state of one SLO as a fleet replica saved it after an evaluation (docs/serve.md, "A fleet of
 * replicas"): the status columns, the rendered SLOStatus and ErrorBudget bodies that every replica
 * answers reads with, and the owner's hysteresis state so the next owner resumes without emitting
 * the change again. Immutable.
 *
 * @param status the status, as {@link SloRepository#saveStatus} keeps it; its {@code lastUpdated}
 *     is the evaluation instant
 * @param statusJson the SLOStatus body (docs/openapi.json)
 * @param budgetJson the ErrorBudget body
 * @param state the owner's state (firing tiers and since when), opaque to the store
 */
public record SavedSnapshot(SloStatus status, String statusJson, String budgetJson, String state) {
  /** Checks that nothing is null. */
  public SavedSnapshot {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(statusJson, "statusJson");
    Objects.requireNonNull(budgetJson, "budgetJson");
    Objects.requireNonNull(state, "state");
  }

  /** The SLO's id. */
  public String sloId() {
    return status.sloId();
  }

  /** When it was evaluated. */
  public Instant evaluatedAt() {
    return status.lastUpdated();
  }
}
