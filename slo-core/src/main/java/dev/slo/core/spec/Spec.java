package dev.slo.core.spec;

import dev.slo.core.correction.Corrections;
import dev.slo.core.model.Slo;
import java.util.List;
import java.util.Optional;

/**
 * A parsed, valid spec: its SLOs in file order, slo_ids unique, and the corrections of every SLO
 * (written under an SLO or at the top level). Immutable.
 *
 * @param source where it came from
 * @param slos the SLOs, enabled or not
 * @param corrections every correction, ids unique
 */
public record Spec(String source, List<Slo> slos, Corrections corrections) {
  /** Copies the list. */
  public Spec {
    slos = List.copyOf(slos);
    corrections = corrections == null ? Corrections.NONE : corrections;
  }

  /** A spec without corrections. */
  public Spec(String source, List<Slo> slos) {
    this(source, slos, Corrections.NONE);
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
