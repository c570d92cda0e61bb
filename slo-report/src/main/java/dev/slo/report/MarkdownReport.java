package dev.slo.report;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.model.Status;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Markdown report for CI job summaries and pull-request comments: a heading, a GitHub-flavoured
 * table of every SLO, then one line per SLO whose status is not HEALTHY.
 */
final class MarkdownReport {
  static final List<String> HEADERS =
      List.of("SLO", "Service", "Status", "SLI", "Target", "Budget left", "Burn 1h", "Alerts");

  private static final Pattern MARKUP = Pattern.compile("[\\\\`*_\\[\\]~!#]");

  private MarkdownReport() {}

  static String render(Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append("## SLO report, ").append(text(r.scope())).append("\n\n");
    sb.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
    sb.append("|").append(" --- |".repeat(HEADERS.size())).append('\n');
    for (SloReport s : r.slos()) {
      sb.append("| ")
          .append(
              cells(s.evaluation()).stream()
                  .map(MarkdownReport::cell)
                  .collect(Collectors.joining(" | ")))
          .append(" |\n");
    }
    boolean corrected = false;
    for (SloReport s : r.slos()) {
      List<String> lines = CorrectionFigures.lines(s.evaluation());
      if (!lines.isEmpty()) {
        sb.append(corrected ? "" : "\n**Corrections:**\n\n");
        corrected = true;
        sb.append("- ").append(text(s.evaluation().slo().sloId() + ": " + lines.get(0)));
        sb.append('\n');
        for (String l : lines.subList(1, lines.size())) {
          sb.append("  - ").append(text(l)).append('\n');
        }
      }
    }
    List<Evaluation> atRisk =
        r.slos().stream()
            .map(SloReport::evaluation)
            .filter(e -> e.status() != Status.HEALTHY)
            .toList();
    sb.append('\n');
    if (r.slos().isEmpty()) {
      sb.append("No enabled SLOs selected.\n");
    } else if (atRisk.isEmpty()) {
      sb.append("All ").append(r.slos().size()).append(" SLOs are HEALTHY.\n");
    } else {
      sb.append("**At risk:**\n\n");
      for (Evaluation e : atRisk) {
        sb.append("- ").append(text(line(e))).append('\n');
      }
    }
    List<Evaluation> composites =
        r.slos().stream().map(SloReport::evaluation).filter(e -> e.slo().isComposite()).toList();
    if (!composites.isEmpty()) {
      sb.append("\n**Composites:**\n\n");
      for (Evaluation e : composites) {
        sb.append("- ").append(text(e.slo().sloId() + ": " + Figures.components(e))).append('\n');
      }
    }
    return sb.toString();
  }

  static List<String> cells(Evaluation e) {
    return List.of(
        e.slo().sloName() + " (" + e.slo().sloId() + ")",
        e.slo().serviceName(),
        e.status().name(),
        Figures.sli(e),
        Figures.target(e),
        Figures.budget(e.errorBudgetRemaining()),
        Figures.burn(e.burnRate()),
        Figures.alerts(e));
  }

  /** One SLO at risk in words. */
  static String line(Evaluation e) {
    StringBuilder sb =
        new StringBuilder(e.status().name())
            .append(' ')
            .append(e.slo().sloId())
            .append(": SLI ")
            .append(Figures.sli(e))
            .append(" vs target ")
            .append(Figures.target(e))
            .append(", ")
            .append(Figures.budget(e.errorBudgetRemaining()))
            .append(" of the error budget left");
    if (!e.alerts().isEmpty()) {
      sb.append(", firing: ").append(Figures.alerts(e));
    }
    if (e.timeToExhaustionText() != null && !e.timeToExhaustionText().equals("0s")) {
      sb.append(", budget gone in ").append(e.timeToExhaustionText());
    }
    return sb.toString();
  }

  /** Text safe in a table cell: no line breaks, pipes escaped, HTML neutralised. */
  static String cell(String s) {
    return text(s).replace("|", "\\|");
  }

  /**
   * Text that GitHub renders literally: one line, no HTML tags or entities, no emphasis, code or
   * links.
   */
  static String text(String s) {
    return MARKUP
        .matcher(s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        .replaceAll("\\\\$0")
        .replaceAll("[\\r\\n]+", " ");
  }
}
