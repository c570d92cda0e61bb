package dev.slo.core.correction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RRULE parsing and expansion; every expected instant worked out by hand from a calendar. */
class RecurrenceTest {
  private static final ZoneId NY = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Instant local(String ldt, ZoneId zone) {
    return ZonedDateTime.of(LocalDateTime.parse(ldt), zone).toInstant();
  }

  private static List<Instant> starts(
      String rule, String first, ZoneId zone, Duration length, String from, String to) {
    Correction c =
        new Correction(
            "c",
            CorrectionScope.slo("s"),
            local(first, zone),
            length,
            zone,
            CorrectionCategory.SCHEDULED_MAINTENANCE,
            "",
            Recurrence.parse(rule));
    return c.occurrences(new Window(Instant.parse(from), Instant.parse(to))).stream()
        .map(Window::start)
        .toList();
  }

  @Test
  void shouldKeepTwoAmLocalEverySundayAcrossTheNewYorkSpringChange() {
    // DST starts Sunday 2026-03-08 02:00 EST -> 03:00 EDT; 02:00 does not exist that day and
    // moves to 03:00 EDT (07:00Z); before: 02:00 EST = 07:00Z; after: 02:00 EDT = 06:00Z
    List<Instant> s =
        starts(
            "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0",
            "2026-03-01T02:00",
            NY,
            Duration.ofHours(2),
            "2026-02-28T00:00:00Z",
            "2026-03-21T00:00:00Z");
    assertThat(s)
        .containsExactly(
            Instant.parse("2026-03-01T07:00:00Z"),
            Instant.parse("2026-03-08T07:00:00Z"),
            Instant.parse("2026-03-15T06:00:00Z"));
  }

  @Test
  void shouldKeepTwoAmLocalEverySundayAcrossTheBerlinAutumnChange() {
    // CEST ends Sunday 2026-10-25 03:00 -> 02:00 CET; 02:30 exists twice, the earlier (CEST,
    // 00:30Z) is taken; the Sunday before 02:30 CEST = 00:30Z; after 02:30 CET = 01:30Z
    List<Instant> s =
        starts(
            "FREQ=WEEKLY;BYDAY=SU",
            "2026-10-18T02:30",
            BERLIN,
            Duration.ofHours(1),
            "2026-10-17T00:00:00Z",
            "2026-11-02T00:00:00Z");
    assertThat(s)
        .containsExactly(
            Instant.parse("2026-10-18T00:30:00Z"),
            Instant.parse("2026-10-25T00:30:00Z"),
            Instant.parse("2026-11-01T01:30:00Z"));
  }

  @Test
  void shouldKeepLocalTimeAcrossTheBerlinSpringChange() {
    // CET -> CEST on Sunday 2026-03-29: Saturday 22:00 local is 21:00Z before, 20:00Z after
    List<Instant> s =
        starts(
            "FREQ=WEEKLY;BYDAY=SA;BYHOUR=22",
            "2026-03-21T22:00",
            BERLIN,
            Duration.ofHours(4),
            "2026-03-20T00:00:00Z",
            "2026-04-05T00:00:00Z");
    assertThat(s)
        .containsExactly(
            Instant.parse("2026-03-21T21:00:00Z"),
            Instant.parse("2026-03-28T21:00:00Z"),
            Instant.parse("2026-04-04T20:00:00Z"));
  }

  @Test
  void shouldStopAtCountCountingTheFirstOccurrence() {
    List<Instant> s =
        starts(
            "FREQ=DAILY;COUNT=3",
            "2026-01-01T00:00",
            ZoneId.of("UTC"),
            Duration.ofMinutes(10),
            "2025-12-01T00:00:00Z",
            "2026-02-01T00:00:00Z");
    assertThat(s)
        .containsExactly(
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-02T00:00:00Z"),
            Instant.parse("2026-01-03T00:00:00Z"));
  }

  @Test
  void shouldStopAtUntilInclusive() {
    List<Instant> s =
        starts(
            "FREQ=DAILY;INTERVAL=2;UNTIL=20260105T000000Z",
            "2026-01-01T00:00",
            ZoneId.of("UTC"),
            Duration.ofMinutes(10),
            "2025-12-01T00:00:00Z",
            "2026-02-01T00:00:00Z");
    assertThat(s)
        .containsExactly(
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-03T00:00:00Z"),
            Instant.parse("2026-01-05T00:00:00Z"));
  }

  @Test
  void shouldFindTheLastFridayAndSkipMissingDays() {
    // last Fridays of 2026: Jan 30, Feb 27, Mar 27
    assertThat(
            starts(
                "FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=18",
                "2026-01-30T18:00",
                ZoneId.of("UTC"),
                Duration.ofHours(1),
                "2026-01-01T00:00:00Z",
                "2026-04-01T00:00:00Z"))
        .containsExactly(
            Instant.parse("2026-01-30T18:00:00Z"),
            Instant.parse("2026-02-27T18:00:00Z"),
            Instant.parse("2026-03-27T18:00:00Z"));
    // the 31st: January, March, May (no 31st in February or April)
    assertThat(
            starts(
                "FREQ=MONTHLY;BYMONTHDAY=31",
                "2026-01-31T00:00",
                ZoneId.of("UTC"),
                Duration.ofHours(1),
                "2026-01-01T00:00:00Z",
                "2026-06-01T00:00:00Z"))
        .containsExactly(
            Instant.parse("2026-01-31T00:00:00Z"),
            Instant.parse("2026-03-31T00:00:00Z"),
            Instant.parse("2026-05-31T00:00:00Z"));
  }

  @Test
  void shouldExpandYearlyByMonthAndFirstSunday() {
    // first Sunday of November: 2026-11-01, 2027-11-07
    assertThat(
            starts(
                "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU;BYHOUR=3",
                "2026-11-01T03:00",
                ZoneId.of("UTC"),
                Duration.ofHours(1),
                "2026-01-01T00:00:00Z",
                "2028-01-01T00:00:00Z"))
        .containsExactly(
            Instant.parse("2026-11-01T03:00:00Z"), Instant.parse("2027-11-07T03:00:00Z"));
  }

  @Test
  void shouldExpandWorkdayNightsWithSeveralHours() {
    // Mon 2026-11-16 ... Fri: 00:00 and 12:00 each weekday, two weeks apart by INTERVAL=2
    List<Instant> s =
        starts(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;BYHOUR=0,12",
            "2026-11-16T00:00",
            ZoneId.of("UTC"),
            Duration.ofHours(1),
            "2026-11-15T00:00:00Z",
            "2026-12-05T00:00:00Z");
    assertThat(s)
        .containsExactly(
            Instant.parse("2026-11-16T00:00:00Z"),
            Instant.parse("2026-11-16T12:00:00Z"),
            Instant.parse("2026-11-20T00:00:00Z"),
            Instant.parse("2026-11-20T12:00:00Z"),
            Instant.parse("2026-11-30T00:00:00Z"),
            Instant.parse("2026-11-30T12:00:00Z"),
            Instant.parse("2026-12-04T00:00:00Z"),
            Instant.parse("2026-12-04T12:00:00Z"));
  }

  @Test
  void shouldSkipAheadWithoutLosingTheGridForOldStarts() {
    // every 3 days from 2020-01-01: 2026-11-20 is day 2515 = 3 * 838 + 1; so 2026-11-19 (day 2514)
    // and 2026-11-22 (day 2517)
    List<Instant> s =
        starts(
            "FREQ=DAILY;INTERVAL=3",
            "2020-01-01T05:00",
            ZoneId.of("UTC"),
            Duration.ofHours(1),
            "2026-11-19T00:00:00Z",
            "2026-11-23T00:00:00Z");
    assertThat(s)
        .containsExactly(
            Instant.parse("2026-11-19T05:00:00Z"), Instant.parse("2026-11-22T05:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "FREQ=HOURLY|\"FREQ=HOURLY\" is not supported",
        "BYDAY=SU|FREQ is missing",
        "FREQ=WEEKLY;BYDAY=XX|\"BYDAY=XX\" is not valid",
        "FREQ=DAILY;BYHOUR=25|\"BYHOUR=25\" is not valid",
        "FREQ=DAILY;COUNT=2;UNTIL=20260101|UNTIL and COUNT are both given",
        "FREQ=DAILY;UNTIL=2026-01-01|\"UNTIL=2026-01-01\" is not a date",
        "FREQ=DAILY;INTERVAL=0|\"INTERVAL=0\" is not valid",
        "FREQ=WEEKLY;BYDAY=1SU|\"BYDAY=1SU\" is not valid: numbered weekdays need MONTHLY",
        "FREQ=MONTHLY;BYSETPOS=1|\"BYSETPOS=1\" is not supported",
        "FREQ=DAILY;FOO=1|\"FOO\" is not a known RRULE part",
        "FREQ=DAILY;;|\"\" is not a NAME=VALUE part",
        "FREQ=WEEKLY;BYMONTHDAY=1|BYMONTHDAY is not allowed with FREQ=WEEKLY",
        "FREQ=DAILY;FREQ=WEEKLY|\"FREQ\" is given twice"
      })
  void shouldRejectBadRulesLeadingWithTheBadPart(String rule, String message) {
    assertThatThrownBy(() -> Recurrence.parse(rule))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(message);
  }
}
