package dev.slo.core.correction;

import dev.slo.core.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A parsed RFC 5545 recurrence rule (RRULE): FREQ DAILY, WEEKLY, MONTHLY or YEARLY with INTERVAL,
 * UNTIL or COUNT, BYMONTH, BYMONTHDAY, BYDAY (with ordinals for MONTHLY and YEARLY), BYHOUR,
 * BYMINUTE, BYSECOND and WKST. Immutable; {@link Occurrences} expands it.
 *
 * @param text the rule as written
 * @param freq the frequency
 * @param interval every how many periods, at least 1
 * @param untilText UNTIL as written ({@code 20261231T235959Z}, {@code 20261231T235959} local, or
 *     {@code 20261231}), the last occurrence start allowed; null when unbounded
 * @param count how many occurrences, counted from the first; 0 when unbounded
 * @param byMonth months 1 to 12
 * @param byMonthDay days of the month, 1 to 31 or -31 to -1 (from the end)
 * @param byDay weekdays, each with an ordinal (0 for every such weekday in the period)
 * @param byHour hours 0 to 23
 * @param byMinute minutes 0 to 59
 * @param bySecond seconds 0 to 59
 * @param weekStart the first day of a week (WKST), Monday by default
 */
public record Recurrence(
    String text,
    Freq freq,
    int interval,
    @Nullable String untilText,
    int count,
    Set<Integer> byMonth,
    Set<Integer> byMonthDay,
    List<WeekdayNum> byDay,
    Set<Integer> byHour,
    Set<Integer> byMinute,
    Set<Integer> bySecond,
    DayOfWeek weekStart) {

  /** The supported frequencies. */
  public enum Freq {
    DAILY,
    WEEKLY,
    MONTHLY,
    YEARLY
  }

  /**
   * A BYDAY entry: a weekday and an ordinal ({@code 1SU} first Sunday, {@code -1FR} last Friday, 0
   * for every such weekday).
   *
   * @param ordinal 0, or 1 to 53, or -53 to -1
   * @param day the weekday
   */
  public record WeekdayNum(int ordinal, DayOfWeek day) {}

  private static final Set<String> UNSUPPORTED = Set.of("BYSETPOS", "BYYEARDAY", "BYWEEKNO");
  private static final Map<String, DayOfWeek> DAYS =
      Map.of(
          "MO", DayOfWeek.MONDAY,
          "TU", DayOfWeek.TUESDAY,
          "WE", DayOfWeek.WEDNESDAY,
          "TH", DayOfWeek.THURSDAY,
          "FR", DayOfWeek.FRIDAY,
          "SA", DayOfWeek.SATURDAY,
          "SU", DayOfWeek.SUNDAY);

  /** Copies the collections. */
  public Recurrence {
    byMonth = Set.copyOf(byMonth);
    byMonthDay = Set.copyOf(byMonthDay);
    byDay = List.copyOf(byDay);
    byHour = Set.copyOf(byHour);
    byMinute = Set.copyOf(byMinute);
    bySecond = Set.copyOf(bySecond);
  }

  /**
   * Parses a rule such as {@code FREQ=WEEKLY;BYDAY=SU;BYHOUR=2} (an {@code RRULE:} prefix is
   * allowed; names are case-insensitive).
   *
   * @throws InvalidInputException leading with the bad part, when the rule is not valid or uses a
   *     part this implementation does not support
   */
  public static Recurrence parse(String text) {
    if (text == null || text.isBlank()) {
      throw bad("\"" + text + "\" is not a recurrence rule; write one like FREQ=WEEKLY;BYDAY=SU");
    }
    String body = text.trim();
    if (body.regionMatches(true, 0, "RRULE:", 0, 6)) {
      body = body.substring(6);
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : body.split(";", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1) {
        throw bad("\"" + part + "\" is not a NAME=VALUE part");
      }
      String name = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      String value = part.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
      if (UNSUPPORTED.contains(name)) {
        throw bad("\"" + part + "\" is not supported; use FREQ with BYMONTH, BYMONTHDAY, BYDAY");
      }
      if (parts.put(name, value) != null) {
        throw bad("\"" + name + "\" is given twice");
      }
    }
    String f = parts.remove("FREQ");
    if (f == null) {
      throw bad("FREQ is missing; start with FREQ=DAILY, WEEKLY, MONTHLY or YEARLY");
    }
    Freq freq;
    try {
      freq = Freq.valueOf(f);
    } catch (IllegalArgumentException e) {
      throw bad("\"FREQ=" + f + "\" is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY");
    }
    int interval = intPart(parts.remove("INTERVAL"), "INTERVAL", 1, 100_000, 1);
    String until = parts.remove("UNTIL");
    int count = intPart(parts.remove("COUNT"), "COUNT", 1, 1_000_000, 0);
    if (until != null && count > 0) {
      throw bad("UNTIL and COUNT are both given; use one of them");
    }
    if (until != null) {
      untilInstant(until, ZoneOffset.UTC); // validates the syntax
    }
    Set<Integer> byMonth = ints(parts.remove("BYMONTH"), "BYMONTH", 1, 12, false);
    Set<Integer> byMonthDay = ints(parts.remove("BYMONTHDAY"), "BYMONTHDAY", 1, 31, true);
    List<WeekdayNum> byDay = days(parts.remove("BYDAY"), freq);
    Set<Integer> byHour = ints(parts.remove("BYHOUR"), "BYHOUR", 0, 23, false);
    Set<Integer> byMinute = ints(parts.remove("BYMINUTE"), "BYMINUTE", 0, 59, false);
    Set<Integer> bySecond = ints(parts.remove("BYSECOND"), "BYSECOND", 0, 59, false);
    String wkst = parts.remove("WKST");
    DayOfWeek weekStart = DayOfWeek.MONDAY;
    if (wkst != null) {
      weekStart = DAYS.get(wkst);
      if (weekStart == null) {
        throw bad("\"WKST=" + wkst + "\" is not a weekday; use MO, TU, WE, TH, FR, SA or SU");
      }
    }
    if (!parts.isEmpty()) {
      throw bad("\"" + parts.keySet().iterator().next() + "\" is not a known RRULE part");
    }
    if (freq == Freq.WEEKLY && !byMonthDay.isEmpty()) {
      throw bad("BYMONTHDAY is not allowed with FREQ=WEEKLY");
    }
    return new Recurrence(
        text.trim(),
        freq,
        interval,
        until,
        count,
        byMonth,
        byMonthDay,
        byDay,
        byHour,
        byMinute,
        bySecond,
        weekStart);
  }

  /**
   * The last instant an occurrence may start at, UNTIL read in {@code zone}; null without UNTIL.
   */
  public java.time.@Nullable Instant until(ZoneId zone) {
    return untilText == null ? null : untilInstant(untilText, zone);
  }

  /**
   * UNTIL as an instant: {@code 20261231T020000Z} is UTC, {@code 20261231T020000} local in {@code
   * zone}, {@code 20261231} the end of that local day.
   */
  static java.time.Instant untilInstant(String until, ZoneId zone) {
    try {
      if (until.endsWith("Z")) {
        return LocalDateTime.parse(until.substring(0, until.length() - 1), BASIC)
            .toInstant(ZoneOffset.UTC);
      }
      if (until.contains("T")) {
        return ZonedDateTime.of(LocalDateTime.parse(until, BASIC), zone).toInstant();
      }
      LocalDate d = LocalDate.parse(until, DateTimeFormatter.BASIC_ISO_DATE);
      return ZonedDateTime.of(d.plusDays(1).atStartOfDay(), zone).toInstant().minusNanos(1);
    } catch (DateTimeParseException e) {
      throw bad(
          "\"UNTIL="
              + until
              + "\" is not a date or date-time; use 20261231, 20261231T235959 or"
              + " 20261231T235959Z");
    }
  }

  private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

  private static int intPart(@Nullable String v, String name, int min, int max, int dflt) {
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad("\"" + name + "=" + v + "\" is not valid; use a whole number from " + min);
  }

  private static Set<Integer> ints(
      @Nullable String v, String name, int min, int max, boolean negative) {
    Set<Integer> out = new TreeSet<>();
    if (v == null) {
      return out;
    }
    for (String s : v.split(",", -1)) {
      Integer n = null;
      try {
        n = Integer.valueOf(s.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
      boolean ok =
          n != null && ((n >= min && n <= max) || (negative && n <= -min && n >= -max && n != 0));
      if (!ok) {
        throw bad(
            "\""
                + name
                + "="
                + v
                + "\" is not valid: \""
                + s
                + "\" is not in "
                + min
                + " to "
                + max
                + (negative ? " (or -" + max + " to -1)" : ""));
      }
      out.add(n);
    }
    return out;
  }

  private static List<WeekdayNum> days(@Nullable String v, Freq freq) {
    List<WeekdayNum> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    for (String s : v.split(",", -1)) {
      String t = s.trim();
      DayOfWeek day = t.length() >= 2 ? DAYS.get(t.substring(t.length() - 2)) : null;
      int ordinal = 0;
      String num = t.length() >= 2 ? t.substring(0, t.length() - 2) : "";
      boolean ok = day != null;
      if (ok && !num.isEmpty()) {
        try {
          ordinal = Integer.parseInt(num.startsWith("+") ? num.substring(1) : num);
          ok = ordinal != 0 && Math.abs(ordinal) <= 53;
        } catch (NumberFormatException e) {
          ok = false;
        }
      }
      if (!ok || day == null) {
        throw bad(
            "\"BYDAY="
                + v
                + "\" is not valid: \""
                + s
                + "\" is not a weekday (MO, TU, WE, TH, FR, SA, SU, optionally numbered: 1SU,"
                + " -1FR)");
      }
      if (ordinal != 0 && (freq == Freq.DAILY || freq == Freq.WEEKLY)) {
        throw bad("\"BYDAY=" + v + "\" is not valid: numbered weekdays need MONTHLY or YEARLY");
      }
      out.add(new WeekdayNum(ordinal, day));
    }
    return out;
  }

  private static InvalidInputException bad(String message) {
    return new InvalidInputException(message);
  }
}
