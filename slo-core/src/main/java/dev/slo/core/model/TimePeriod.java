package dev.slo.core.model;

import dev.slo.core.window.DurationText;
import dev.slo.core.window.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The compliance period: a rolling window of any length ending at the evaluation instant, or a
 * calendar week, month, quarter or year that starts at local midnight in the SLO's time zone. Weeks
 * start on a configurable day (Monday by default). Immutable; equal periods are equal values.
 *
 * <p>Names: the six names of docs/openapi.json ({@code ROLLING_1H}, {@code ROLLING_24H}, {@code
 * ROLLING_7D}, {@code ROLLING_30D}, {@code CALENDAR_MONTH}, {@code CALENDAR_QUARTER}) keep their
 * spelling; other rolling lengths are {@code ROLLING_} plus the length ({@code ROLLING_28D}, {@code
 * ROLLING_12H}, {@code ROLLING_1H30M}); calendar periods are {@code CALENDAR_WEEK}, {@code
 * CALENDAR_YEAR}, and {@code CALENDAR_WEEK_SUNDAY} (etc.) for weeks that do not start on Monday.
 */
public final class TimePeriod {
  /** The calendar unit of a calendar period. */
  public enum CalendarUnit {
    WEEK,
    MONTH,
    QUARTER,
    YEAR
  }

  public static final TimePeriod ROLLING_1H = rolling(Duration.ofHours(1));
  public static final TimePeriod ROLLING_24H = rolling(Duration.ofHours(24));
  public static final TimePeriod ROLLING_7D = rolling(Duration.ofDays(7));
  public static final TimePeriod ROLLING_30D = rolling(Duration.ofDays(30));
  public static final TimePeriod CALENDAR_WEEK = calendarWeek(DayOfWeek.MONDAY);
  public static final TimePeriod CALENDAR_MONTH = new TimePeriod(null, CalendarUnit.MONTH, null);
  public static final TimePeriod CALENDAR_QUARTER =
      new TimePeriod(null, CalendarUnit.QUARTER, null);
  public static final TimePeriod CALENDAR_YEAR = new TimePeriod(null, CalendarUnit.YEAR, null);

  /** The six periods named in docs/openapi.json, in its order. */
  public static final List<TimePeriod> NAMED =
      List.of(ROLLING_1H, ROLLING_24H, ROLLING_7D, ROLLING_30D, CALENDAR_MONTH, CALENDAR_QUARTER);

  private final @Nullable Duration rollingLength;
  private final @Nullable CalendarUnit unit;
  private final @Nullable DayOfWeek weekStart;

  private TimePeriod(
      @Nullable Duration rollingLength,
      @Nullable CalendarUnit unit,
      @Nullable DayOfWeek weekStart) {
    this.rollingLength = rollingLength;
    this.unit = unit;
    this.weekStart = weekStart;
  }

  /**
   * A rolling period of the given length.
   *
   * @throws IllegalArgumentException when the length is not positive
   */
  public static TimePeriod rolling(Duration length) {
    Objects.requireNonNull(length, "length");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException(length + " is not a valid period length: use > 0");
    }
    return new TimePeriod(length, null, null);
  }

  /** A calendar week starting at local midnight on {@code start}. */
  public static TimePeriod calendarWeek(DayOfWeek start) {
    return new TimePeriod(null, CalendarUnit.WEEK, Objects.requireNonNull(start, "start"));
  }

  /** A calendar period of the given unit; weeks start on Monday. */
  public static TimePeriod calendar(CalendarUnit unit) {
    return switch (unit) {
      case WEEK -> CALENDAR_WEEK;
      case MONTH -> CALENDAR_MONTH;
      case QUARTER -> CALENDAR_QUARTER;
      case YEAR -> CALENDAR_YEAR;
    };
  }

  /**
   * The period with this name (see the class doc), case-insensitive, '-' read as '_'. Also accepts
   * a bare duration ({@code 28d}, {@code 2w}) for a rolling period.
   *
   * @throws IllegalArgumentException naming the text and the valid spellings
   */
  public static TimePeriod valueOf(@Nullable String name) {
    String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    switch (n) {
      case "CALENDAR_WEEK":
        return CALENDAR_WEEK;
      case "CALENDAR_MONTH":
        return CALENDAR_MONTH;
      case "CALENDAR_QUARTER":
        return CALENDAR_QUARTER;
      case "CALENDAR_YEAR":
        return CALENDAR_YEAR;
      default:
        break;
    }
    try {
      if (n.startsWith("CALENDAR_WEEK_")) {
        return calendarWeek(DayOfWeek.valueOf(n.substring("CALENDAR_WEEK_".length())));
      }
      String length = n.startsWith("ROLLING_") ? n.substring("ROLLING_".length()) : n;
      return rolling(DurationText.parse(length));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          dev.slo.core.Printable.quote(name)
              + " is not a valid time_period; valid values: ROLLING_1H, ROLLING_24H,"
              + " ROLLING_7D, ROLLING_30D, CALENDAR_MONTH, CALENDAR_QUARTER, ROLLING_<length>"
              + " such as ROLLING_28D or ROLLING_12H, CALENDAR_WEEK, CALENDAR_WEEK_<day> such as"
              + " CALENDAR_WEEK_SUNDAY, CALENDAR_YEAR",
          e);
    }
  }

  /** The name, as described in the class doc; {@link #valueOf} reads it back. */
  public String name() {
    if (unit == null) {
      Duration length = rollingLengthOrThrow();
      if (length.equals(Duration.ofHours(24))) {
        return "ROLLING_24H";
      }
      return "ROLLING_" + DurationText.format(length).toUpperCase(Locale.ROOT);
    }
    if (unit == CalendarUnit.WEEK && weekStart != null && weekStart != DayOfWeek.MONDAY) {
      return "CALENDAR_WEEK_" + weekStart.name();
    }
    return "CALENDAR_" + unit.name();
  }

  /** True for calendar weeks, months, quarters and years. */
  public boolean isCalendar() {
    return unit != null;
  }

  /** The length of a rolling period; null for calendar periods. */
  public @Nullable Duration rollingLength() {
    return rollingLength;
  }

  /** The unit of a calendar period; null for rolling periods. */
  public @Nullable CalendarUnit calendarUnit() {
    return unit;
  }

  /** The first day of a calendar week; null for other periods. */
  public @Nullable DayOfWeek weekStart() {
    return weekStart;
  }

  /**
   * The period that an evaluation at {@code at} covers: {@code (at - length, at]} for rolling
   * periods; for calendar periods {@code (start, end]} of the week, month, quarter or year whose
   * interval holds {@code at}, where start is local midnight of its first day in {@code zone}
   * (DST-correct). An instant exactly at a calendar boundary closes the period before it.
   *
   * @return the full period; for calendar periods its end is after {@code at} unless {@code at} is
   *     exactly the end
   */
  public Window periodAt(Instant at, ZoneId zone) {
    if (unit == null) {
      return Window.ending(at, rollingLengthOrThrow());
    }
    LocalDate first = firstDay(at.atZone(zone).toLocalDate());
    ZonedDateTime start = first.atStartOfDay(zone);
    if (!start.toInstant().isBefore(at)) {
      first = firstDay(first.minusDays(1));
      start = first.atStartOfDay(zone);
    }
    ZonedDateTime end = next(first).atStartOfDay(zone);
    return new Window(start.toInstant(), end.toInstant());
  }

  /** The part of the period that has elapsed at {@code at}: {@code (period start, at]}. */
  public Window elapsedAt(Instant at, ZoneId zone) {
    Window period = periodAt(at, zone);
    return new Window(period.start(), at);
  }

  private Duration rollingLengthOrThrow() {
    return Objects.requireNonNull(rollingLength, "a rolling period has a length");
  }

  private CalendarUnit unitOrThrow() {
    return Objects.requireNonNull(unit, "a calendar period has a unit");
  }

  private LocalDate firstDay(LocalDate d) {
    return switch (unitOrThrow()) {
      case WEEK ->
          d.with(
              TemporalAdjusters.previousOrSame(
                  Objects.requireNonNull(weekStart, "a week's start")));
      case MONTH -> d.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
      case YEAR -> LocalDate.of(d.getYear(), 1, 1);
    };
  }

  private LocalDate next(LocalDate first) {
    return switch (unitOrThrow()) {
      case WEEK -> first.plusWeeks(1);
      case MONTH -> first.plusMonths(1);
      case QUARTER -> first.plusMonths(3);
      case YEAR -> first.plusYears(1);
    };
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TimePeriod p
        && Objects.equals(rollingLength, p.rollingLength)
        && unit == p.unit
        && weekStart == p.weekStart;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rollingLength, unit, weekStart);
  }

  /** The name. */
  @Override
  public String toString() {
    return name();
  }
}
