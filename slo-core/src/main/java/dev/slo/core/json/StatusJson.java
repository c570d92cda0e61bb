package dev.slo.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.correction.Correction;
import dev.slo.core.correction.Corrections;
import dev.slo.core.correction.Exclusion;
import dev.slo.core.eval.ErrorBudget;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.FiringAlert;
import dev.slo.core.eval.SliInterval;
import dev.slo.core.eval.SuppressedAlert;
import dev.slo.core.event.SloStatusUpdateData;
import dev.slo.core.event.SloStatusUpdated;
import dev.slo.core.window.DurationText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of SLOStatus (docs/openapi.json, with the extra fields of docs/cli.md),
 * ErrorBudget and {@code slo_status_updated} event, with the snake_case names of docs/openapi.json.
 * Thread-safe.
 */
public final class StatusJson {
  /** Shared mapper; configure nothing on it after start-up. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private StatusJson() {}

  /**
   * An instant as the API prints it (docs/openapi.json): {@code 2025-06-21T10:00:00.000Z}; null
   * stays null.
   */
  public static @Nullable String time(@Nullable Instant t) {
    return t == null ? null : TIME.format(t);
  }

  /** One SLO's status object, as {@code slo eval --format json} prints it. */
  public static ObjectNode status(Evaluation e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("slo_id", e.slo().sloId());
    if (e.slo().isGroup()) {
      ObjectNode g = o.putObject("group_labels");
      e.slo().groupLabels().forEach(g::put);
    }
    o.put("slo_name", e.slo().sloName());
    o.put("service_name", e.slo().serviceName());
    o.put("current_sli", e.currentSliPercent());
    o.put("target_sli", e.targetSliPercent());
    o.put("status", e.status().name());
    o.put("error_budget_remaining", e.errorBudgetRemaining());
    o.put("error_budget_consumed", e.errorBudgetConsumed());
    o.put("burn_rate", e.burnRate());
    o.put("time_to_exhaustion", e.timeToExhaustionText());
    o.put("time_to_exhaustion_seconds", e.timeToExhaustionSeconds());
    o.put("last_updated", time(e.at()));
    o.put("no_data", e.noData());
    o.put("time_period", e.slo().timePeriod().name());
    o.put("budgeting_method", e.slo().budgetingMethod().name());
    ObjectNode period = o.putObject("period");
    period.put("start", time(e.period().start()));
    period.put("end", time(e.period().end()));
    o.put("good_units", e.units().good());
    o.put("total_units", e.units().total());
    o.set("error_budget", errorBudget(e.toErrorBudget()));
    ObjectNode burns = o.putObject("burn_rates");
    for (Map.Entry<String, Double> b : e.burnRateLabels().entrySet()) {
      burns.put(b.getKey(), b.getValue());
    }
    SliInterval interval = e.sliInterval();
    o.put("current_sli_lower", interval == null ? null : interval.lowerPercent());
    o.put("current_sli_upper", interval == null ? null : interval.upperPercent());
    ObjectNode intervals = o.putObject("sli_intervals");
    e.windowSliIntervals()
        .forEach(
            (w, i) -> {
              ObjectNode x = intervals.putObject(DurationText.format(w));
              x.put("lower", i.lowerPercent());
              x.put("upper", i.upperPercent());
            });
    ArrayNode suppressed = o.putArray("suppressed_alerts");
    for (SuppressedAlert a : e.suppressed()) {
      ObjectNode x = suppressed.addObject();
      x.put("tier", a.tier().name());
      x.put("reason", a.reason());
    }
    ArrayNode alerts = o.putArray("alerts");
    for (FiringAlert a : e.alerts()) {
      ObjectNode x = alerts.addObject();
      x.put("tier", a.tier().name());
      x.put("severity", a.tier().severity().label());
      x.put("long_window", DurationText.format(a.tier().longWindow()));
      x.put("short_window", DurationText.format(a.tier().shortWindow()));
      x.put("factor", a.tier().factor());
      x.put("burn_rate_long", a.burnRateLong());
      x.put("burn_rate_short", a.burnRateShort());
    }
    ArrayNode recs = o.putArray("recommendations");
    e.recommendations().forEach(recs::add);
    if (e.slo().isComposite()) {
      ArrayNode parts = o.putArray("components");
      for (var c : e.components()) {
        ObjectNode x = parts.addObject();
        x.put("slo_id", c.sloId());
        x.put("weight", c.weight());
        x.put("composite", c.composite());
        x.put("no_data", c.noData());
        x.put("current_sli", c.currentSliPercent());
        x.put("error_budget_consumed", c.errorBudgetConsumed());
      }
    }
    o.set("corrections", corrections(e.exclusion()));
    return o;
  }

  /**
   * What corrections removed from the period: events, slices, corrected duration and the
   * corrections that touched it.
   */
  public static ObjectNode corrections(Exclusion x) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("excluded_events", x.events().total());
    o.put("excluded_good_events", x.events().good());
    o.put("excluded_bad_events", x.events().bad());
    o.put("excluded_slices", x.slices());
    o.put("corrected_duration", DurationText.format(x.correctedDuration()));
    o.put("corrected_duration_seconds", x.correctedDuration().toNanos() / 1e9);
    ArrayNode applied = o.putArray("applied");
    for (Corrections.Applied a : x.applied()) {
      Correction c = a.correction();
      ObjectNode n = applied.addObject();
      n.put("id", c.id());
      n.put("category", c.category().label());
      n.put("description", c.description());
      n.put("start", time(c.start()));
      n.put("end", time(c.end()));
      n.put("rrule", c.recurrence() == null ? null : c.recurrence().text());
      n.put("time_zone", c.timeZone().getId());
      n.put("occurrences", a.occurrences());
      n.put("duration_seconds", a.duration().toNanos() / 1e9);
    }
    return o;
  }

  /** The ErrorBudget object (docs/openapi.json). */
  public static ObjectNode errorBudget(ErrorBudget b) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("slo_id", b.sloId());
    o.put("total_budget", b.totalBudget());
    o.put("consumed_budget", b.consumedBudget());
    o.put("remaining_budget", b.remainingBudget());
    o.put("burn_rate_1h", b.burnRate1h());
    o.put("burn_rate_24h", b.burnRate24h());
    o.put("projected_exhaustion", time(b.projectedExhaustion()));
    return o;
  }

  /** The SLIMetric object (docs/openapi.json); {@code isGood} null when not judged. */
  public static ObjectNode sliMetric(
      String sloId,
      Instant timestamp,
      double sliValue,
      long good,
      long total,
      @Nullable Boolean isGood) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("slo_id", sloId);
    o.put("timestamp", time(timestamp));
    o.put("sli_value", sliValue);
    o.put("good_events", good);
    o.put("total_events", total);
    o.put("is_good", isGood);
    return o;
  }

  /** The {@code slo_status_updated} event (docs/events.md). */
  public static ObjectNode event(SloStatusUpdated ev) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("event_id", ev.eventId());
    o.put("timestamp", time(ev.timestamp()));
    SloStatusUpdateData d = ev.sloStatusUpdate();
    ObjectNode u = o.putObject("slo_status_update");
    u.put("slo_id", d.sloId());
    if (!d.groupLabels().isEmpty()) { // only for a group: ungrouped events keep their shape
      ObjectNode g = u.putObject("group_labels");
      d.groupLabels().forEach(g::put);
    }
    u.put("slo_name", d.sloName());
    u.put("service_name", d.serviceName());
    u.put("slo_type", d.sloType());
    u.put("target_percentage", d.targetPercentage());
    u.put("current_sli", d.currentSli());
    u.put("status", d.status());
    u.put("error_budget_remaining", d.errorBudgetRemaining());
    u.put("error_budget_consumed", d.errorBudgetConsumed());
    u.put("burn_rate", d.burnRate());
    u.put("time_to_exhaustion", d.timeToExhaustion());
    u.put("alert_triggered", d.alertTriggered());
    ArrayNode recs = u.putArray("recommendations");
    d.recommendations().forEach(recs::add);
    if (!d.corrections().isEmpty()) { // docs/events.md's shape exactly when no correction applies
      u.set("corrections", corrections(d.corrections()));
    }
    return o;
  }

  /** Compact one-line JSON. */
  public static String line(JsonNode n) {
    try {
      return MAPPER.writeValueAsString(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
