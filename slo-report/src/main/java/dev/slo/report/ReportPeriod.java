package dev.slo.report;

import dev.slo.core.ValidationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar month ({@code 2026-10}) or quarter ({@code 2026-Q3}) that {@code --period} reports.
 * Its bounds are local midnights in a time zone, so one period has different instants in different
 * zones. Immutable.
 *
 * @param first the first month
 * @param months 1 for a month, 3 for a quarter
 */
public record ReportPeriod(YearMonth first, int months) {
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[qQ]([1-4])");

  /** Validates a month or a quarter starting in January, April, July or October. */
  public ReportPeriod {
    if (months != 1 && (months != 3 || (first.getMonthValue() - 1) % 3 != 0)) {
      throw new IllegalArgumentException(first + "/" + months + " is not a month or a quarter");
    }
  }

  /**
   * Parses {@code 2026-10} or {@code 2026-Q3}.
   *
   * @throws ValidationException for {@code period}, naming the text, when it is neither
   */
  public static ReportPeriod parse(String text) {
    String t = text == null ? "" : text.trim();
    try {
      Matcher m = MONTH.matcher(t);
      if (m.matches()) {
        return new ReportPeriod(
            YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), 1);
      }
      Matcher q = QUARTER.matcher(t);
      if (q.matches()) {
        int quarter = Integer.parseInt(q.group(2));
        return new ReportPeriod(YearMonth.of(Integer.parseInt(q.group(1)), quarter * 3 - 2), 3);
      }
    } catch (DateTimeException e) {
      // falls through to the message below
    }
    throw new ValidationException(
        "period",
        text,
        "not a calendar month or quarter; use YYYY-MM (2026-10) or YYYY-Qn (2026-Q3)");
  }

  /** The instant the period starts: local midnight on its first day in {@code zone}. */
  public Instant start(ZoneId zone) {
    return first.atDay(1).atStartOfDay(zone).toInstant();
  }

  /**
   * The instant the period ends: local midnight on the first day after it in {@code zone}. Windows
   * are left-open and right-closed, so an evaluation at this instant covers the period's last
   * event.
   */
  public Instant end(ZoneId zone) {
    return first.plusMonths(months).atDay(1).atStartOfDay(zone).toInstant();
  }

  /**
   * Refuses a period that has not ended at {@code now} in {@code zone}.
   *
   * @throws ValidationException for {@code period}, leading with the period and saying when it
   *     ends: {@code 2026-10: the period has not ended yet (it ends at ...)}
   */
  public void requireEnded(ZoneId zone, Instant now) {
    Instant end = end(zone);
    if (end.isAfter(now)) {
      throw ValidationException.withMessage(
          "period",
          label(),
          label()
              + ": the period has not ended yet (it ends at "
              + end.atZone(zone).toOffsetDateTime()
              + " in "
              + zone
              + "); report a closed month or quarter, or an instant");
    }
  }

  /**
   * Refuses a period that has not ended at {@code now} in every one of {@code zones}; the message
   * names the zone whose period ends last, which tells when a report of them all can run. No zone,
   * no check.
   *
   * @return this period
   * @throws ValidationException for {@code period}, as {@link #requireEnded(ZoneId, Instant)}
   */
  public ReportPeriod requireEnded(Collection<ZoneId> zones, Instant now) {
    zones.stream().max(Comparator.comparing(this::end)).ifPresent(z -> requireEnded(z, now));
    return this;
  }

  /** {@code 2026-10} or {@code 2026-Q3}. */
  public String label() {
    if (months == 1) {
      return first.toString();
    }
    return String.format(Locale.ROOT, "%d-Q%d", first.getYear(), (first.getMonthValue() + 2) / 3);
  }

  @Override
  public String toString() {
    return label();
  }
}
