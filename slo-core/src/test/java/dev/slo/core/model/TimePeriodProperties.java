package dev.slo.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.window.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of every period: names read back, periods hold their instant and tile time. */
class TimePeriodProperties {

  @Provide
  Arbitrary<TimePeriod> periods() {
    Arbitrary<TimePeriod> rolling =
        Arbitraries.longs()
            .between(1, 400L * 24 * 60)
            .map(m -> TimePeriod.rolling(Duration.ofMinutes(m)));
    Arbitrary<TimePeriod> weeks = Arbitraries.of(DayOfWeek.class).map(TimePeriod::calendarWeek);
    Arbitrary<TimePeriod> calendar =
        Arbitraries.of(
            TimePeriod.CALENDAR_MONTH, TimePeriod.CALENDAR_QUARTER, TimePeriod.CALENDAR_YEAR);
    return Arbitraries.oneOf(rolling, weeks, calendar);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(
            Instant.parse("1999-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2101-01-01T00:00:00Z").getEpochSecond())
        .map(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
            "UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu")
        .map(ZoneId::of);
  }

  @Property
  void shouldReadItsOwnNameBack(@ForAll("periods") TimePeriod p) {
    assertThat(TimePeriod.valueOf(p.name())).isEqualTo(p);
  }

  @Property
  void shouldHoldTheInstantAndMeetTheNextPeriod(
      @ForAll("periods") TimePeriod p,
      @ForAll("instants") Instant at,
      @ForAll("zones") ZoneId zone) {
    Window w = p.periodAt(at, zone);

    assertThat(w.contains(at)).isTrue();
    if (p.isCalendar()) {
      // the period after this one starts where this one ends
      Window next = p.periodAt(w.end().plusNanos(1), zone);
      assertThat(next.start()).isEqualTo(w.end());
      assertThat(w.length())
          .isBetween(Duration.ofDays(7).minusHours(2), Duration.ofDays(366).plusHours(2));
    } else {
      assertThat(w.length()).isEqualTo(p.rollingLength());
    }
  }
}
