package dev.slo.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slo.core.alert.Severity;
import dev.slo.core.window.DurationText;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code BurnRateAlertRequest} of docs/openapi.json: alert when the burn rate over {@code
 * timeWindow} (and, when given, also over {@code shortWindow}) reaches {@code burnRateThreshold}.
 * Immutable.
 *
 * @param burnRateThreshold positive, finite burn rate, e.g. 14.4
 * @param timeWindow the long window, at least one second
 * @param shortWindow the confirming short window, shorter than {@code timeWindow}, or null
 * @param severity page (default) or ticket
 */
public record BurnRateAlertRequest(
    double burnRateThreshold,
    Duration timeWindow,
    @Nullable Duration shortWindow,
    @Nullable Severity severity) {
  private static final Set<String> FIELDS =
      Set.of("burn_rate_threshold", "time_window", "short_window", "severity");

  /** Validates the fields; see the parameter docs. */
  public BurnRateAlertRequest {
    if (!(burnRateThreshold > 0) || Double.isInfinite(burnRateThreshold)) {
      throw new IllegalArgumentException(
          burnRateThreshold + " is not a valid burn_rate_threshold: use a positive number");
    }
    Objects.requireNonNull(timeWindow, "time_window");
    if (timeWindow.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          timeWindow + " is not a valid time_window: use at least 1s");
    }
    if (shortWindow != null && shortWindow.compareTo(timeWindow) >= 0) {
      throw new IllegalArgumentException(
          DurationText.format(shortWindow)
              + " is not a valid short_window: it must be shorter than time_window "
              + DurationText.format(timeWindow));
    }
    severity = severity == null ? Severity.PAGE : severity;
  }

  /**
   * Reads a request body.
   *
   * @throws ApiException 400 naming the first bad field
   */
  static BurnRateAlertRequest parse(JsonNode body) {
    if (!body.isObject()) {
      throw new ApiException(400, "invalid_body", "the body must be a JSON object");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw ApiException.badField(
            f, "unknown field; known: burn_rate_threshold, time_window, short_window, severity");
      }
    }
    JsonNode t = body.get("burn_rate_threshold");
    if (t == null || t.isNull()) {
      throw ApiException.badField("burn_rate_threshold", "missing; give a number such as 14.4");
    }
    if (!t.isNumber()) {
      throw ApiException.badField("burn_rate_threshold", t + " is not a number");
    }
    Duration window = Objects.requireNonNull(duration(body, "time_window", true), "time_window");
    Duration shortWindow = duration(body, "short_window", false);
    Severity severity = null;
    JsonNode s = body.get("severity");
    if (s != null && !s.isNull()) {
      String v = s.asText().toUpperCase(Locale.ROOT);
      if (!s.isTextual() || !(v.equals("PAGE") || v.equals("TICKET"))) {
        throw ApiException.badField("severity", s + " is not a valid severity: use page or ticket");
      }
      severity = Severity.valueOf(v);
    }
    try {
      return new BurnRateAlertRequest(t.asDouble(), window, shortWindow, severity);
    } catch (IllegalArgumentException e) {
      String m = Objects.requireNonNull(e.getMessage(), "message");
      String field =
          m.contains("burn_rate_threshold")
              ? "burn_rate_threshold"
              : m.contains("short_window") ? "short_window" : "time_window";
      throw ApiException.badField(field, m);
    }
  }

  private static @Nullable Duration duration(JsonNode body, String field, boolean required) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw ApiException.badField(field, "missing; give a duration such as 1h");
      }
      return null;
    }
    if (!n.isTextual()) {
      throw ApiException.badField(field, n + " is not a duration string such as 1h");
    }
    try {
      return DurationText.parse(n.asText());
    } catch (IllegalArgumentException e) {
      throw ApiException.badField(field, Objects.requireNonNull(e.getMessage(), "message"));
    }
  }
}
