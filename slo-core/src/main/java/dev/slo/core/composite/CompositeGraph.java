package dev.slo.core.composite;

import dev.slo.core.Printable;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Composite;
import dev.slo.core.model.CompositeComponent;
import dev.slo.core.model.Slo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks the composites of a list of SLOs against each other: every component names an SLO of the
 * list, shares the composite's period (time_period and time_zone), counts occurrences, and no
 * composite reaches itself through its components. Thread-safe; no state.
 */
public final class CompositeGraph {
  private CompositeGraph() {}

  /** Every problem, composites in list order, components in their order; empty when valid. */
  public static List<CompositeProblem> problems(List<Slo> slos) {
    Map<String, Slo> byId = new LinkedHashMap<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < slos.size(); i++) {
      byId.putIfAbsent(slos.get(i).sloId(), slos.get(i));
      index.putIfAbsent(slos.get(i).sloId(), i);
    }
    List<CompositeProblem> out = new ArrayList<>();
    for (int i = 0; i < slos.size(); i++) {
      Slo c = slos.get(i);
      Composite composite = c.composite();
      if (composite == null) {
        continue;
      }
      List<CompositeComponent> parts = composite.components();
      for (int j = 0; j < parts.size(); j++) {
        String field = "composite.components[" + j + "].slo_id";
        String id = parts.get(j).sloId();
        Slo part = byId.get(id);
        String shown = Printable.quote(id);
        if (part == null) {
          out.add(
              new CompositeProblem(
                  i,
                  j,
                  field,
                  shown
                      + " is not an SLO of this spec: a composite's components must be SLOs"
                      + " defined beside it"));
        } else if (!part.timePeriod().equals(c.timePeriod())) {
          out.add(
              new CompositeProblem(
                  i,
                  j,
                  field,
                  shown
                      + " has time_period "
                      + part.timePeriod()
                      + " but the composite has "
                      + c.timePeriod()
                      + ": components must share the composite's period, because budgets and"
                      + " burn rates are fractions of one period and do not combine across"
                      + " periods"));
        } else if (!part.timeZone().equals(c.timeZone())) {
          out.add(
              new CompositeProblem(
                  i,
                  j,
                  field,
                  shown
                      + " has time_zone "
                      + part.timeZone().getId()
                      + " but the composite has "
                      + c.timeZone().getId()
                      + ": components must share the composite's period, time zone included"));
        } else if (part.budgetingMethod() != BudgetingMethod.OCCURRENCES) {
          out.add(
              new CompositeProblem(
                  i,
                  j,
                  field,
                  shown
                      + " uses budgeting_method "
                      + part.budgetingMethod()
                      + ": composite components must count occurrences"));
        }
      }
    }
    cycles(slos, byId, index, out);
    return out;
  }

  /** Reports each cycle once, at the composite of the cycle that comes first in the list. */
  private static void cycles(
      List<Slo> slos,
      Map<String, Slo> byId,
      Map<String, Integer> index,
      List<CompositeProblem> out) {
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < slos.size(); i++) {
      Slo start = slos.get(i);
      if (!start.isComposite() || reported.contains(start.sloId())) {
        continue;
      }
      List<String> path = findCycle(start.sloId(), byId);
      if (path == null) {
        continue;
      }
      List<String> members = path.subList(0, path.size() - 1);
      String first =
          members.stream()
              .min((a, b) -> Integer.compare(index.getOrDefault(a, 0), index.getOrDefault(b, 0)))
              .orElseThrow();
      if (!first.equals(start.sloId())) {
        continue; // reported when the loop reaches the cycle's first member
      }
      reported.addAll(members);
      String next = path.get(1);
      List<CompositeComponent> parts =
          Objects.requireNonNull(start.composite(), "a cycle's member").components();
      int j = 0;
      while (!parts.get(j).sloId().equals(next)) {
        j++;
      }
      out.add(
          new CompositeProblem(
              i,
              j,
              "composite.components[" + j + "].slo_id",
              Printable.quote(next)
                  + " closes a cycle of composites ("
                  + String.join(" -> ", path)
                  + "): a composite cannot contain itself"));
    }
  }

  /**
   * A path {@code start -> ... -> start} through composite components, or null when {@code start}
   * is on no cycle. Depth-first, iterative so deep nesting cannot overflow the stack.
   */
  private static @org.jspecify.annotations.Nullable List<String> findCycle(
      String start, Map<String, Slo> byId) {
    Map<String, String> parent = new HashMap<>();
    Set<String> visited = new HashSet<>();
    List<String> stack = new ArrayList<>(List.of(start));
    while (!stack.isEmpty()) {
      String id = stack.remove(stack.size() - 1);
      Slo slo = byId.get(id);
      Composite composite = slo == null ? null : slo.composite();
      if (composite == null) {
        continue;
      }
      for (CompositeComponent part : composite.components()) {
        String next = part.sloId();
        if (next.equals(start)) {
          List<String> path = new ArrayList<>();
          path.add(start);
          for (String at = id; !at.equals(start); at = Objects.requireNonNull(parent.get(at))) {
            path.add(1, at);
          }
          path.add(start);
          return path;
        }
        if (visited.add(next)) {
          parent.put(next, id);
          stack.add(next);
        }
      }
    }
    return null;
  }
}
