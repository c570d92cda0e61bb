package dev.slo.core.data;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.ValidationException;
import dev.slo.core.model.GroupId;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;

/**
 * Turns one row's field texts into a validated {@link DataRow}: timestamp, slo_id or group id,
 * labels and counts, each bad value named with file and line. The slow path of {@link
 * DataFileReader}, for every row {@link FastRow} leaves to it. Thread-safe; no state.
 */
final class DataRows {
  private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile("\\d{1,19}");
  // the range of epoch nanoseconds in a long, which event series store
  private static final Instant EARLIEST = Instant.ofEpochSecond(0, Long.MIN_VALUE);
  private static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);

  private DataRows() {}

  /**
   * One row from its field texts, each trimmed here; {@code labels} empty when it has none.
   *
   * @throws InvalidInputException naming file, line and the first bad field
   */
  static DataRow row(
      String source,
      int line,
      String ts,
      String id,
      String good,
      String total,
      Map<String, String> labels) {
    Instant t = timestamp(source, line, ts.trim());
    String sloId = id.trim();
    if (sloId.isEmpty()) {
      throw bad(source, line, "slo_id is empty");
    }
    if (GroupId.isGroupForm(sloId)) {
      if (!labels.isEmpty()) {
        throw bad(
            source,
            line,
            Printable.quote(sloId)
                + " is a group id and the row has labels too; give the labels in one place");
      }
      try {
        GroupId g = GroupId.parse(sloId);
        sloId = g.baseId();
        labels = g.labels();
      } catch (ValidationException e) {
        throw bad(source, line, String.valueOf(e.getMessage()));
      }
    } else if (!labels.isEmpty()) {
      try {
        GroupId.format(sloId, labels);
      } catch (ValidationException e) {
        throw bad(source, line, "labels: " + e.getMessage());
      }
    }
    long g = count(source, line, "good_events", good.trim());
    long n = count(source, line, "total_events", total.trim());
    if (g > n) {
      throw bad(
          source,
          line,
          "good_events " + g + " exceeds total_events " + n + "; good must be <= total");
    }
    return new DataRow(line, t, sloId, g, n, labels);
  }

  private static Instant timestamp(String source, int line, String s) {
    Instant t;
    try {
      t = DataFileReader.parseInstant(s);
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw bad(
          source,
          line,
          Printable.quote(s)
              + " is not a valid timestamp; use ISO-8601 with an offset"
              + " (2026-11-01T10:00:00Z) or epoch seconds");
    }
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw bad(
          source,
          line,
          Printable.quote(s)
              + " is not a valid timestamp: it is outside the supported range "
              + EARLIEST
              + " to "
              + LATEST);
    }
    return t;
  }

  private static long count(String source, int line, String field, String s) {
    if (!COUNT.matcher(s).matches()) {
      throw bad(
          source,
          line,
          Printable.quote(s) + " is not a valid " + field + "; use a whole number >= 0");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw bad(source, line, Printable.quote(s) + " is too large for " + field);
    }
  }

  /** An error for line {@code line} of {@code source}. */
  static InvalidInputException bad(String source, int line, String message) {
    return new InvalidInputException(source + ":" + line + ": " + message);
  }
}
