package dev.slo.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.alert.AlertPolicy;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.window.Window;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rolling windows of any length, calendar weeks and years; every figure worked out by hand. */
class AnyWindowTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ROLLING_1H, ROLLING_1H",
    "rolling_24h, ROLLING_24H",
    "ROLLING_7D, ROLLING_7D",
    "ROLLING_30D, ROLLING_30D",
    "CALENDAR_MONTH, CALENDAR_MONTH",
    "calendar-quarter, CALENDAR_QUARTER",
    "28d, ROLLING_28D",
    "ROLLING_14D, ROLLING_14D",
    "2w, ROLLING_14D",
    "ROLLING_90D, ROLLING_90D",
    "12h, ROLLING_12H",
    "1d, ROLLING_24H",
    "ROLLING_90M, ROLLING_1H30M",
    "CALENDAR_WEEK, CALENDAR_WEEK",
    "CALENDAR_WEEK_MONDAY, CALENDAR_WEEK",
    "calendar_week_sunday, CALENDAR_WEEK_SUNDAY",
    "CALENDAR_YEAR, CALENDAR_YEAR",
  })
  void shouldReadEverySpellingAndPrintItsCanonicalName(String text, String name) {
    TimePeriod p = TimePeriod.valueOf(text);

    assertThat(p.name()).isEqualTo(name);
    assertThat(TimePeriod.valueOf(p.name())).isEqualTo(p);
  }

  @Test
  void shouldKeepTheSixNamedPeriodsAsTheyWere() {
    assertThat(TimePeriod.NAMED)
        .extracting(TimePeriod::name)
        .containsExactly(
            "ROLLING_1H",
            "ROLLING_24H",
            "ROLLING_7D",
            "ROLLING_30D",
            "CALENDAR_MONTH",
            "CALENDAR_QUARTER");
    assertThat(TimePeriod.valueOf("2w")).isEqualTo(TimePeriod.rolling(Duration.ofDays(14)));
  }

  @Test
  void shouldRefuseAnUnknownPeriodNamingIt() {
    assertThatThrownBy(() -> TimePeriod.valueOf("CALENDAR_DECADE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("\"CALENDAR_DECADE\" is not a valid time_period");
    assertThatThrownBy(() -> TimePeriod.valueOf("CALENDAR_WEEK_FUNDAY"))
        .hasMessageStartingWith("\"CALENDAR_WEEK_FUNDAY\"");
  }

  @Test
  void shouldKeepA28DayWindowAtExactly672HoursAcrossTheSpringDstChange() {
    // Berlin moves from CET to CEST at 2026-03-29 02:00 local; a rolling window is absolute time:
    // 28 x 24 h = 672 h back from 2026-04-10T12:00Z (14:00 CEST) is 2026-03-13T12:00Z (13:00 CET)
    Instant at = Instant.parse("2026-04-10T12:00:00Z");

    Window w = TimePeriod.valueOf("28d").periodAt(at, BERLIN);

    assertThat(w.start()).isEqualTo(Instant.parse("2026-03-13T12:00:00Z"));
    assertThat(w.length()).isEqualTo(Duration.ofHours(672));
    assertThat(w.start().atZone(BERLIN).getHour()).isEqualTo(13);
    assertThat(at.atZone(BERLIN).getHour()).isEqualTo(14);
  }

  @ParameterizedTest(name = "{0} in {1} -> ({2}, {3}]")
  @CsvSource({
    // 2028 is a leap year: 366 days; 2027 is not: 365
    "2028-12-31T23:00:00Z, UTC, 2028-01-01T00:00:00Z, 2029-01-01T00:00:00Z, 8784",
    "2028-02-29T12:00:00Z, UTC, 2028-01-01T00:00:00Z, 2029-01-01T00:00:00Z, 8784",
    "2027-07-01T00:00:00Z, UTC, 2027-01-01T00:00:00Z, 2028-01-01T00:00:00Z, 8760",
    // the boundary closes the year before it
    "2029-01-01T00:00:00Z, UTC, 2028-01-01T00:00:00Z, 2029-01-01T00:00:00Z, 8784",
    // Berlin: local midnight of 1 January is 23:00Z the day before, CET at both ends
    "2028-12-31T22:59:59Z, Europe/Berlin, 2027-12-31T23:00:00Z, 2028-12-31T23:00:00Z, 8784",
    "2028-12-31T23:00:01Z, Europe/Berlin, 2028-12-31T23:00:00Z, 2029-12-31T23:00:00Z, 8760",
  })
  void shouldCoverTheCalendarYearEndingInALeapYear(
      Instant at, String zone, Instant start, Instant end, long hours) {
    Window w = TimePeriod.CALENDAR_YEAR.periodAt(at, ZoneId.of(zone));

    assertThat(w).isEqualTo(new Window(start, end));
    assertThat(w.length()).isEqualTo(Duration.ofHours(hours));
  }

  @Test
  void shouldScaleAlertTiersToALeapYear() {
    // 366 days / 30 days = 12.2: page long window 60 min x 12.2 = 732 min = 12h12m,
    // short 5 min x 12.2 = 61 min; factor 0.02 x 527,040 min / 732 min = 14.4 exactly
    Window year = TimePeriod.CALENDAR_YEAR.periodAt(Instant.parse("2028-06-01T00:00:00Z"), UTC);
    List<AlertTier> tiers = AlertPolicy.tiersFor(year.length());

    assertThat(tiers.get(0).longWindow()).isEqualTo(Duration.ofMinutes(732));
    assertThat(tiers.get(0).shortWindow()).isEqualTo(Duration.ofMinutes(61));
    assertThat(tiers.get(0).factor()).isEqualByComparingTo(new BigDecimal("14.4"));
    // 3 days x 12.2 = 36.6 days = 52,704 min; factor 0.1 x 527,040 / 52,704 = 1
    assertThat(tiers.get(3).longWindow()).isEqualTo(Duration.ofMinutes(52_704));
    assertThat(tiers.get(3).factor()).isEqualByComparingTo(BigDecimal.ONE);
  }

  @ParameterizedTest(name = "{0} {1} in {2} -> ({3}, {4}]")
  @CsvSource({
    // Tuesday 2026-12-01: Monday weeks start 11-30, Sunday weeks 11-29, Saturday weeks 11-28
    "MONDAY, 2026-12-01T10:00:00Z, UTC, 2026-11-30T00:00:00Z, 2026-12-07T00:00:00Z, 168",
    "SUNDAY, 2026-12-01T10:00:00Z, UTC, 2026-11-29T00:00:00Z, 2026-12-06T00:00:00Z, 168",
    "SATURDAY, 2026-12-01T10:00:00Z, UTC, 2026-11-28T00:00:00Z, 2026-12-05T00:00:00Z, 168",
    // exactly Sunday midnight closes the week before
    "SUNDAY, 2026-11-29T00:00:00Z, UTC, 2026-11-22T00:00:00Z, 2026-11-29T00:00:00Z, 168",
    // New York leaves DST on Sunday 2026-11-01 02:00 EDT: the Sunday week holding it starts at
    // 00:00 EDT (04:00Z) and ends at 00:00 EST on 11-08 (05:00Z): 169 hours
    "SUNDAY, 2026-11-03T12:00:00Z, America/New_York, 2026-11-01T04:00:00Z,"
        + " 2026-11-08T05:00:00Z, 169",
    // the Monday week around it is (10-26 04:00Z, 11-02 05:00Z]: also 169 hours
    "MONDAY, 2026-11-01T12:00:00Z, America/New_York, 2026-10-26T04:00:00Z,"
        + " 2026-11-02T05:00:00Z, 169",
  })
  void shouldCoverTheCalendarWeekFromItsStartDay(
      DayOfWeek start, Instant at, String zone, Instant from, Instant to, long hours) {
    Window w = TimePeriod.calendarWeek(start).periodAt(at, ZoneId.of(zone));

    assertThat(w).isEqualTo(new Window(from, to));
    assertThat(w.length()).isEqualTo(Duration.ofHours(hours));
  }

  @Test
  void shouldStartWeeksOnMondayByDefault() {
    assertThat(TimePeriod.CALENDAR_WEEK.weekStart()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(TimePeriod.CALENDAR_WEEK.periodAt(Instant.parse("2026-12-06T23:00:00Z"), NEW_YORK))
        .isEqualTo(
            new Window(
                Instant.parse("2026-11-30T05:00:00Z"), Instant.parse("2026-12-07T05:00:00Z")));
  }
}
