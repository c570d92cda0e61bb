package dev.slo.interop;

import dev.slo.core.model.TimePeriod;
import dev.slo.core.window.DurationText;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * OpenSLO time windows and duration shorthands ({@code 28d}, {@code 2w}, {@code 1M}, {@code 1Q},
 * {@code 1Y}) as slo periods. Thread-safe; no state.
 */
final class Periods {
  private static final Pattern SHORTHAND = Pattern.compile("(\\d+)([smhdwMQY])");
  private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Periods() {}

  /** A period and its zone. */
  record Window(TimePeriod period, ZoneId zone) {}

  /**
   * A rolling or calendar window; problems and approximations are reported at {@code f}.
   *
   * @return null when it cannot be read
   */
  static @Nullable Window window(
      Fields f,
      String durationKey,
      @Nullable String text,
      boolean rolling,
      @Nullable Fields calendar) {
    Matcher m = SHORTHAND.matcher(text == null ? "" : text.trim());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      f.error(
          durationKey,
          "\""
              + text
              + "\" is not a valid duration; use a positive number and m, h, d, w, M, Q or Y, like 28d or 1M");
      return null;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2);
    ZoneId zone = ZoneId.of("UTC");
    LocalDateTime start = null;
    if (calendar != null) {
      String tz = calendar.text("timeZone", false);
      if (tz != null) {
        try {
          zone = ZoneId.of(tz.trim());
        } catch (DateTimeException e) {
          calendar.error(
              "timeZone",
              dev.slo.core.Printable.quote(tz)
                  + " is not a valid timeZone; use an IANA name such as Europe/Berlin");
          return null;
        }
      }
      String st = calendar.text("startTime", false);
      if (st != null) {
        try {
          start = LocalDateTime.parse(st.trim().replace('T', ' '), START);
        } catch (DateTimeParseException e) {
          calendar.error(
              "startTime",
              dev.slo.core.Printable.quote(st)
                  + " is not a valid startTime; use 2024-01-01 00:00:00");
          return null;
        }
      }
    }
    if (rolling) {
      Duration d =
          switch (unit) {
            case "M" -> approx(f, durationKey, text, Duration.ofDays(30 * n));
            case "Q" -> approx(f, durationKey, text, Duration.ofDays(90 * n));
            case "Y" -> approx(f, durationKey, text, Duration.ofDays(365 * n));
            default -> DurationText.parse(n + unit);
          };
      return new Window(TimePeriod.rolling(d), zone);
    }
    if (n != 1 || unit.equals("s") || unit.equals("m") || unit.equals("h") || unit.equals("d")) {
      f.error(
          durationKey,
          "\""
              + text
              + "\" is not a supported calendar window; slo aligns 1w, 1M, 1Q and 1Y to the"
              + " calendar (use isRolling: true for other lengths)"
              + (unit.equals("m") ? "; m is minutes: did you mean " + n + "M (months)?" : ""));
      return null;
    }
    TimePeriod p =
        switch (unit) {
          case "w" ->
              TimePeriod.calendarWeek(start == null ? DayOfWeek.MONDAY : start.getDayOfWeek());
          case "M" -> TimePeriod.CALENDAR_MONTH;
          case "Q" -> TimePeriod.CALENDAR_QUARTER;
          default -> TimePeriod.CALENDAR_YEAR;
        };
    if (start != null) {
      boolean aligned =
          start.toLocalTime().toSecondOfDay() == 0
              && switch (unit) {
                case "M" -> start.getDayOfMonth() == 1;
                case "Q" -> start.getDayOfMonth() == 1 && (start.getMonthValue() - 1) % 3 == 0;
                case "Y" -> start.getDayOfYear() == 1;
                default -> true;
              };
      if (!aligned && calendar != null) {
        calendar.warn(
            "startTime",
            "approximated: "
                + start.toString().replace('T', ' ')
                + " is not the start of a calendar "
                + Objects.requireNonNull(p.calendarUnit()).name().toLowerCase(java.util.Locale.ROOT)
                + "; slo starts "
                + p.name()
                + " at local midnight of its first day");
      }
    }
    return new Window(p, zone);
  }

  private static Duration approx(Fields f, String key, @Nullable String text, Duration d) {
    f.warn(key, "approximated: a rolling " + text + " is read as " + DurationText.format(d));
    return d;
  }

  /** An OpenSLO duration for a period, and whether it is rolling. */
  static String shorthand(TimePeriod p) {
    Duration d = p.rollingLength();
    if (d != null) {
      if (d.equals(Duration.ofDays(d.toDays()))) {
        return d.toDays() + "d";
      }
      if (d.equals(Duration.ofHours(d.toHours()))) {
        return d.toHours() + "h";
      }
      return d.toMinutes() + "m";
    }
    return switch (Objects.requireNonNull(p.calendarUnit(), "a calendar period's unit")) {
      case WEEK -> "1w";
      case MONTH -> "1M";
      case QUARTER -> "1Q";
      case YEAR -> "1Y";
    };
  }
}
