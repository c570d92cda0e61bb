package dev.slo.core.correction;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.Slo;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A budget correction: the interval {@code (start, start + duration]}, or every occurrence of a
 * recurrence from there, removed from the accounting of the SLOs in its scope. Immutable and
 * validated; every message leads with the bad value.
 *
 * @param id identifier, unique among the corrections in force
 * @param scope the SLOs it applies to
 * @param start the (first) occurrence's exclusive start
 * @param duration each occurrence's length, positive
 * @param timeZone where a recurrence's wall-clock times are read; UTC by default
 * @param category why the range is corrected
 * @param description free text; may be empty
 * @param recurrence the RRULE, or null for a one-off correction
 */
public record Correction(
    String id,
    CorrectionScope scope,
    Instant start,
    Duration duration,
    ZoneId timeZone,
    CorrectionCategory category,
    String description,
    @Nullable Recurrence recurrence) {

  /** The pattern every id matches. */
  public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/#-]{0,199}");

  /** Validates every field; see the parameter docs. */
  public Correction {
    if (id == null || !ID_PATTERN.matcher(id).matches()) {
      throw new InvalidInputException(
          (id == null ? "null" : "\"" + id + "\"")
              + " is not a valid correction id: use 1 to 200 characters of letters, digits and"
              + " _ . : / # -, starting with a letter or digit");
    }
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    if (duration.isZero() || duration.isNegative()) {
      throw new InvalidInputException(
          duration + " is not a valid duration: a correction must end after it starts");
    }
    timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    category = category == null ? CorrectionCategory.OTHER : category;
    description = description == null ? "" : description;
  }

  /** The end of the first occurrence: {@code start + duration}. */
  public Instant end() {
    return start.plus(duration);
  }

  /** True when the correction applies to {@code slo}. */
  public boolean appliesTo(Slo slo) {
    return scope.appliesTo(slo);
  }

  /**
   * The occurrences that overlap {@code range}, in time order: the interval itself for a one-off
   * correction, each occurrence of the recurrence otherwise.
   *
   * @throws InvalidInputException when a recurrence has more than 100,000 occurrences in the range
   */
  public List<Window> occurrences(Window range) {
    if (recurrence == null) {
      Window w = new Window(start, end());
      return w.start().isBefore(range.end()) && range.start().isBefore(w.end())
          ? List.of(w)
          : List.of();
    }
    return Occurrences.expand(recurrence, start, timeZone, duration, range);
  }
}
