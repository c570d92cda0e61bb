package dev.slo.core.store;

import dev.slo.core.eval.SloStatus;
import dev.slo.core.model.Slo;
import java.util.List;
import java.util.Optional;

/**
 * SLO definitions (the {@code slos} table, docs/jdbc.md) and the latest evaluation status of each.
 * Implementations are thread-safe and every write is atomic.
 */
public interface SloRepository {

  /**
   * Stores a new SLO.
   *
   * @return the SLO as stored
   * @throws ConflictException when an SLO with the same slo_id exists
   * @throws dev.slo.core.InvalidInputException when a field cannot be stored (e.g. a NUL character)
   * @throws dev.slo.core.SourceException when the store cannot be reached
   */
  Slo create(Slo slo);

  /**
   * Replaces the SLO with the same slo_id.
   *
   * @return the SLO as stored
   * @throws NotFoundException when no SLO has that slo_id
   */
  Slo update(Slo slo);

  /** The SLO with this slo_id, if stored. */
  Optional<Slo> get(String sloId);

  /** The SLOs matching the filter, ordered by slo_id. */
  List<Slo> list(SloFilter filter);

  /**
   * Deletes an SLO with its status, alert rules and SLI history.
   *
   * @return true when it existed
   */
  boolean delete(String sloId);

  /**
   * Records the latest evaluation result of an SLO, replacing an older one; a status older than the
   * stored one is ignored.
   *
   * @throws NotFoundException when no SLO has that slo_id
   */
  void saveStatus(SloStatus status);

  /** The latest saved status of an SLO, if any. */
  Optional<SloStatus> status(String sloId);
}
