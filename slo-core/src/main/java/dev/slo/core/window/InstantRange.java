package dev.slo.core.window;

import dev.slo.core.InvalidInputException;
import dev.slo.core.data.DataFileReader;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * The instants slo evaluates at: from 1970 to 2262. Event times are kept as 64-bit nanoseconds
 * since 1970, which end in April 2262.
 */
public final class InstantRange {
  /** The earliest instant slo evaluates at. */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  /** The latest instant slo evaluates at. */
  public static final Instant LATEST = Instant.parse("2262-01-01T00:00:00Z");

  private InstantRange() {}

  /**
   * The instant {@code text} names: ISO-8601 with an offset ({@code 2026-11-01T00:00:00Z}) or epoch
   * seconds with up to nine decimals, surrounding blanks ignored, in the range ({@link #require}).
   *
   * @throws InvalidInputException "not a valid instant; ..." or "the instant T is out of range;
   *     ...", for the caller to prefix with where the text came from
   */
  public static Instant parse(String text) {
    Instant t;
    try {
      t = DataFileReader.parseInstant(text);
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw new InvalidInputException(
          "not a valid instant; use ISO-8601 with an offset (2026-11-01T00:00:00Z) or epoch"
              + " seconds");
    }
    return require(t);
  }

  /**
   * {@code t} when it lies in [{@link #EARLIEST}, {@link #LATEST}].
   *
   * @throws InvalidInputException "the instant T is out of range; ...", for the caller to prefix
   *     with where the instant came from
   */
  public static Instant require(Instant t) {
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw new InvalidInputException(
          "the instant " + t + " is out of range; use one from " + EARLIEST + " to " + LATEST);
    }
    return t;
  }
}
