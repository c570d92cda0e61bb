package dev.slo.core.store;

import dev.slo.core.model.SloType;
import dev.slo.core.model.Status;
import org.jspecify.annotations.Nullable;

/**
 * The filters of {@code GET /api/v1/slos} (docs/openapi.json); a null field does not filter.
 * Immutable.
 *
 * @param serviceName only SLOs of this service, compared exactly
 * @param sloType only SLOs of this type
 * @param status only SLOs whose latest saved status is this; SLOs never evaluated never match
 */
public record SloFilter(
    @Nullable String serviceName, @Nullable SloType sloType, @Nullable Status status) {
  /** No filter: every SLO. */
  public static final SloFilter ALL = new SloFilter(null, null, null);

  /** A copy filtering on service name. */
  public SloFilter withServiceName(@Nullable String value) {
    return new SloFilter(value, sloType, status);
  }

  /** A copy filtering on SLO type. */
  public SloFilter withSloType(@Nullable SloType value) {
    return new SloFilter(serviceName, value, status);
  }

  /** A copy filtering on the latest status. */
  public SloFilter withStatus(@Nullable Status value) {
    return new SloFilter(serviceName, sloType, value);
  }
}
