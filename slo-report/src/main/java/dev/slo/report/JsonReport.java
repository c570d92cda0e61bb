package dev.slo.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.json.StatusJson;

/**
 * The JSON report: per SLO, the status object that {@code slo eval --format json} prints, and the
 * chart series under {@code series}.
 */
final class JsonReport {
  private JsonReport() {}

  /** The report as one JSON object. */
  static ObjectNode tree(Report r) {
    ObjectNode o = StatusJson.MAPPER.createObjectNode();
    o.put("generated_at", StatusJson.time(r.generatedAt()));
    o.put("at", StatusJson.time(r.at()));
    o.put("period", r.period() == null ? null : r.period().label());
    ArrayNode slos = o.putArray("slos");
    for (SloReport s : r.slos()) {
      ObjectNode x = slos.addObject();
      x.set("status", StatusJson.status(s.evaluation()));
      ArrayNode series = x.putArray("series");
      for (SeriesPoint p : s.series()) {
        ObjectNode pt = series.addObject();
        pt.put("at", StatusJson.time(p.at()));
        pt.put("error_budget_remaining", p.errorBudgetRemaining());
        pt.put("current_sli", p.sliPercent());
      }
    }
    return o;
  }

  /** The report as pretty-printed JSON ending with a newline. */
  static String render(Report r) {
    try {
      return StatusJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(r)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
