package dev.slo.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Period starts and lengths, worked out by hand from calendars and the zones' DST rules. */
class TimePeriodTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest(name = "{0} -> ({1}, {2}]")
  @CsvSource({
    // months of 31, 28, 30 days; February in a leap year; February of century years
    "2026-01-17T08:00:00Z, 2026-01-01T00:00:00Z, 2026-02-01T00:00:00Z, 744",
    "2026-02-10T00:00:01Z, 2026-02-01T00:00:00Z, 2026-03-01T00:00:00Z, 672",
    "2026-04-30T23:59:59Z, 2026-04-01T00:00:00Z, 2026-05-01T00:00:00Z, 720",
    "2028-02-29T12:00:00Z, 2028-02-01T00:00:00Z, 2028-03-01T00:00:00Z, 696",
    "2100-02-15T00:00:00Z, 2100-02-01T00:00:00Z, 2100-03-01T00:00:00Z, 672",
    "2000-02-15T00:00:00Z, 2000-02-01T00:00:00Z, 2000-03-01T00:00:00Z, 696",
    "2026-12-31T23:59:59.999999999Z, 2026-12-01T00:00:00Z, 2027-01-01T00:00:00Z, 744",
  })
  void shouldCoverTheCalendarMonthInUtc(Instant at, Instant start, Instant end, long hours) {
    Window w = TimePeriod.CALENDAR_MONTH.periodAt(at, UTC);

    assertThat(w).isEqualTo(new Window(start, end));
    assertThat(w.length()).isEqualTo(Duration.ofHours(hours));
  }

  @Test
  void shouldGiveAnInstantAtTheBoundaryToThePeriodThatEndsThere() {
    Instant midnight = Instant.parse("2026-03-01T00:00:00Z");

    assertThat(TimePeriod.CALENDAR_MONTH.periodAt(midnight, UTC))
        .isEqualTo(new Window(Instant.parse("2026-02-01T00:00:00Z"), midnight));
    assertThat(TimePeriod.CALENDAR_MONTH.periodAt(midnight.plusNanos(1), UTC))
        .isEqualTo(new Window(midnight, Instant.parse("2026-04-01T00:00:00Z")));
    assertThat(TimePeriod.CALENDAR_QUARTER.periodAt(Instant.parse("2026-07-01T00:00:00Z"), UTC))
        .isEqualTo(
            new Window(
                Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z")));
  }

  @ParameterizedTest(name = "{0} -> ({1}, {2}]")
  @CsvSource({
    // Q1 2026: 31+28+31 = 90 days; Q1 2028 (leap): 91; Q2: 91; Q3: 92; Q4: 92
    "2026-02-14T00:00:00Z, 2026-01-01T00:00:00Z, 2026-04-01T00:00:00Z, 90",
    "2028-03-31T23:00:00Z, 2028-01-01T00:00:00Z, 2028-04-01T00:00:00Z, 91",
    "2026-04-01T00:00:01Z, 2026-04-01T00:00:00Z, 2026-07-01T00:00:00Z, 91",
    "2026-09-30T00:00:00Z, 2026-07-01T00:00:00Z, 2026-10-01T00:00:00Z, 92",
    "2026-11-11T11:11:11Z, 2026-10-01T00:00:00Z, 2027-01-01T00:00:00Z, 92",
  })
  void shouldCoverTheCalendarQuarterInUtc(Instant at, Instant start, Instant end, long days) {
    Window w = TimePeriod.CALENDAR_QUARTER.periodAt(at, UTC);

    assertThat(w).isEqualTo(new Window(start, end));
    assertThat(w.length()).isEqualTo(Duration.ofDays(days));
  }

  @ParameterizedTest(name = "{0} {1} -> ({2}, {3}]")
  @CsvSource({
    // New York: DST starts 2026-03-08 (EST -5 -> EDT -4): March is 31 days minus 1 hour
    "America/New_York, 2026-03-20T00:00:00Z, 2026-03-01T05:00:00Z, 2026-04-01T04:00:00Z, 743",
    // DST ends 2026-11-01 at 02:00 EDT: November is 30 days plus 1 hour
    "America/New_York, 2026-11-15T00:00:00Z, 2026-11-01T04:00:00Z, 2026-12-01T05:00:00Z, 721",
    // 23:30 EST on Feb 28 is still February in New York although March in UTC
    "America/New_York, 2026-03-01T04:30:00Z, 2026-02-01T05:00:00Z, 2026-03-01T05:00:00Z, 672",
    "America/New_York, 2026-03-01T05:00:00Z, 2026-02-01T05:00:00Z, 2026-03-01T05:00:00Z, 672",
    "America/New_York, 2026-03-01T05:00:00.000000001Z, 2026-03-01T05:00:00Z,"
        + " 2026-04-01T04:00:00Z, 743",
    // a month without a change: July, EDT throughout
    "America/New_York, 2026-07-04T16:00:00Z, 2026-07-01T04:00:00Z, 2026-08-01T04:00:00Z, 744",
    // Berlin: DST starts 2026-03-29 (CET +1 -> CEST +2)
    "Europe/Berlin, 2026-03-29T12:00:00Z, 2026-02-28T23:00:00Z, 2026-03-31T22:00:00Z, 743",
    // DST ends 2026-10-25: October is 31 days plus 1 hour
    "Europe/Berlin, 2026-10-25T01:30:00Z, 2026-09-30T22:00:00Z, 2026-10-31T23:00:00Z, 745",
    // 00:30 CEST on Oct 1 is 22:30 UTC on Sep 30
    "Europe/Berlin, 2026-09-30T22:30:00Z, 2026-09-30T22:00:00Z, 2026-10-31T23:00:00Z, 745",
  })
  void shouldStartMonthsAtLocalMidnightAcrossDst(
      String zone, Instant at, Instant start, Instant end, long hours) {
    Window w = TimePeriod.CALENDAR_MONTH.periodAt(at, ZoneId.of(zone));

    assertThat(w).isEqualTo(new Window(start, end));
    assertThat(w.length()).isEqualTo(Duration.ofHours(hours));
  }

  @Test
  void shouldStartQuartersAtLocalMidnightAcrossDst() {
    // Q1 2026 in New York: Jan 1 00:00 EST to Apr 1 00:00 EDT = 90 days - 1 hour
    Window q1 =
        TimePeriod.CALENDAR_QUARTER.periodAt(Instant.parse("2026-02-01T00:00:00Z"), NEW_YORK);
    // Q4 2026 in Berlin: Oct 1 00:00 CEST to Jan 1 00:00 CET = 92 days + 1 hour
    Window q4 = TimePeriod.CALENDAR_QUARTER.periodAt(Instant.parse("2026-12-31T22:59:59Z"), BERLIN);

    assertThat(q1)
        .isEqualTo(
            new Window(
                Instant.parse("2026-01-01T05:00:00Z"), Instant.parse("2026-04-01T04:00:00Z")));
    assertThat(q1.length()).isEqualTo(Duration.ofDays(90).minusHours(1));
    assertThat(q4)
        .isEqualTo(
            new Window(
                Instant.parse("2026-09-30T22:00:00Z"), Instant.parse("2026-12-31T23:00:00Z")));
    assertThat(q4.length()).isEqualTo(Duration.ofDays(92).plusHours(1));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ROLLING_1H, 1", "ROLLING_24H, 24", "ROLLING_7D, 168", "ROLLING_30D, 720"})
  void shouldEndRollingPeriodsAtTheInstant(TimePeriod period, long hours) {
    Instant at = Instant.parse("2026-03-08T07:00:00Z"); // a DST day in New York: no effect

    Window w = period.periodAt(at, NEW_YORK);

    assertThat(w).isEqualTo(new Window(at.minus(Duration.ofHours(hours)), at));
    assertThat(period.isCalendar()).isFalse();
  }

  @Test
  void shouldReportElapsedPartOfTheCalendarPeriod() {
    Instant at = Instant.parse("2026-03-20T00:00:00Z");

    assertThat(TimePeriod.CALENDAR_MONTH.elapsedAt(at, NEW_YORK))
        .isEqualTo(new Window(Instant.parse("2026-03-01T05:00:00Z"), at));
  }
}
