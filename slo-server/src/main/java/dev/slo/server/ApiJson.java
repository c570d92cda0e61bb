package dev.slo.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.correction.Correction;
import dev.slo.core.json.StatusJson;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.StatusThresholds;
import dev.slo.core.store.BurnRateAlertRule;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.DurationText;
import dev.slo.prometheus.RuleGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes the API adds to {@link StatusJson}: the SLO object of docs/openapi.json (plus
 * slo's optional spec fields when they differ from the defaults, so the output parses back to the
 * same SLO), SLIMetric, AlertRule and errors. Thread-safe; no state.
 */
final class ApiJson {
  private ApiJson() {}

  /** The Correction object (docs/openapi.json): the fields of a spec correction, and its scope. */
  static ObjectNode correction(Correction c) {
    ObjectNode o = StatusJson.MAPPER.createObjectNode();
    o.put("id", c.id());
    if (c.scope().service() == null) {
      c.scope().sloIds().stream().sorted().forEach(o.putArray("slo_ids")::add);
    } else {
      o.put("service", c.scope().service());
    }
    o.put("start", c.start().toString());
    o.put("end", c.end().toString());
    o.put("duration", DurationText.format(c.duration()));
    o.put("time_zone", c.timeZone().getId());
    o.put("category", c.category().name().toLowerCase(Locale.ROOT));
    o.put("description", c.description());
    if (c.recurrence() != null) {
      o.put("rrule", c.recurrence().text());
    }
    return o;
  }

  /** The SLO object (docs/openapi.json). */
  static ObjectNode slo(Slo s) {
    ObjectNode o = StatusJson.MAPPER.createObjectNode();
    o.put("slo_id", s.sloId());
    o.put("slo_name", s.sloName());
    o.put("service_name", s.serviceName());
    o.put("slo_type", s.sloType().name());
    o.put("target_percentage", s.targetPercentage());
    o.put("time_period", s.timePeriod().name());
    o.put("sli_query", s.sliQuery());
    o.put("description", s.description());
    o.put("enabled", s.enabled());
    if (!s.timeZone().getId().equals("UTC")) {
      o.put("time_zone", s.timeZone().getId());
    }
    if (s.budgetingMethod() != BudgetingMethod.OCCURRENCES) {
      o.put("budgeting_method", s.budgetingMethod().name());
      o.put(
          "timeslice_length",
          DurationText.format(Objects.requireNonNull(s.timesliceLength(), "timeslice_length")));
      o.put("timeslice_target_percentage", s.timesliceTargetPercentage());
    }
    if (s.noData() != NoDataPolicy.IGNORE) {
      o.put("no_data", s.noData().name().toLowerCase(Locale.ROOT));
    }
    if (s.minEvents() > 0) {
      o.put("min_events", s.minEvents());
    }
    if (!s.groupBy().isEmpty()) {
      s.groupBy().forEach(o.putArray("group_by")::add);
      o.put("max_groups", s.maxGroups());
    }
    if (s.statusOn() != dev.slo.core.model.StatusBasis.POINT) {
      o.put("status_on", s.statusOn().name().toLowerCase(Locale.ROOT));
    }
    if (!s.thresholds().equals(StatusThresholds.DEFAULT)) {
      ObjectNode t = o.putObject("status_thresholds");
      t.put("warning_budget_remaining", s.thresholds().warningBelow());
      t.put("critical_budget_remaining", s.thresholds().criticalBelow());
    }
    SliDefinition d = s.sli();
    putIf(o, "good_counter", d.goodCounter());
    putIf(o, "bad_counter", d.badCounter());
    putIf(o, "total_counter", d.totalCounter());
    putIf(o, "good_query", d.goodQuery());
    putIf(o, "bad_query", d.badQuery());
    putIf(o, "total_query", d.totalQuery());
    LatencySli l = d.latency();
    if (l != null) {
      ObjectNode x = o.putObject("latency");
      x.put("histogram", l.histogram());
      x.put("threshold", l.threshold());
      if (!l.selector().isEmpty()) {
        x.put("selector", l.selector());
      }
    }
    if (s.isComposite()) { // as written in a spec, so the object round-trips through POST
      com.fasterxml.jackson.databind.node.ArrayNode parts =
          o.putObject("composite").putArray("components");
      Objects.requireNonNull(s.composite(), "composite")
          .components()
          .forEach(c -> parts.addObject().put("slo_id", c.sloId()).put("weight", c.weight()));
    }
    return o;
  }

  /** The SLIMetric object of {@code GET .../history}. */
  static ObjectNode metric(SliMetric m, Slo slo) {
    boolean good = m.isGood() != null ? m.isGood() : m.sliValue() >= slo.targetPercentage();
    return StatusJson.sliMetric(
        m.sloId(), m.timestamp(), m.sliValue(), m.goodEvents(), m.totalEvents(), good);
  }

  /** The AlertRule object: the stored row plus a ready-to-use Prometheus alerting rule. */
  static ObjectNode alertRule(BurnRateAlertRule r, Slo slo) {
    String expr = RuleGenerator.burnRateAlert(slo, r);
    ObjectNode o = StatusJson.MAPPER.createObjectNode();
    o.put("id", Objects.requireNonNull(r.id(), "alert rule id").toString());
    o.put("alert_rule_id", r.alertRuleId());
    o.put("slo_id", r.sloId());
    o.put("burn_rate_threshold", r.burnRateThreshold());
    o.put("time_window", DurationText.format(r.timeWindow()));
    o.put("short_window", r.shortWindow() == null ? null : DurationText.format(r.shortWindow()));
    o.put("severity", r.severity().label());
    o.put("enabled", r.enabled());
    o.put("created_at", StatusJson.time(r.createdAt()));
    o.put("expr", expr);
    ObjectNode rule = o.putObject("prometheus_rule");
    rule.put("alert", RuleGenerator.ALERT);
    rule.put("expr", expr);
    ObjectNode labels = rule.putObject("labels");
    labels.put("slo_id", slo.sloId());
    labels.put("service", slo.serviceName());
    labels.put("severity", r.severity().label());
    labels.put("alert_rule_id", r.alertRuleId());
    ObjectNode ann = rule.putObject("annotations");
    ann.put(
        "summary",
        slo.sloName()
            + ": error budget burning at "
            + r.burnRateThreshold()
            + "x or more over "
            + DurationText.format(r.timeWindow()));
    return o;
  }

  /** The error body {@code {"error": code, "message": message}}, with the field when known. */
  static byte[] error(ApiException e) {
    ObjectNode o = StatusJson.MAPPER.createObjectNode();
    o.put("error", e.code());
    o.put("message", e.getMessage());
    if (e.field() != null) {
      o.put("field", e.field());
    }
    return bytes(o);
  }

  /** Compact UTF-8 JSON. */
  static byte[] bytes(JsonNode n) {
    try {
      return StatusJson.MAPPER.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compact JSON as a string. */
  static String text(JsonNode n) {
    return new String(bytes(n), StandardCharsets.UTF_8);
  }

  private static void putIf(ObjectNode o, String key, @Nullable String value) {
    if (value != null) {
      o.put(key, value);
    }
  }
}
