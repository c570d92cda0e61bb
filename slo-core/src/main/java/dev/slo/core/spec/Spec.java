package dev.slo.core.spec;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.correction.Corrections;
import dev.slo.core.model.GroupId;
import dev.slo.core.model.Slo;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

  /**
   * The enabled SLOs among {@code sloIds}, in spec order; every enabled SLO when {@code sloIds} is
   * empty.
   *
   * @throws InvalidInputException leading with the first id that names no SLO of this spec, or a
   *     disabled one
   */
  public List<Slo> select(Collection<String> sloIds) {
    Set<String> wanted = new LinkedHashSet<>(sloIds);
    Set<String> bases = new LinkedHashSet<>();
    for (String given : wanted) {
      // a group id (checkout{route="/pay"}) selects its grouped SLO; the caller keeps the group
      String id = GroupId.baseOf(given);
      bases.add(id);
      Slo found =
          find(id)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          Printable.cut(id)
                              + ": no such SLO in "
                              + source
                              + "; known: "
                              + slos.stream().map(Slo::sloId).collect(Collectors.joining(", "))));
      if (!found.enabled()) {
        throw new InvalidInputException(Printable.cut(id) + ": the SLO is disabled in " + source);
      }
    }
    return enabled().stream().filter(x -> wanted.isEmpty() || bases.contains(x.sloId())).toList();
  }
}
