package dev.slo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportPeriodTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void shouldParseMonthsAndQuarters() {
    assertThat(ReportPeriod.parse("2026-10"))
        .isEqualTo(new ReportPeriod(YearMonth.of(2026, 10), 1));
    assertThat(ReportPeriod.parse("2026-Q3")).isEqualTo(new ReportPeriod(YearMonth.of(2026, 7), 3));
    assertThat(ReportPeriod.parse("2026-q1").label()).isEqualTo("2026-Q1");
    assertThat(ReportPeriod.parse("2026-10").label()).isEqualTo("2026-10");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026", "Oct 2026", "", "26-10"})
  void shouldRejectWhatIsNotAMonthOrQuarter(String text) {
    assertThatThrownBy(() -> ReportPeriod.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("\"" + text + "\" is not a valid period: ")
        .hasMessageContaining("2026-Q3");
  }

  @Test
  void shouldEndAMonthAtLocalMidnightOnTheFirstOfTheNext() {
    ReportPeriod oct = ReportPeriod.parse("2026-10");
    assertThat(oct.start(UTC)).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(oct.end(UTC)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    // Berlin is on summer time (+02) on Oct 1 and on winter time (+01) on Nov 1.
    assertThat(oct.start(BERLIN)).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
    assertThat(oct.end(BERLIN)).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(ReportPeriod.parse("2026-12").end(UTC))
        .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void shouldEndAQuarterAtLocalMidnightOnTheFirstOfTheNextQuarter() {
    ReportPeriod q1 = ReportPeriod.parse("2026-Q1");
    assertThat(q1.start(NEW_YORK)).isEqualTo(Instant.parse("2026-01-01T05:00:00Z"));
    assertThat(q1.end(NEW_YORK)).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
    assertThat(ReportPeriod.parse("2026-Q4").end(UTC))
        .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void shouldMakeTheEndInstantCloseExactlyThatCalendarPeriod() {
    for (ZoneId zone : new ZoneId[] {UTC, BERLIN, NEW_YORK}) {
      ReportPeriod month = ReportPeriod.parse("2026-10");
      assertThat(TimePeriod.CALENDAR_MONTH.periodAt(month.end(zone), zone))
          .isEqualTo(new Window(month.start(zone), month.end(zone)));
      ReportPeriod quarter = ReportPeriod.parse("2026-Q3");
      assertThat(TimePeriod.CALENDAR_QUARTER.periodAt(quarter.end(zone), zone))
          .isEqualTo(new Window(quarter.start(zone), quarter.end(zone)));
    }
  }

  @Test
  void shouldRefuseAPeriodThatHasNotEndedInTheZone() {
    ReportPeriod oct = ReportPeriod.parse("2026-10");
    Instant now = Instant.parse("2026-10-31T23:30:00Z");
    oct.requireEnded(BERLIN, now); // ended at 23:00Z
    assertThatThrownBy(() -> oct.requireEnded(UTC, now))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has not ended yet")
        .hasMessageContaining("2026-11-01T00:00Z");
    oct.requireEnded(UTC, Instant.parse("2026-11-01T00:00:00Z"));
  }

  @Test
  void shouldNameTheZoneWhosePeriodEndsLastWhenSeveralHaveNotEnded() {
    ReportPeriod oct = ReportPeriod.parse("2026-10");
    Instant now = Instant.parse("2026-10-31T22:30:00Z"); // before Berlin's 23:00Z and UTC's 00:00Z
    assertThatThrownBy(() -> oct.requireEnded(java.util.List.of(UTC, BERLIN, NEW_YORK), now))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("in America/New_York"); // ends 2026-11-01T04:00Z
    assertThat(
            oct.requireEnded(java.util.List.of(BERLIN, UTC), Instant.parse("2026-11-01T00:00:00Z")))
        .isSameAs(oct);
    assertThat(oct.requireEnded(java.util.List.of(), now)).isSameAs(oct);
  }
}
