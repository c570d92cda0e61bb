package dev.slo.report.status;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.model.Status;
import java.util.List;
import java.util.Locale;

/**
 * The CI gate of {@code slo check}: an SLO fails when its status is at least {@code failOn}.
 * Immutable.
 *
 * @param evaluations the evaluated SLOs, in the order to print
 * @param failOn the least status that fails; HEALTHY fails every SLO
 */
public record Gate(List<Evaluation> evaluations, Status failOn) {
  /** Copies the list. */
  public Gate {
    evaluations = List.copyOf(evaluations);
  }

  /** How many SLOs fail. */
  public int failed() {
    return (int) evaluations.stream().filter(this::fails).count();
  }

  /** True when {@code e} fails the gate. */
  public boolean fails(Evaluation e) {
    return e.status().isAtLeast(failOn);
  }

  /**
   * The verdict, each line ended by {@code \n}: per SLO {@code FAIL ID: reason} or {@code ok ID:
   * reason} ({@link StatusLine}), then {@code N passed, M failed (fail on critical or worse)}.
   */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Evaluation e : evaluations) {
      sb.append(fails(e) ? "FAIL " : "ok   ").append(e.slo().sloId()).append(": ");
      sb.append(StatusLine.of(e)).append('\n');
    }
    int failed = failed();
    return sb.append(evaluations.size() - failed)
        .append(" passed, ")
        .append(failed)
        .append(" failed (fail on ")
        .append(failOn.name().toLowerCase(Locale.ROOT))
        .append(" or worse)\n")
        .toString();
  }
}
