package dev.slo.core.event;

import dev.slo.core.correction.Exclusion;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
 */
public record SloStatusUpdateData(
    String sloId,
    String sloName,
    String serviceName,
    String sloType,
    double targetPercentage,
    @Nullable Double currentSli,
    String status,
    double errorBudgetRemaining,
    double errorBudgetConsumed,
    double burnRate,
    @Nullable String timeToExhaustion,
    boolean alertTriggered,
    List<String> recommendations,
    Exclusion corrections) {

  /** Copies the list. */
  public SloStatusUpdateData {
    recommendations = List.copyOf(recommendations);
    corrections = corrections == null ? Exclusion.NONE : corrections;
  }
}
