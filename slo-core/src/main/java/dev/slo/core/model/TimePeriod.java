package dev.slo.core.model;

import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * {@code time_period} (docs/spec.md): rolling windows of a fixed length ending at the evaluation
 * instant, or calendar months and quarters that start at local midnight in the SLO's time zone.
 */
public enum TimePeriod {
  ROLLING_1H(Duration.ofHours(1), 0),
  ROLLING_24H(Duration.ofHours(24), 0),
  ROLLING_7D(Duration.ofDays(7), 0),
  ROLLING_30D(Duration.ofDays(30), 0),
  CALENDAR_MONTH(null, 1),
  CALENDAR_QUARTER(null, 3);

  private final Duration rollingLength;
  private final int months;

  TimePeriod(Duration rollingLength, int months) {
    this.rollingLength = rollingLength;
    this.months = months;
  }

  /** True for CALENDAR_MONTH and CALENDAR_QUARTER. */
  public boolean isCalendar() {
    return rollingLength == null;
  }

  /**
   * The period that an evaluation at {@code at} covers: {@code (at - length, at]} for rolling
   * periods; for calendar periods {@code (start, end]} of the month or quarter whose interval holds
   * {@code at}, where start is local midnight of its first day in {@code zone} (DST-correct). An
   * instant exactly at a calendar boundary closes the period before it.
   *
   * @return the full period; for calendar periods its end is after {@code at} unless {@code at} is
   *     exactly the end
   */
  public Window periodAt(Instant at, ZoneId zone) {
    if (!isCalendar()) {
      return Window.ending(at, rollingLength);
    }
    LocalDate local = at.atZone(zone).toLocalDate();
    int firstMonth = (local.getMonthValue() - 1) / months * months + 1;
    LocalDate first = LocalDate.of(local.getYear(), firstMonth, 1);
    ZonedDateTime start = first.atStartOfDay(zone);
    if (!start.toInstant().isBefore(at)) {
      first = first.minusMonths(months);
      start = first.atStartOfDay(zone);
    }
    ZonedDateTime end = first.plusMonths(months).atStartOfDay(zone);
    return new Window(start.toInstant(), end.toInstant());
  }

  /** The part of the period that has elapsed at {@code at}: {@code (period start, at]}. */
  public Window elapsedAt(Instant at, ZoneId zone) {
    Window period = periodAt(at, zone);
    return new Window(period.start(), at);
  }
}
