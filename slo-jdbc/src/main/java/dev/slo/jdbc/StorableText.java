package dev.slo.jdbc;

import dev.slo.core.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Checks that text can be stored in PostgreSQL, which rejects NUL (U+0000) in text and JSON.
 * Stateless and thread-safe.
 */
final class StorableText {
  private StorableText() {}

  /**
   * Returns {@code value} unchanged when storable.
   *
   * @throws InvalidInputException naming the value (NUL shown as \0) and the field
   */
  static @Nullable String require(@Nullable String value, String field, String owner) {
    if (value != null && value.indexOf('\0') >= 0) {
      throw new InvalidInputException(
          "\""
              + printable(value)
              + "\" is not a valid "
              + field
              + " of "
              + owner
              + ": PostgreSQL cannot store the NUL character (U+0000)");
    }
    return value;
  }

  /** The value on one line: NUL, CR and LF escaped, cut at 120 characters. */
  static String printable(String value) {
    String s = value.replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r");
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
