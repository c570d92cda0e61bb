package dev.slo.core.spec;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.ValidationException;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.StatusThresholds;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a spec, YAML or JSON, with a top-level {@code slos:} list of SLOs in the field names.
 * Reports every problem with file, line and field. Thread-safe; no state.
 */
public final class SpecParser {
  /** Every field an SLO may have. */
  private static final Set<String> SLO_FIELDS =
      Set.of(
          "slo_id",
          "slo_name",
          "service_name",
          "slo_type",
          "target_percentage",
          "time_period",
          "sli_query",
          "description",
          "enabled",
          "time_zone",
          "budgeting_method",
          "timeslice_length",
          "timeslice_target_percentage",
          "no_data",
          "status_thresholds",
          "good_counter",
          "bad_counter",
          "total_counter",
          "good_query",
          "bad_query",
          "total_query",
          "latency",
          "composite");

  private static final Set<String> THRESHOLD_FIELDS =
      Set.of("warning_budget_remaining", "critical_budget_remaining");
  private static final Set<String> LATENCY_FIELDS = Set.of("histogram", "threshold", "selector");

  private SpecParser() {}

  /**
   * Parses a whole spec.
   *
   * @param source the file name, used in messages
   * @param text the spec's text
   * @throws SpecException listing every problem
   */
  public static Spec parse(String source, String text) {
    Node root = readRoot(source, text);
    List<SpecProblem> problems = new ArrayList<>();
    if (!(root instanceof Node.MapNode map)) {
      throw new SpecException(
          List.of(
              new SpecProblem(
                  source, root.line(), "", Node.kind(root) + " at the top; expected 'slos:'")));
    }
    FieldReader top = new FieldReader(source, "", map, problems);
    top.rejectUnknown(Set.of("slos"));
    Node slosNode = map.entries().get("slos");
    List<Slo> slos = new ArrayList<>();
    if (slosNode == null) {
      problems.add(new SpecProblem(source, map.line(), "slos", "missing; list the SLOs under it"));
    } else if (!(slosNode instanceof Node.ListNode list)) {
      problems.add(
          new SpecProblem(
              source, slosNode.line(), "slos", Node.kind(slosNode) + " is not a list of SLOs"));
    } else {
      Map<String, Integer> seen = new HashMap<>();
      List<Node> kept = new ArrayList<>();
      List<String> keptPaths = new ArrayList<>();
      for (int i = 0; i < list.items().size(); i++) {
        Node item = list.items().get(i);
        String path = "slos[" + i + "]";
        Slo slo = slo(source, path, item, problems);
        String id = rawId(item);
        Integer first = id == null ? null : seen.putIfAbsent(id, item.line());
        if (first != null) {
          problems.add(
              new SpecProblem(
                  source,
                  item.line(),
                  path + ".slo_id",
                  Printable.quote(id) + " is a duplicate slo_id; first defined on line " + first));
        } else if (slo != null) {
          slos.add(slo);
          kept.add(item);
          keptPaths.add(path);
        }
      }
      if (problems.isEmpty()) {
        problems.addAll(CompositeSpec.check(source, keptPaths, slos, kept));
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparingInt(SpecProblem::line));
      throw new SpecException(problems);
    }
    return new Spec(source, slos);
  }

  /**
   * Parses one SLO given as a JSON or YAML object (an API request body).
   *
   * @throws SpecException listing every problem
   */
  public static Slo parseSlo(String source, String text) {
    Node root = readRoot(source, text);
    List<SpecProblem> problems = new ArrayList<>();
    Slo slo = slo(source, "", root, problems);
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return slo;
  }

  private static Node readRoot(String source, String text) {
    return NodeReader.read(source, text);
  }

  /** The slo_id as written, when it is text, so duplicates are found even in invalid SLOs. */
  private static String rawId(Node item) {
    if (item instanceof Node.MapNode m
        && m.entries().get("slo_id") instanceof Node.Scalar s
        && s.value() != null) {
      return s.value() instanceof String str ? str : s.text();
    }
    return null;
  }

  private static Slo slo(String source, String path, Node node, List<SpecProblem> problems) {
    if (!(node instanceof Node.MapNode map)) {
      problems.add(
          new SpecProblem(source, node.line(), path, Node.kind(node) + " is not an SLO mapping"));
      return null;
    }
    int before = problems.size();
    FieldReader f = new FieldReader(source, path, map, problems);
    f.rejectUnknown(SLO_FIELDS);
    Slo.Builder b = Slo.builder();
    String id = f.text("slo_id", true);
    check(f, "slo_id", id, Slo::requireId);
    b.sloId(id);
    String name = f.text("slo_name", true);
    check(f, "slo_name", name, Slo::requireName);
    b.sloName(name);
    String service = f.text("service_name", true);
    check(f, "service_name", service, Slo::requireServiceName);
    b.serviceName(service);
    b.sloType(f.enumValue("slo_type", SloType.class, null));
    BigDecimal target = f.number("target_percentage", true);
    if (target != null) {
      check(f, "target_percentage", target.doubleValue(), Slo::requireTarget);
    }
    b.timePeriod(f.enumValue("time_period", TimePeriod.class, null));
    b.sliQuery(f.text("sli_query", false));
    b.description(f.text("description", false));
    b.enabled(f.bool("enabled", true));
    b.budgetingMethod(
        f.enumValue("budgeting_method", BudgetingMethod.class, BudgetingMethod.OCCURRENCES));
    b.noData(f.enumValue("no_data", NoDataPolicy.class, NoDataPolicy.IGNORE));
    String zone = f.text("time_zone", false);
    if (zone != null) {
      try {
        b.timeZone(ZoneId.of(zone.trim()));
      } catch (DateTimeException e) {
        f.problem(
            "time_zone",
            Printable.quote(zone)
                + " is not a valid time_zone; use an IANA name such as UTC,"
                + " Europe/Berlin or America/New_York");
      }
    }
    String slice = f.text("timeslice_length", false);
    if (slice != null) {
      try {
        b.timesliceLength(DurationText.parse(slice));
      } catch (IllegalArgumentException e) {
        f.problem("timeslice_length", e.getMessage());
      }
    }
    BigDecimal sliceTarget = f.number("timeslice_target_percentage", false);
    if (sliceTarget != null) {
      b.timesliceTargetPercentage(sliceTarget.doubleValue());
    }
    thresholds(f, b, source, path, problems);
    sli(f, b, source, path, problems);
    CompositeSpec.read(f, b, source, problems);
    if (target != null) {
      b.targetPercentage(target.doubleValue());
    }
    if (problems.size() > before) {
      return null;
    }
    try {
      return b.build();
    } catch (ValidationException e) {
      Node.MapNode c = f.mapping("composite");
      if (c != null && e.field().startsWith("composite")) {
        problems.add(
            new SpecProblem(
                source, CompositeSpec.line(c, e.field()), f.path(e.field()), e.getMessage()));
      } else {
        f.problem(e.field(), e.getMessage());
      }
      return null;
    }
  }

  private static void thresholds(
      FieldReader f, Slo.Builder b, String source, String path, List<SpecProblem> problems) {
    Node.MapNode m = f.mapping("status_thresholds");
    if (m == null) {
      return;
    }
    FieldReader t = new FieldReader(source, f.path("status_thresholds"), m, problems);
    t.rejectUnknown(THRESHOLD_FIELDS);
    BigDecimal warn = t.number("warning_budget_remaining", false);
    BigDecimal crit = t.number("critical_budget_remaining", false);
    try {
      b.thresholds(
          new StatusThresholds(
              warn == null ? StatusThresholds.DEFAULT.warningBelow() : warn.doubleValue(),
              crit == null ? StatusThresholds.DEFAULT.criticalBelow() : crit.doubleValue()));
    } catch (ValidationException e) {
      t.problem(e.field(), e.getMessage());
    }
  }

  private static void sli(
      FieldReader f, Slo.Builder b, String source, String path, List<SpecProblem> problems) {
    LatencySli latency = null;
    Node.MapNode m = f.mapping("latency");
    if (m != null) {
      FieldReader l = new FieldReader(source, f.path("latency"), m, problems);
      l.rejectUnknown(LATENCY_FIELDS);
      String histogram = l.text("histogram", true);
      BigDecimal threshold = l.number("threshold", true);
      String selector = l.text("selector", false);
      if (histogram != null && threshold != null) {
        try {
          latency = new LatencySli(histogram, threshold.doubleValue(), selector);
        } catch (ValidationException e) {
          l.problem(e.field().replace("latency.", ""), e.getMessage());
        }
      }
    }
    try {
      b.sli(
          new SliDefinition(
              f.text("good_counter", false),
              f.text("bad_counter", false),
              f.text("total_counter", false),
              f.text("good_query", false),
              f.text("bad_query", false),
              f.text("total_query", false),
              latency));
    } catch (ValidationException e) {
      f.problem(e.field(), e.getMessage());
    }
  }

  /** Runs one field's own check, recording its message as a problem of that field. */
  private static <T> void check(
      FieldReader f, String field, T value, java.util.function.Consumer<T> rule) {
    if (value == null) {
      return;
    }
    try {
      rule.accept(value);
    } catch (IllegalArgumentException | InvalidInputException e) {
      f.problem(field, e.getMessage());
    }
  }
}
