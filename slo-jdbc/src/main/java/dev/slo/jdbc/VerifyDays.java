package dev.slo.jdbc;

import dev.slo.core.InvalidInputException;
import dev.slo.core.ValidationException;
import dev.slo.core.data.DataFileReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The whole UTC days that {@link JdbcStore#verify} checks: from the start of the first day to the
 * end of the last. Immutable.
 *
 * @param from the start of the first day
 * @param to the end of the last day (the start of the day after it)
 */
public record VerifyDays(Instant from, Instant to) {

  /**
   * The days from {@code first} to {@code last}, each an RFC 3339 timestamp or Unix seconds within
   * the day; by default from two days before {@code now} to the day of {@code now}. The range may
   * be empty (first after last): callers say so in their own words.
   *
   * @throws ValidationException for {@code from} or {@code to} when the text is not a timestamp:
   *     {@code "x: not a timestamp; use RFC 3339 or Unix seconds"}
   */
  public static VerifyDays of(@Nullable String first, @Nullable String last, Instant now) {
    Instant lo = first == null ? now.minus(2, ChronoUnit.DAYS) : instant("from", first);
    Instant hi = last == null ? now : instant("to", last);
    return new VerifyDays(day(lo), day(hi).plus(1, ChronoUnit.DAYS));
  }

  /** True when the range holds no day. */
  public boolean isEmpty() {
    return !from.isBefore(to);
  }

  private static Instant day(Instant t) {
    return t.truncatedTo(ChronoUnit.DAYS);
  }

  private static Instant instant(String field, String text) {
    try {
      return DataFileReader.parseInstant(text);
    } catch (IllegalArgumentException | InvalidInputException | java.time.DateTimeException e) {
      throw ValidationException.withMessage(
          field, text, text + ": not a timestamp; use RFC 3339 or Unix seconds");
    }
  }
}
