package dev.slo.core.store;

import dev.slo.core.InvalidInputException;
import dev.slo.core.correction.Correction;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Budget corrections kept in a store. Thread-safe. */
public interface CorrectionRepository {
  /**
   * A repository that keeps nothing: it lists none, finds none, deletes none, and {@link #create}
   * throws {@link UnsupportedOperationException}.
   */
  CorrectionRepository NONE =
      new CorrectionRepository() {
        @Override
        public Correction create(Correction correction) {
          throw new UnsupportedOperationException(
              "\"" + correction.id() + "\" cannot be stored: this store keeps no corrections");
        }

        @Override
        public List<Correction> list() {
          return List.of();
        }

        @Override
        public Optional<Correction> find(String id) {
          return Optional.empty();
        }

        @Override
        public boolean delete(String id) {
          return false;
        }
      };

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

  /**
   * Deletes the corrections {@code ids} in order, telling {@code deleted} each id once it is gone;
   * stops at the first id this repository does not hold, leaving the ids after it.
   *
   * @param where the store, for the message: {@code x: no such correction in <where>}
   * @throws InvalidInputException for the first id not held, leading with it
   */
  default void deleteAll(List<String> ids, Object where, Consumer<String> deleted) {
    for (String id : ids) {
      if (!delete(id)) {
        throw new InvalidInputException(id + ": no such correction in " + where);
      }
      deleted.accept(id);
    }
  }
}
