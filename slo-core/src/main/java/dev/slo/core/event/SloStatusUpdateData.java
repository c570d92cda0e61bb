package dev.slo.core.event;

import dev.slo.core.correction.Exclusion;
import java.util.List;

/**
 * {@code SLOStatusUpdateData} of docs/events.md: SLIs and target in percent, budget fractions as
 * ratios.
 *
 * @param sloId the SLO
 * @param sloName its name
 * @param serviceName its service
 * @param sloType the SLO type's name
 * @param targetPercentage the target in percent
 * @param currentSli the SLI in percent, null without data
 * @param status the status' name
 * @param errorBudgetRemaining fraction of the budget left
 * @param errorBudgetConsumed fraction of the budget spent
 * @param burnRate the 1-hour burn rate
 * @param timeToExhaustion e.g. {@code 12h}, null when not exhausting
 * @param alertTriggered true when an alert tier fires
 * @param recommendations short sentences
 * @param corrections what corrections removed from the period (an addition to the event format of
 *     docs/events.md); {@link Exclusion#NONE} without any
 * @param groupLabels the group's labels when the SLO is one group of a grouped SLO ({@code sloId}
 *     is then the group id), in {@code group_by} order; empty otherwise
 */
public record SloStatusUpdateData(
    String sloId,
    String sloName,
    String serviceName,
    String sloType,
    double targetPercentage,
    Double currentSli,
    String status,
    double errorBudgetRemaining,
    double errorBudgetConsumed,
    double burnRate,
    String timeToExhaustion,
    boolean alertTriggered,
    List<String> recommendations,
    Exclusion corrections,
    java.util.Map<String, String> groupLabels) {

  /** Copies the list. */
  public SloStatusUpdateData {
    recommendations = List.copyOf(recommendations);
    corrections = corrections == null ? Exclusion.NONE : corrections;
    groupLabels =
        groupLabels == null || groupLabels.isEmpty()
            ? java.util.Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groupLabels));
  }

  /** The payload of an SLO that is not one group of a grouped SLO. */
  public SloStatusUpdateData(
      String sloId,
      String sloName,
      String serviceName,
      String sloType,
      double targetPercentage,
      Double currentSli,
      String status,
      double errorBudgetRemaining,
      double errorBudgetConsumed,
      double burnRate,
      String timeToExhaustion,
      boolean alertTriggered,
      List<String> recommendations,
      Exclusion corrections) {
    this(
        sloId,
        sloName,
        serviceName,
        sloType,
        targetPercentage,
        currentSli,
        status,
        errorBudgetRemaining,
        errorBudgetConsumed,
        burnRate,
        timeToExhaustion,
        alertTriggered,
        recommendations,
        corrections,
        java.util.Map.of());
  }
}
