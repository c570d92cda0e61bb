package dev.slo.core.spec;

import dev.slo.core.model.Slo;
import java.util.List;
import java.util.Optional;

/**
 * A parsed, valid spec: its SLOs in file order, slo_ids unique. Immutable.
 *
 * @param source where it came from
 * @param slos the SLOs, enabled or not
 */
public record Spec(String source, List<Slo> slos) {
  /** Copies the list. */
  public Spec {
    slos = List.copyOf(slos);
  }

  /** The SLO with this id. */
  public Optional<Slo> find(String sloId) {
    return slos.stream().filter(s -> s.sloId().equals(sloId)).findFirst();
  }

  /** The enabled SLOs. */
  public List<Slo> enabled() {
    return slos.stream().filter(Slo::enabled).toList();
  }
}
