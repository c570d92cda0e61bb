package dev.slo.core.spec;

import dev.slo.core.ValidationException;
import dev.slo.core.composite.CompositeGraph;
import dev.slo.core.composite.CompositeProblem;
import dev.slo.core.model.Composite;
import dev.slo.core.model.CompositeComponent;
import dev.slo.core.model.Slo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code composite:} of an SLO (docs/spec.md) and turns the whole-spec composite checks of
 * {@link CompositeGraph} into problems with line and field path. Thread-safe; no state.
 */
final class CompositeSpec {
  private static final Set<String> FIELDS = Set.of("components");
  private static final Set<String> COMPONENT_FIELDS = Set.of("slo_id", "weight");

  private CompositeSpec() {}

  /** Reads {@code composite:} into the builder when present; records problems. */
  static void read(FieldReader f, Slo.Builder b, String source, List<SpecProblem> problems) {
    Node.MapNode m = f.mapping("composite");
    if (m == null) {
      return;
    }
    int before = problems.size();
    FieldReader c = new FieldReader(source, f.path("composite"), m, problems);
    c.rejectUnknown(FIELDS);
    Node list = m.entries().get("components");
    if (list == null) {
      c.problem("components", "components is required: list the components as {slo_id, weight}");
      return;
    }
    if (!(list instanceof Node.ListNode items)) {
      c.problem("components", Node.kind(list) + " is not a list of {slo_id, weight}");
      return;
    }
    List<CompositeComponent> parts = new ArrayList<>();
    for (int i = 0; i < items.items().size(); i++) {
      Node item = items.items().get(i);
      String path = c.path("components") + "[" + i + "]";
      if (!(item instanceof Node.MapNode part)) {
        problems.add(
            new SpecProblem(
                source, item.line(), path, Node.kind(item) + " is not a {slo_id, weight} mapping"));
        continue;
      }
      FieldReader p = new FieldReader(source, path, part, problems);
      p.rejectUnknown(COMPONENT_FIELDS);
      String id = p.text("slo_id", true);
      BigDecimal weight = p.number("weight", true);
      if (id != null && weight != null) {
        try {
          parts.add(new CompositeComponent(id, weight));
        } catch (ValidationException e) {
          p.problem(e.field(), e.getMessage());
        }
      }
    }
    if (problems.size() > before) {
      return;
    }
    try {
      b.composite(new Composite(parts));
    } catch (ValidationException e) {
      problems.add(
          new SpecProblem(
              source, line(m, e.field()), f.path(e.field()), String.valueOf(e.getMessage())));
    }
  }

  /**
   * The problems of the spec's composites taken together: missing components, other periods,
   * cycles.
   *
   * @param items the spec node of each SLO in {@code slos}, same order
   */
  static List<SpecProblem> check(
      String source, List<String> paths, List<Slo> slos, List<Node> items) {
    List<SpecProblem> out = new ArrayList<>();
    for (CompositeProblem p : CompositeGraph.problems(slos)) {
      Node item = items.get(p.sloIndex());
      int line = item.line();
      if (item instanceof Node.MapNode m
          && m.entries().get("composite") instanceof Node.MapNode c) {
        line = line(c, p.field());
      }
      out.add(
          new SpecProblem(source, line, paths.get(p.sloIndex()) + "." + p.field(), p.message()));
    }
    return out;
  }

  /**
   * The line of {@code composite.components[j].slo_id} (or of {@code composite.components}) inside
   * the {@code composite:} mapping {@code c}; the mapping's line when not found.
   */
  static int line(Node.MapNode c, String field) {
    java.util.regex.Matcher mt =
        java.util.regex.Pattern.compile("composite\\.components\\[(\\d+)\\](\\.slo_id)?")
            .matcher(field);
    Node list = c.entries().get("components");
    if (!(list instanceof Node.ListNode items)) {
      return c.line();
    }
    if (!mt.matches()) {
      return c.keyLines().getOrDefault("components", c.line());
    }
    int j = Integer.parseInt(mt.group(1));
    if (j >= items.items().size()) {
      return list.line();
    }
    Node part = items.items().get(j);
    if (part instanceof Node.MapNode pm && pm.keyLines().containsKey("slo_id")) {
      return pm.keyLines().get("slo_id");
    }
    return part.line();
  }
}
