package dev.slo.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimePeriodBoundaryTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void shouldEndRollingPeriodsAtTheEvaluationInstant() {
    Instant t = Instant.parse("2026-11-20T12:00:00Z");
    assertThat(TimePeriod.ROLLING_1H.periodAt(t, UTC))
        .isEqualTo(new Window(Instant.parse("2026-11-20T11:00:00Z"), t));
    assertThat(TimePeriod.ROLLING_24H.periodAt(t, UTC).length()).isEqualTo(Duration.ofHours(24));
    assertThat(TimePeriod.ROLLING_7D.periodAt(t, UTC).length()).isEqualTo(Duration.ofDays(7));
    assertThat(TimePeriod.ROLLING_30D.periodAt(t, UTC).start())
        .isEqualTo(Instant.parse("2026-10-21T12:00:00Z"));
  }

  @ParameterizedTest(name = "{0}: {1} days")
  @CsvSource({
    "2026-01-15T00:00:00Z, 31",
    "2026-02-15T00:00:00Z, 28",
    "2028-02-29T12:00:00Z, 29",
    "2026-04-30T23:59:59Z, 30",
    "2100-02-10T00:00:00Z, 28",
    "2000-02-10T00:00:00Z, 29"
  })
  void shouldGiveMonthsTheirCalendarLength(String at, int days) {
    Window w = TimePeriod.CALENDAR_MONTH.periodAt(Instant.parse(at), UTC);
    assertThat(w.length()).isEqualTo(Duration.ofDays(days));
    assertThat(w.contains(Instant.parse(at))).isTrue();
  }

  @Test
  void shouldCloseTheMonthBeforeAnInstantExactlyAtMidnightOfTheFirst() {
    Window w = TimePeriod.CALENDAR_MONTH.periodAt(Instant.parse("2026-11-01T00:00:00Z"), UTC);
    assertThat(w)
        .isEqualTo(
            new Window(
                Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")));
    Window next =
        TimePeriod.CALENDAR_MONTH.periodAt(Instant.parse("2026-11-01T00:00:00.000000001Z"), UTC);
    assertThat(next.start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-02-15T00:00:00Z, 2026-01-01T00:00:00Z, 2026-04-01T00:00:00Z",
    "2026-05-01T00:00:00Z, 2026-04-01T00:00:00Z, 2026-07-01T00:00:00Z",
    "2026-07-01T00:00:00Z, 2026-04-01T00:00:00Z, 2026-07-01T00:00:00Z",
    "2026-12-31T23:59:59Z, 2026-10-01T00:00:00Z, 2027-01-01T00:00:00Z",
    "2028-03-01T00:00:01Z, 2028-01-01T00:00:00Z, 2028-04-01T00:00:00Z"
  })
  void shouldStartQuartersInJanuaryAprilJulyAndOctober(String at, String start, String end) {
    Window w = TimePeriod.CALENDAR_QUARTER.periodAt(Instant.parse(at), UTC);
    assertThat(w).isEqualTo(new Window(Instant.parse(start), Instant.parse(end)));
  }

  @Test
  void shouldGiveQuartersTheirLengths() {
    assertThat(len(TimePeriod.CALENDAR_QUARTER, "2026-02-01T00:00:00Z", UTC)).isEqualTo(days(90));
    assertThat(len(TimePeriod.CALENDAR_QUARTER, "2028-02-01T00:00:00Z", UTC)).isEqualTo(days(91));
    assertThat(len(TimePeriod.CALENDAR_QUARTER, "2026-05-01T00:00:00Z", UTC)).isEqualTo(days(91));
    assertThat(len(TimePeriod.CALENDAR_QUARTER, "2026-08-01T00:00:00Z", UTC)).isEqualTo(days(92));
  }

  @Test
  void shouldFollowDaylightSavingInNewYork() {
    // DST starts 2026-03-08 in New York: March is one hour short, November one hour long.
    Window march =
        TimePeriod.CALENDAR_MONTH.periodAt(Instant.parse("2026-03-20T12:00:00Z"), NEW_YORK);
    assertThat(march.start()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
    assertThat(march.end()).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
    assertThat(march.length()).isEqualTo(days(31).minusHours(1));
    Window nov =
        TimePeriod.CALENDAR_MONTH.periodAt(Instant.parse("2026-11-20T12:00:00Z"), NEW_YORK);
    assertThat(nov.length()).isEqualTo(days(30).plusHours(1));
    // Local 23:00 on Oct 31 is 03:00 UTC on Nov 1: still October in New York.
    Window oct =
        TimePeriod.CALENDAR_MONTH.periodAt(Instant.parse("2026-11-01T03:00:00Z"), NEW_YORK);
    assertThat(oct.start()).isEqualTo(Instant.parse("2026-10-01T04:00:00Z"));
    assertThat(oct.end()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
  }

  @Test
  void shouldFollowDaylightSavingInBerlin() {
    Window march =
        TimePeriod.CALENDAR_MONTH.periodAt(Instant.parse("2026-03-29T12:00:00Z"), BERLIN);
    assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
    assertThat(march.end()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
    assertThat(march.length()).isEqualTo(days(31).minusHours(1));
    Window october =
        TimePeriod.CALENDAR_MONTH.periodAt(Instant.parse("2026-10-25T12:00:00Z"), BERLIN);
    assertThat(october.length()).isEqualTo(days(31).plusHours(1));
    Window q1 = TimePeriod.CALENDAR_QUARTER.periodAt(Instant.parse("2026-02-01T00:00:00Z"), BERLIN);
    assertThat(q1.length()).isEqualTo(days(90).minusHours(1));
  }

  private static Duration len(TimePeriod p, String at, ZoneId zone) {
    return p.periodAt(Instant.parse(at), zone).length();
  }

  private static Duration days(int n) {
    return Duration.ofDays(n);
  }
}
