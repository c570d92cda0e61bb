package dev.slo.report.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.slo.core.FixedPoint;
import dev.slo.core.Printable;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.FiringAlert;
import dev.slo.core.json.StatusJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a list of evaluations in one {@link Format}. Thread-safe; no state. */
public final class Renderer {
  private static final List<String> HEADERS =
      List.of(
          "SLO",
          "SERVICE",
          "PERIOD",
          "TARGET",
          "SLI",
          "BUDGET LEFT",
          "BURN 1H",
          "STATUS",
          "EXHAUSTION",
          "ALERTS");

  private Renderer() {}

  /** Built on first YAML output only: a Jackson mapper costs a short table run ~10% of its CPU. */
  private static final class Yaml {
    static final YAMLMapper MAPPER =
        YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
  }

  /** The whole output, ending with a newline. */
  public static String render(List<Evaluation> evaluations, Format format) {
    return switch (format) {
      case JSON -> json(evaluations, true) + "\n";
      case YAML -> yaml(evaluations);
      case MARKDOWN -> markdown(evaluations);
      case TABLE -> table(evaluations);
    };
  }

  /** A JSON array of status objects. */
  public static String json(List<Evaluation> evaluations, boolean pretty) {
    ArrayNode arr = StatusJson.MAPPER.createArrayNode();
    evaluations.forEach(e -> arr.add(StatusJson.status(e)));
    try {
      return pretty
          ? StatusJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(arr)
          : StatusJson.MAPPER.writeValueAsString(arr);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String yaml(List<Evaluation> evaluations) {
    ArrayNode arr = StatusJson.MAPPER.createArrayNode();
    evaluations.forEach(e -> arr.add(StatusJson.status(e)));
    try {
      return Yaml.MAPPER.writeValueAsString(arr);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The row of cells for one evaluation, as the table and Markdown print it. */
  static List<String> cells(Evaluation e) {
    List<String> c = new ArrayList<>();
    c.add(Printable.escape(e.slo().sloId()));
    c.add(Printable.escape(e.slo().serviceName()));
    c.add(e.slo().timePeriod().name());
    c.add(percent(e.targetSliPercent()));
    c.add(e.currentSliPercent() == null ? "no data" : percent(e.currentSliPercent()));
    c.add(FixedPoint.format(e.errorBudgetRemaining() * 100, 1) + "%");
    c.add(FixedPoint.format(e.burnRate(), 2) + "x");
    c.add(e.status().name());
    c.add(e.timeToExhaustionText() == null ? "-" : e.timeToExhaustionText());
    c.add(
        e.alerts().isEmpty()
            ? "-"
            : e.alerts().stream()
                .map(FiringAlert::tier)
                .map(t -> t.name())
                .collect(Collectors.joining(",")));
    return c;
  }

  /** A percentage as eval prints it: at most four decimals, no trailing zeros (99.746%, 99%). */
  public static String percent(double p) {
    return FixedPoint.trimmed(p, 4) + "%";
  }

  private static String table(List<Evaluation> evaluations) {
    if (evaluations.isEmpty()) {
      return "No enabled SLOs selected.\n";
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADERS);
    evaluations.forEach(e -> rows.add(cells(e)));
    int[] width = new int[HEADERS.size()];
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        line.append(FixedPoint.padRight(r.get(i), width[i]));
        if (i < r.size() - 1) {
          line.append("  ");
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    for (Evaluation e : evaluations) {
      for (String rec : e.recommendations()) {
        sb.append("  ")
            .append(e.slo().sloId())
            .append(": ")
            .append(Printable.escape(rec))
            .append('\n');
      }
      if (!e.exclusion().isEmpty()) {
        sb.append("  ").append(e.slo().sloId()).append(": ").append(excluded(e)).append('\n');
      }
    }
    return sb.toString();
  }

  /** One sentence on what corrections removed from the period. */
  public static String excluded(Evaluation e) {
    var x = e.exclusion();
    return "corrections removed "
        + x.events().total()
        + " events"
        + (x.slices() > 0 ? " in " + x.slices() + " slices" : "")
        + " over "
        + dev.slo.core.window.DurationText.format(x.correctedDuration())
        + " of the period ("
        + x.applied().stream().map(a -> a.correction().id()).collect(Collectors.joining(", "))
        + ")";
  }

  private static String markdown(List<Evaluation> evaluations) {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
    sb.append("|").append(" --- |".repeat(HEADERS.size())).append('\n');
    for (Evaluation e : evaluations) {
      sb.append("| ")
          .append(cells(e).stream().map(Renderer::escapeCell).collect(Collectors.joining(" | ")))
          .append(" |\n");
    }
    return sb.toString();
  }

  /** Keeps a cell one cell: pipes escaped, angle brackets as entities so no HTML gets through. */
  static String escapeCell(String s) {
    return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }
}
