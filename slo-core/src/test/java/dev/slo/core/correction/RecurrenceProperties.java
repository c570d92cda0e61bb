package dev.slo.core.correction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.window.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Weekly rules keep their local wall-clock time across daylight-saving changes, in any zone. */
class RecurrenceProperties {
  private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
            "America/New_York",
            "Europe/Berlin",
            "Australia/Sydney",
            "America/Santiago",
            "Asia/Kolkata",
            "UTC",
            "Pacific/Chatham")
        .map(ZoneId::of);
  }

  @Property(tries = 60)
  void shouldKeepTheLocalTimeAndWeekdayEveryWeek(
      @ForAll("zones") ZoneId zone,
      @ForAll @IntRange(min = 0, max = 6) int day,
      @ForAll @IntRange(min = 0, max = 23) int hour,
      @ForAll @IntRange(min = 0, max = 59) int minute,
      @ForAll @IntRange(min = 0, max = 365) int startDay) {
    DayOfWeek weekday = DayOfWeek.of(day + 1);
    LocalDateTime first =
        LocalDateTime.of(2025, 1, 6, hour, minute) // a Monday
            .plusDays(startDay)
            .with(java.time.temporal.TemporalAdjusters.nextOrSame(weekday));
    Instant start = ZonedDateTime.of(first, zone).toInstant();
    Correction c =
        new Correction(
            "w",
            CorrectionScope.slo("s"),
            start,
            Duration.ofMinutes(30),
            zone,
            null,
            null,
            Recurrence.parse(
                "FREQ=WEEKLY;BYDAY=" + DAYS[day] + ";BYHOUR=" + hour + ";BYMINUTE=" + minute));
    List<Window> occ =
        c.occurrences(new Window(start.minusSeconds(1), start.plus(Duration.ofDays(400))));
    assertThat(occ).hasSizeBetween(57, 58);
    LocalDateTime expected = first;
    for (Window w : occ) {
      ZonedDateTime z = ZonedDateTime.ofInstant(w.start(), zone);
      // the wall-clock time as written, unless it fell into a spring-forward gap that day
      assertThat(z).isEqualTo(ZonedDateTime.of(expected, zone));
      assertThat(z.getDayOfWeek()).isEqualTo(weekday);
      assertThat(w.length()).isEqualTo(Duration.ofMinutes(30));
      expected = expected.plus(1, ChronoUnit.WEEKS);
    }
  }

  @Property(tries = 40)
  void shouldNeverReturnOverlappingOrUnsortedMergedIntervals(
      @ForAll @From("zones") ZoneId zone,
      @ForAll @IntRange(min = 1, max = 6) int interval,
      @ForAll @IntRange(min = 1, max = 3000) int minutes) {
    Correction c =
        new Correction(
            "d",
            CorrectionScope.slo("s"),
            Instant.parse("2026-01-01T00:00:00Z"),
            Duration.ofMinutes(minutes),
            zone,
            null,
            null,
            Recurrence.parse("FREQ=DAILY;INTERVAL=" + interval + ";BYHOUR=1,13"));
    Window range =
        new Window(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"));
    Intervals u = Intervals.union(c.occurrences(range));
    for (int i = 1; i < u.windows().size(); i++) {
      assertThat(u.windows().get(i).start()).isAfter(u.windows().get(i - 1).end());
    }
    Duration covered = u.lengthWithin(range);
    assertThat(covered).isLessThanOrEqualTo(range.length());
  }
}
