package dev.slo.core.window;

import dev.slo.core.Printable;
import dev.slo.core.ValidationException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations in the Prometheus style used throughout slo: {@code 30s}, {@code 5m},
 * {@code 1h30m}, {@code 3d}, {@code 2w}. Thread-safe.
 */
public final class DurationText {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d|w))+");

  /** The longest duration accepted: 100 years of 365 days, far beyond any window or period. */
  private static final Duration MAX = Duration.ofDays(36_500);

  private static final String MAX_TEXT = "36500d";

  private DurationText() {}

  /**
   * As {@link #parse(String)}, for a setting named {@code field}.
   *
   * @throws ValidationException for {@code field}, with {@link #parse(String)}'s message: {@code
   *     "soon" is not a duration; use ...}
   */
  public static Duration parse(String field, String text) {
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw ValidationException.withMessage(field, text, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Parses a duration such as {@code 5m} or {@code 1h30m}.
   *
   * @throws IllegalArgumentException naming the text when it is not a positive duration
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (!WHOLE.matcher(t).matches()) {
      throw new IllegalArgumentException(
          Printable.quote(text)
              + " is not a duration; use a number and a unit, like 30s, 5m, 1h or 7d");
    }
    Duration d = Duration.ZERO;
    Matcher m = PART.matcher(t);
    try {
      while (m.find()) {
        long n = Long.parseLong(m.group(1));
        d =
            d.plus(
                switch (m.group(2)) {
                  case "ms" -> Duration.ofMillis(n);
                  case "s" -> Duration.ofSeconds(n);
                  case "m" -> Duration.ofMinutes(n);
                  case "h" -> Duration.ofHours(n);
                  case "d" -> Duration.ofDays(n);
                  default -> Duration.ofDays(Math.multiplyExact(7, n));
                });
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(
          Printable.quote(text) + " is too long a duration; use at most " + MAX_TEXT);
    }
    if (d.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          Printable.quote(text) + " is too long a duration; use at most " + MAX_TEXT);
    }
    if (d.isZero()) {
      throw new IllegalArgumentException(
          Printable.quote(text) + " is zero; a duration must be positive");
    }
    return d;
  }

  /**
   * Prints a window length exactly, largest units first: {@code 5m}, {@code 1h}, {@code 3d}, {@code
   * 1d2h}, {@code 90s}.
   */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    StringBuilder sb = new StringBuilder();
    long seconds = d.getSeconds();
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long secs = seconds % 60;
    append(sb, days, "d");
    append(sb, hours, "h");
    append(sb, minutes, "m");
    append(sb, secs, "s");
    if (d.getNano() != 0) {
      append(sb, d.getNano() / 1_000_000, "ms");
    }
    return sb.toString();
  }

  /**
   * Prints a time to exhaustion in whole minutes, rounded down, as the API does: {@code 12h},
   * {@code 3d14h24m}. A positive duration under a minute prints as whole seconds ({@code 42s}).
   */
  public static String formatMinutes(Duration d) {
    if (d.isNegative() || d.isZero()) {
      return "0s";
    }
    Duration whole = Duration.ofMinutes(d.toMinutes());
    if (whole.isZero()) {
      return Math.max(1, d.getSeconds()) + "s";
    }
    return format(whole);
  }

  private static void append(StringBuilder sb, long value, String unit) {
    if (value != 0) {
      sb.append(value).append(unit);
    }
  }
}
