package dev.slo.core.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.correction.Correction;
import dev.slo.core.json.StatusJson;
import dev.slo.core.model.Slo;
import dev.slo.core.window.DurationText;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One correction from named text fields, as a command line or a form gives them ({@code start},
 * {@code end}, {@code duration}, {@code time_zone}, {@code category}, {@code description}, {@code
 * rrule}, {@code id}, {@code service}, and {@code slo_ids} as a list), read by the same rules and
 * with the same messages as a {@code corrections:} entry of a spec. Thread-safe; no state.
 */
public final class CorrectionFields {
  private CorrectionFields() {}

  /**
   * The correction the fields describe, in the map's order; a null value or an empty list is left
   * out.
   *
   * @param fields text fields by name; {@code slo_ids} may hold a list of ids
   * @param slos the SLOs a {@code slo_ids} or {@code service} selector may name
   * @param defaultId the id when the fields have none
   * @throws SpecException listing every problem, each naming its field
   */
  public static Correction parse(
      String source, Map<String, ?> fields, List<Slo> slos, String defaultId) {
    ObjectNode o = StatusJson.MAPPER.createObjectNode();
    fields.forEach(
        (name, value) -> {
          if (value instanceof List<?> list) {
            if (!list.isEmpty()) {
              ArrayNode a = o.putArray(name);
              list.forEach(v -> a.add(String.valueOf(v)));
            }
          } else if (value != null) {
            o.put(name, String.valueOf(value));
          }
        });
    return SpecParser.parseCorrection(source, StatusJson.line(o), slos, null, defaultId);
  }

  /**
   * The first problem as one line, its field shown as {@code names} maps it (a command line's
   * option), with how many more there are.
   */
  public static String describe(List<SpecProblem> problems, Map<String, String> names) {
    SpecProblem p = problems.get(0);
    String field = p.field() == null || p.field().isEmpty() ? "" : p.field();
    String shown = names.getOrDefault(field, field);
    return (shown.isEmpty() ? "" : shown + ": ")
        + p.message()
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
  }

  /**
   * Every field of a stored correction, as a listing shows it: {@code slo_ids} (sorted), {@code
   * service}, {@code start} and {@code end} (UTC), {@code duration}, {@code time_zone}, {@code
   * category}, {@code description} and {@code rrule}, null when absent. It holds both end and
   * duration, so it is a listing, not input for {@link #parse}.
   */
  public static ObjectNode json(Correction c) {
    ObjectNode o = StatusJson.MAPPER.createObjectNode();
    o.put("id", c.id());
    ArrayNode ids = o.putArray("slo_ids");
    new TreeSet<>(c.scope().sloIds()).forEach(ids::add);
    o.put("service", c.scope().service());
    o.put("start", StatusJson.time(c.start()));
    o.put("end", StatusJson.time(c.end()));
    o.put("duration", DurationText.format(c.duration()));
    o.put("time_zone", c.timeZone().getId());
    o.put("category", c.category().label());
    o.put("description", c.description());
    o.put("rrule", c.recurrence() == null ? null : c.recurrence().text());
    return o;
  }

  /** {@link #json(Correction)} of each correction, in order, as one JSON array. */
  public static ArrayNode json(List<Correction> corrections) {
    ArrayNode a = StatusJson.MAPPER.createArrayNode();
    corrections.forEach(c -> a.add(json(c)));
    return a;
  }

  /**
   * A stored correction as one listing line, fields separated by two spaces: id, what it applies to
   * ({@code service NAME} or the slo_ids sorted and comma-separated), start (UTC), duration, {@code
   * once} or the RRULE with {@code in ZONE}, category and description.
   */
  public static String line(Correction c) {
    return String.join(
        "  ",
        c.id(),
        c.scope().service() != null
            ? "service " + c.scope().service()
            : String.join(",", new TreeSet<>(c.scope().sloIds())),
        StatusJson.time(c.start()),
        DurationText.format(c.duration()),
        c.recurrence() == null ? "once" : c.recurrence().text() + " in " + c.timeZone().getId(),
        c.category().label(),
        c.description());
  }
}
