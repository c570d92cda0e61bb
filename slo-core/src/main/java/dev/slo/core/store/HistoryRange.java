package dev.slo.core.store;

import dev.slo.core.ValidationException;
import dev.slo.core.data.DataFileReader;
import dev.slo.core.window.Window;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/**
 * The instants between which an SLO's SLI history is read ({@link SliHistory#history}): after
 * {@code from}, up to and including {@code to}, given as text. Immutable.
 *
 * @param from the exclusive start
 * @param to the inclusive end
 */
public record HistoryRange(Instant from, Instant to) {

  /**
   * The range from {@code from} to {@code to}, each ISO-8601 with an offset ({@code
   * 2026-11-01T00:00:00Z}) or epoch seconds. The range may run backwards ({@link #isBackwards}):
   * callers say so in their own words.
   *
   * @throws ValidationException for {@code from} or {@code to}, leading with the text, when it is
   *     not an instant: {@code x: not a valid instant; use ISO-8601 with an offset or epoch
   *     seconds}
   */
  public static HistoryRange of(String from, String to) {
    return new HistoryRange(instant("from", from), instant("to", to));
  }

  /** True when {@code from} is after {@code to}. */
  public boolean isBackwards() {
    return from.isAfter(to);
  }

  /**
   * The history of the SLO {@code sloId} in this range, oldest first.
   *
   * @throws ValidationException for {@code slo} when {@code store} has no such SLO: {@code x: no
   *     such SLO in the database}
   * @throws IllegalStateException when the range runs backwards
   */
  public List<SliMetric> read(SloStore store, String sloId) {
    if (isBackwards()) {
      throw new IllegalStateException("the range runs backwards: " + from + " is after " + to);
    }
    if (store.slos().get(sloId).isEmpty()) {
      throw ValidationException.withMessage("slo", sloId, sloId + ": no such SLO in the database");
    }
    return store.history().history(sloId, new Window(from, to));
  }

  private static Instant instant(String field, String text) {
    try {
      return DataFileReader.parseInstant(text);
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw ValidationException.withMessage(
          field,
          text,
          text + ": not a valid instant; use ISO-8601 with an offset or epoch seconds");
    }
  }
}
