package dev.slo.core.model;

import dev.slo.core.ValidationException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code composite:} of an SLO whose SLI is the weighted combination of other SLOs (docs/spec.md,
 * docs/math.md). Which ids exist, shared periods and cycles are checked over a whole spec by {@code
 * dev.slo.core.composite.CompositeGraph}; this record checks what it can alone. Immutable.
 *
 * @param components one to {@link #MAX_COMPONENTS} components, slo_ids unique, in spec order
 */
public record Composite(List<CompositeComponent> components) {
  /** The most components one composite takes. */
  public static final int MAX_COMPONENTS = 100;

  /** Validates count and uniqueness. */
  public Composite {
    if (components == null || components.isEmpty()) {
      throw ValidationException.withMessage(
          "composite.components",
          null,
          "composite.components is empty: list at least one {slo_id, weight}");
    }
    if (components.size() > MAX_COMPONENTS) {
      throw new ValidationException(
          "composite.components",
          components.size() + " components",
          "use at most " + MAX_COMPONENTS);
    }
    components = List.copyOf(components);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < components.size(); i++) {
      String id = components.get(i).sloId();
      if (!seen.add(id)) {
        throw new ValidationException(
            "composite.components[" + i + "].slo_id",
            id,
            "it is listed twice in this composite; give it one entry with the summed weight");
      }
    }
  }

  /** The sum of all weights, exact. */
  public BigDecimal totalWeight() {
    return components.stream()
        .map(CompositeComponent::weight)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Checks the rules between a composite and the SLO holding it: no SLI of its own, occurrences,
   * not listing itself.
   *
   * @throws ValidationException naming the field
   */
  void requireFits(String sloId, BudgetingMethod method, SliDefinition sli) {
    if (!sli.isEmpty()) {
      throw ValidationException.withMessage(
          "composite",
          null,
          "an SLO takes either an SLI (good_counter, good_query, latency, ...) or composite,"
              + " not both; a composite's SLI comes from its components");
    }
    if (method != BudgetingMethod.OCCURRENCES) {
      throw new ValidationException(
          "budgeting_method",
          method.name(),
          "a composite combines its components' burn rates; use OCCURRENCES (the default)");
    }
    for (int i = 0; i < components.size(); i++) {
      if (components.get(i).sloId().equals(sloId)) {
        throw new ValidationException(
            "composite.components[" + i + "].slo_id",
            sloId,
            "a composite cannot list itself as a component (a cycle)");
      }
    }
  }
}
