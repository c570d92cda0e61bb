package dev.slo.core.correction;

import dev.slo.core.InvalidInputException;
import dev.slo.core.correction.Recurrence.WeekdayNum;
import dev.slo.core.window.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Expands a {@link Recurrence} into occurrence intervals on local wall-clock time in an IANA zone,
 * period by period (day, week, month or year from the first occurrence), as RFC 5545 defines: BY
 * parts expand or limit the period's candidates, the first occurrence always counts, a local time
 * inside a spring-forward gap moves later by the gap, an ambiguous one takes the earlier offset,
 * and dates that do not exist are skipped. Stateless.
 */
final class Occurrences {
  /** At most this many occurrences of one correction per query range. */
  static final int MAX_PER_RANGE = 100_000;

  private Occurrences() {}

  /**
   * The occurrences {@code (s, s + length]} that overlap {@code range}, in time order.
   *
   * @param rule the rule
   * @param first the first occurrence's start (DTSTART)
   * @param zone where the rule's wall-clock times are read
   * @param length each occurrence's length
   * @param range the query range
   * @throws InvalidInputException when more than {@link #MAX_PER_RANGE} occurrences overlap it
   */
  static List<Window> expand(
      Recurrence rule, Instant first, ZoneId zone, Duration length, Window range) {
    LocalDateTime dtstart = LocalDateTime.ofInstant(first, zone);
    Instant until =
        rule.untilText() == null ? null : Recurrence.untilInstant(rule.untilText(), zone);
    List<Window> out = new ArrayList<>();
    int counted = 1; // the first occurrence
    add(out, first, length, range, rule);
    Instant from = range.start().minus(length);
    long k = rule.count() > 0 ? 0 : skipTo(rule, dtstart.toLocalDate(), from, zone);
    while (true) {
      LocalDate periodStart = periodStart(rule, dtstart.toLocalDate(), k);
      if (!ZonedDateTime.of(periodStart.atStartOfDay(), zone).toInstant().isBefore(range.end())) {
        return out;
      }
      for (LocalDateTime ldt : candidates(rule, dtstart, periodStart)) {
        if (!ldt.isAfter(dtstart)) {
          continue; // before the first occurrence, or the first itself
        }
        Instant s = ZonedDateTime.of(ldt, zone).toInstant();
        if (until != null && s.isAfter(until)) {
          return out;
        }
        if (rule.count() > 0 && ++counted > rule.count()) {
          return out;
        }
        if (!s.isBefore(range.end())) {
          return out;
        }
        add(out, s, length, range, rule);
      }
      k++;
    }
  }

  private static void add(
      List<Window> out, Instant s, Duration length, Window range, Recurrence r) {
    Window w = new Window(s, s.plus(length));
    if (w.start().isBefore(range.end()) && range.start().isBefore(w.end())) {
      if (out.size() == MAX_PER_RANGE) {
        throw new InvalidInputException(
            "\""
                + r.text()
                + "\" has more than "
                + MAX_PER_RANGE
                + " occurrences in "
                + range
                + "; use fewer, longer occurrences");
      }
      out.add(w);
    }
  }

  /** The first period index worth visiting for occurrences starting after {@code from}. */
  private static long skipTo(Recurrence r, LocalDate start, Instant from, ZoneId zone) {
    LocalDate target = LocalDateTime.ofInstant(from, zone).toLocalDate().minusDays(2);
    long units =
        switch (r.freq()) {
          case DAILY -> ChronoUnit.DAYS.between(start, target);
          case WEEKLY -> ChronoUnit.WEEKS.between(weekStart(start, r.weekStart()), target);
          case MONTHLY -> ChronoUnit.MONTHS.between(start.withDayOfMonth(1), target);
          case YEARLY -> ChronoUnit.YEARS.between(start.withDayOfYear(1), target);
        };
    return Math.max(0, units / r.interval() - 1);
  }

  private static LocalDate periodStart(Recurrence r, LocalDate start, long k) {
    long n = Math.multiplyExact(k, r.interval());
    return switch (r.freq()) {
      case DAILY -> start.plusDays(n);
      case WEEKLY -> weekStart(start, r.weekStart()).plusWeeks(n);
      case MONTHLY -> start.withDayOfMonth(1).plusMonths(n);
      case YEARLY -> start.withDayOfYear(1).plusYears(n);
    };
  }

  private static LocalDate weekStart(LocalDate d, DayOfWeek wkst) {
    return d.with(TemporalAdjusters.previousOrSame(wkst));
  }

  /** The period's candidate local date-times, sorted. */
  private static List<LocalDateTime> candidates(
      Recurrence r, LocalDateTime dtstart, LocalDate periodStart) {
    List<LocalDateTime> out = new ArrayList<>();
    List<LocalTime> times = times(r, dtstart.toLocalTime());
    for (LocalDate d : dates(r, dtstart.toLocalDate(), periodStart)) {
      for (LocalTime t : times) {
        out.add(d.atTime(t));
      }
    }
    return out;
  }

  private static List<LocalTime> times(Recurrence r, LocalTime t) {
    Set<Integer> hours = r.byHour().isEmpty() ? Set.of(t.getHour()) : r.byHour();
    Set<Integer> minutes = r.byMinute().isEmpty() ? Set.of(t.getMinute()) : r.byMinute();
    Set<Integer> seconds = r.bySecond().isEmpty() ? Set.of(t.getSecond()) : r.bySecond();
    TreeSet<LocalTime> out = new TreeSet<>();
    for (int h : hours) {
      for (int m : minutes) {
        for (int s : seconds) {
          out.add(LocalTime.of(h, m, s));
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static Set<LocalDate> dates(Recurrence r, LocalDate dtstart, LocalDate p) {
    TreeSet<LocalDate> out = new TreeSet<>();
    switch (r.freq()) {
      case DAILY -> {
        if (monthOk(r, p) && monthDayOk(r, p) && weekdayOk(r, p)) {
          out.add(p);
        }
      }
      case WEEKLY -> {
        for (int i = 0; i < 7; i++) {
          LocalDate d = p.plusDays(i);
          boolean day =
              r.byDay().isEmpty() ? d.getDayOfWeek() == dtstart.getDayOfWeek() : weekdayOk(r, d);
          if (day && monthOk(r, d)) {
            out.add(d);
          }
        }
      }
      case MONTHLY -> {
        if (monthOk(r, p)) {
          inMonth(r, p, dtstart.getDayOfMonth(), out);
        }
      }
      case YEARLY -> {
        if (r.byMonth().isEmpty() && r.byMonthDay().isEmpty() && !r.byDay().isEmpty()) {
          byDayIn(r, p, p.plusYears(1), out); // weekdays of the whole year
        } else {
          List<Integer> months =
              !r.byMonth().isEmpty()
                  ? new ArrayList<>(r.byMonth())
                  : r.byMonthDay().isEmpty()
                      ? List.of(dtstart.getMonthValue())
                      : List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
          for (int m : months) {
            inMonth(r, p.withMonth(m), dtstart.getDayOfMonth(), out);
          }
        }
      }
    }
    return out;
  }

  /** The candidate days of the month starting at {@code first}. */
  private static void inMonth(Recurrence r, LocalDate first, int dtstartDay, Set<LocalDate> out) {
    int len = first.lengthOfMonth();
    if (!r.byMonthDay().isEmpty()) {
      for (int md : r.byMonthDay()) {
        int day = md > 0 ? md : len + md + 1;
        if (day >= 1 && day <= len) {
          LocalDate d = first.withDayOfMonth(day);
          if (r.byDay().isEmpty() || matchesByDay(r, d, first, first.plusMonths(1))) {
            out.add(d);
          }
        }
      }
    } else if (!r.byDay().isEmpty()) {
      byDayIn(r, first, first.plusMonths(1), out);
    } else if (dtstartDay <= len) {
      out.add(first.withDayOfMonth(dtstartDay));
    }
  }

  /** Days in {@code [from, to)} matching BYDAY, ordinals counted within that span. */
  private static void byDayIn(Recurrence r, LocalDate from, LocalDate to, Set<LocalDate> out) {
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      if (matchesByDay(r, d, from, to)) {
        out.add(d);
      }
    }
  }

  private static boolean matchesByDay(Recurrence r, LocalDate d, LocalDate from, LocalDate to) {
    for (WeekdayNum w : r.byDay()) {
      if (w.day() != d.getDayOfWeek()) {
        continue;
      }
      if (w.ordinal() == 0) {
        return true;
      }
      long fromStart = ChronoUnit.DAYS.between(from, d) / 7 + 1; // 1 = first such weekday
      long fromEnd = -(ChronoUnit.DAYS.between(d, to.minusDays(1)) / 7 + 1); // -1 = last
      if (w.ordinal() == fromStart || w.ordinal() == fromEnd) {
        return true;
      }
    }
    return false;
  }

  private static boolean monthOk(Recurrence r, LocalDate d) {
    return r.byMonth().isEmpty() || r.byMonth().contains(d.getMonthValue());
  }

  private static boolean monthDayOk(Recurrence r, LocalDate d) {
    if (r.byMonthDay().isEmpty()) {
      return true;
    }
    int len = d.lengthOfMonth();
    int day = d.getDayOfMonth();
    return r.byMonthDay().contains(day) || r.byMonthDay().contains(day - len - 1);
  }

  private static boolean weekdayOk(Recurrence r, LocalDate d) {
    return r.byDay().isEmpty() || r.byDay().stream().anyMatch(w -> w.day() == d.getDayOfWeek());
  }
}
