package dev.slo.core.spec;

import dev.slo.core.InvalidInputException;
import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionCategory;
import dev.slo.core.correction.CorrectionScope;
import dev.slo.core.correction.Recurrence;
import dev.slo.core.model.Slo;
import dev.slo.core.window.DurationText;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code corrections:} lists: under an SLO (applying to it) or at the top level with a
 * selector ({@code slo_ids} or {@code service}). Records a {@link SpecProblem} per bad field. Not
 * thread-safe; one per spec.
 */
final class CorrectionReader {
  /** The fields of a correction under an SLO. */
  static final Set<String> FIELDS =
      Set.of("id", "start", "end", "duration", "time_zone", "category", "description", "rrule");

  private static final Set<String> TOP_FIELDS;

  static {
    Set<String> s = new java.util.HashSet<>(FIELDS);
    s.add("slo_ids");
    s.add("service");
    TOP_FIELDS = Set.copyOf(s);
  }

  private final String source;
  private final List<SpecProblem> problems;
  private final List<Correction> read = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();

  CorrectionReader(String source, List<SpecProblem> problems) {
    this.source = source;
    this.problems = problems;
  }

  /** Every correction read so far, in order. */
  List<Correction> corrections() {
    return read;
  }

  /** Reads the {@code corrections} list of the SLO {@code sloId} (null when it is invalid). */
  void underSlo(FieldReader slo, @Nullable String sloId) {
    Node n = slo.node("corrections");
    if (n == null) {
      return;
    }
    if (!(n instanceof Node.ListNode list)) {
      slo.problem("corrections", Node.kind(n) + " is not a list of corrections");
      return;
    }
    for (int i = 0; i < list.items().size(); i++) {
      String path = slo.path("corrections") + "[" + i + "]";
      String dflt = (sloId == null ? "slo" : sloId) + "#" + (i + 1);
      one(
          path,
          list.items().get(i),
          dflt,
          sloId == null ? null : CorrectionScope.slo(sloId),
          false);
    }
  }

  /** Reads the top-level {@code corrections} list, whose selectors must name SLOs in the spec. */
  void topLevel(Node n, List<Slo> slos) {
    if (!(n instanceof Node.ListNode list)) {
      problems.add(
          new SpecProblem(
              source, n.line(), "corrections", Node.kind(n) + " is not a list of corrections"));
      return;
    }
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String path = "corrections[" + i + "]";
      if (!(item instanceof Node.MapNode map)) {
        one(path, item, null, null, true); // records the problem
        continue;
      }
      FieldReader f = new FieldReader(source, path, map, problems);
      CorrectionScope scope = selector(f, slos);
      one(path, item, "correction#" + (i + 1), scope, true);
    }
  }

  /**
   * Reads one correction mapping: for the SLO {@code sloId} when given (the mapping may then not
   * have a selector), otherwise with its {@code slo_ids} or {@code service} selector.
   */
  void single(Node n, List<Slo> slos, @Nullable String sloId, String defaultId) {
    if (sloId != null) {
      boolean known = slos.stream().anyMatch(s -> s.sloId().equals(sloId));
      if (!known) {
        problems.add(
            new SpecProblem(source, n.line(), "slo_id", "\"" + sloId + "\" is not a known slo_id"));
      }
      one("", n, defaultId, known ? CorrectionScope.slo(sloId) : null, false);
      return;
    }
    CorrectionScope scope =
        n instanceof Node.MapNode map
            ? selector(new FieldReader(source, "", map, problems), slos)
            : null;
    one("", n, defaultId, scope, true);
  }

  private @Nullable CorrectionScope selector(FieldReader f, List<Slo> slos) {
    List<String> ids = f.textList("slo_ids");
    String service = f.text("service", false);
    if ((ids == null) == (service == null)) {
      if (!f.has("slo_ids") && !f.has("service")) {
        f.problem(null, "no selector; give slo_ids: [..] or service: NAME");
      } else if (ids != null) {
        f.problem("service", "\"" + service + "\" and slo_ids are both given; use one of them");
      }
      return null;
    }
    if (ids != null) {
      Set<String> known = slos.stream().map(Slo::sloId).collect(Collectors.toSet());
      for (String id : ids) {
        if (!known.contains(id)) {
          f.problem(
              "slo_ids",
              "\""
                  + id
                  + "\" is not a known slo_id; known: "
                  + slos.stream().map(Slo::sloId).collect(Collectors.joining(", ")));
          return null;
        }
      }
      return CorrectionScope.slos(new LinkedHashSet<>(ids));
    }
    Set<String> services =
        slos.stream().map(Slo::serviceName).collect(Collectors.toCollection(LinkedHashSet::new));
    if (!services.contains(service)) {
      f.problem(
          "service",
          "\""
              + service
              + "\" is not the service_name of any known SLO; known: "
              + String.join(", ", services));
      return null;
    }
    return CorrectionScope.service(service);
  }

  private void one(
      String path,
      Node node,
      @Nullable String defaultId,
      @Nullable CorrectionScope scope,
      boolean top) {
    if (!(node instanceof Node.MapNode map)) {
      problems.add(
          new SpecProblem(
              source, node.line(), path, Node.kind(node) + " is not a correction mapping"));
      return;
    }
    int before = problems.size();
    FieldReader f = new FieldReader(source, path, map, problems);
    f.rejectUnknown(top ? TOP_FIELDS : FIELDS);
    String id = f.text("id", false);
    id = id == null ? defaultId : id.trim();
    ZoneId zone = zone(f);
    Instant start = instant(f, "start", true, zone);
    Instant end = instant(f, "end", false, zone);
    @Nullable Duration duration = null;
    String d = f.text("duration", false);
    if (d != null) {
      try {
        duration = DurationText.parse(d);
      } catch (IllegalArgumentException e) {
        f.problem("duration", e.getMessage());
      }
    }
    if (end != null && d != null) {
      f.problem("duration", "\"" + d + "\" and end are both given; use one of them");
    } else if (end == null && d == null && !f.has("end")) {
      f.problem(null, "no end; give end: TIME or duration: 2h");
    } else if (end != null && start != null) {
      if (!end.isAfter(start)) {
        f.problem(
            "end",
            "\""
                + f.text("end", false)
                + "\" is not after start \""
                + f.text("start", false)
                + "\"; a correction must end after it starts");
      } else {
        duration = Duration.between(start, end);
      }
    }
    CorrectionCategory category =
        f.enumValue("category", CorrectionCategory.class, CorrectionCategory.OTHER);
    String description = f.text("description", false);
    @Nullable Recurrence rrule = null;
    String rule = f.text("rrule", false);
    if (rule != null) {
      try {
        rrule = Recurrence.parse(rule);
      } catch (InvalidInputException e) {
        f.problem("rrule", e.getMessage());
      }
    }
    if (problems.size() > before
        || id == null
        || zone == null
        || scope == null
        || start == null
        || duration == null) {
      return;
    }
    Integer first = ids.putIfAbsent(id, map.line());
    if (first != null) {
      f.problem(
          "id", "\"" + id + "\" is a duplicate correction id; first defined on line " + first);
      return;
    }
    try {
      read.add(
          new Correction(
              id,
              scope,
              start,
              duration,
              zone,
              category,
              description == null ? "" : description,
              rrule));
    } catch (InvalidInputException | IllegalArgumentException e) {
      f.problem("id", e.getMessage());
    }
  }

  private static @Nullable ZoneId zone(FieldReader f) {
    String zone = f.text("time_zone", false);
    if (zone == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(zone.trim());
    } catch (DateTimeException e) {
      f.problem(
          "time_zone",
          "\""
              + zone
              + "\" is not a valid time_zone; use an IANA name such as UTC, Europe/Berlin or"
              + " America/New_York");
      return null;
    }
  }

  /** An instant with an offset, or a local date-time read in {@code zone}. */
  private static @Nullable Instant instant(
      FieldReader f, String key, boolean required, @Nullable ZoneId zone) {
    String t = f.text(key, required);
    if (t == null) {
      return null;
    }
    String v = t.trim();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeException e) {
      // a local date-time?
    }
    try {
      LocalDateTime local = LocalDateTime.parse(v);
      return zone == null ? null : ZonedDateTime.of(local, zone).toInstant();
    } catch (DateTimeException e) {
      f.problem(
          key,
          "\""
              + t
              + "\" is not a valid "
              + key
              + "; use ISO-8601 such as 2026-11-22T02:00:00Z, 2026-11-22T02:00:00+01:00, or"
              + " 2026-11-22T02:00 read in time_zone");
      return null;
    }
  }
}
