package dev.slo.core.store;

import dev.slo.core.correction.Correction;
import java.util.List;
import java.util.Optional;

/** Budget corrections kept in a store. Thread-safe. */
public interface CorrectionRepository {

  /**
   * Stores a correction under its id.
   *
   * @return the stored correction
   * @throws ConflictException when a correction with the same id is stored
   * @throws NotFoundException when a slo_id of its scope is not stored, or no stored SLO has its
   *     service
   */
  Correction create(Correction correction);

  /** Every stored correction, by start, then id. */
  List<Correction> list();

  /** The correction with this id. */
  Optional<Correction> find(String id);

  /**
   * Deletes a correction.
   *
   * @return true when it existed
   */
  boolean delete(String id);
}
