package dev.slo.core.model;

import dev.slo.core.ValidationException;
import java.math.BigDecimal;

/**
 * One component of a composite SLO: another SLO's id and its weight in the composite (docs/math.md,
 * "Composite SLOs"). Immutable.
 *
 * @param sloId the component SLO's slo_id
 * @param weight a positive, exact weight; weights need not sum to 1
 */
public record CompositeComponent(String sloId, BigDecimal weight) {
  /** The largest weight accepted, so sums stay small and exact. */
  public static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(1_000_000);

  /** Validates the id's form and that the weight is positive and at most {@link #MAX_WEIGHT}. */
  public CompositeComponent {
    Slo.requireId(sloId);
    if (weight == null) {
      throw ValidationException.required("weight");
    }
    if (weight.signum() <= 0 || weight.compareTo(MAX_WEIGHT) > 0) {
      throw new ValidationException(
          "weight",
          weight.stripTrailingZeros().toPlainString(),
          "use a number above 0 and at most 1000000, such as 1 or 0.5");
    }
    weight = weight.stripTrailingZeros();
  }
}
