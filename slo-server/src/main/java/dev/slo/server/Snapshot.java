package dev.slo.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.json.StatusJson;
import dev.slo.core.model.Slo;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The latest known state of one SLO, as the API and the sinks see it. The status and error-budget
 * JSON are rendered once per evaluation so reads only copy bytes. Immutable (the byte arrays are
 * never handed out for writing).
 *
 * @param slo the SLO
 * @param evaluation the last good evaluation with the reported status and alerts, null before the
 *     first success
 * @param alerts the alert tiers reported firing, by tier name
 * @param stale true when the last attempt failed; the values are then the last good ones
 * @param sourceError the last attempt's error, null when not stale
 * @param lastAttempt when the last evaluation was attempted
 * @param statusJson the SLOStatus body, null before the first success
 * @param budgetJson the ErrorBudget body, null before the first success
 */
public record Snapshot(
    Slo slo,
    @Nullable Evaluation evaluation,
    Map<String, AlertState> alerts,
    boolean stale,
    @Nullable String sourceError,
    Instant lastAttempt,
    byte @Nullable [] statusJson,
    byte @Nullable [] budgetJson) {

  /**
   * This snapshot with {@code "group_seen": false} in its status: a group of a grouped SLO that the
   * source no longer sees in the period, evaluated under the SLO's no_data policy.
   */
  Snapshot groupNotSeen() {
    if (statusJson == null) {
      return this;
    }
    try {
      ObjectNode status = (ObjectNode) StatusJson.MAPPER.readTree(statusJson);
      status.put("group_seen", false);
      return new Snapshot(
          slo,
          evaluation,
          alerts,
          stale,
          sourceError,
          lastAttempt,
          ApiJson.bytes(status),
          budgetJson);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A snapshot rendering its JSON bodies from the evaluation. */
  static Snapshot of(
      Slo slo,
      @Nullable Evaluation evaluation,
      Map<String, AlertState> alerts,
      @Nullable String sourceError,
      Instant lastAttempt) {
    boolean stale = sourceError != null;
    if (evaluation == null) {
      return new Snapshot(slo, null, Map.of(), stale, sourceError, lastAttempt, null, null);
    }
    ObjectNode status = StatusJson.status(evaluation);
    ObjectNode budget = StatusJson.errorBudget(evaluation.toErrorBudget());
    for (ObjectNode o : new ObjectNode[] {status, budget}) {
      o.put("stale", stale);
      if (stale) {
        o.put("source_error", sourceError);
      }
    }
    return new Snapshot(
        slo,
        evaluation,
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(alerts)),
        stale,
        sourceError,
        lastAttempt,
        ApiJson.bytes(status),
        ApiJson.bytes(budget));
  }
}
