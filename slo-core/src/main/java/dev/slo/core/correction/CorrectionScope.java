package dev.slo.core.correction;

import dev.slo.core.model.Slo;
import java.util.Set;

/**
 * The SLOs a correction applies to: the listed slo_ids, or every SLO of one service. Immutable.
 *
 * @param sloIds the SLOs by id; empty when {@code service} is given
 * @param service every SLO whose service_name is this; null when {@code sloIds} is given
 */
public record CorrectionScope(Set<String> sloIds, String service) {

  /** Validates that exactly one of the two selectors is given. */
  public CorrectionScope {
    sloIds = sloIds == null ? Set.of() : Set.copyOf(sloIds);
    if (sloIds.isEmpty() == (service == null)) {
      throw new IllegalArgumentException(
          "a correction applies to slo_ids or to a service, exactly one of them");
    }
  }

  /** One SLO. */
  public static CorrectionScope slo(String sloId) {
    return new CorrectionScope(Set.of(sloId), null);
  }

  /** Several SLOs. */
  public static CorrectionScope slos(Set<String> sloIds) {
    return new CorrectionScope(sloIds, null);
  }

  /** Every SLO of a service. */
  public static CorrectionScope service(String serviceName) {
    return new CorrectionScope(Set.of(), serviceName);
  }

  /** True when the correction applies to {@code slo}. */
  public boolean appliesTo(Slo slo) {
    return service == null
        ? sloIds.contains(slo.sloId()) || sloIds.contains(slo.baseId())
        : service.equals(slo.serviceName());
  }
}
