package dev.slo.prometheus;

import dev.slo.core.correction.Correction;
import dev.slo.core.correction.Recurrence;
import dev.slo.core.window.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * PromQL that is 1 while a correction is active and empty otherwise, for the {@code
 * slo:correction_active} recording rule that silences the generated alerts. PromQL reads time in
 * UTC only, so it can express one-off corrections and DAILY or WEEKLY recurrences (with INTERVAL,
 * BYDAY, BYHOUR, BYMINUTE, BYSECOND, UNTIL, COUNT) in a zone whose UTC offset never changes; every
 * other correction gets a reason instead. Stateless.
 */
final class CorrectionRules {
  /** The recording rule: present, with value 1, while a correction of the SLO is active. */
  static final String ACTIVE = "slo:correction_active";

  private static final long DAY = 86_400;

  private CorrectionRules() {}

  /**
   * The PromQL of a correction, or why there is none.
   *
   * @param promql the expression, null when PromQL cannot express the correction
   * @param whyNot the reason, null when there is an expression
   * @param note a caveat about the expression, or null
   */
  record Expressed(@Nullable String promql, @Nullable String whyNot, @Nullable String note) {
    Expressed(@Nullable String promql, @Nullable String whyNot) {
      this(promql, whyNot, null);
    }
  }

  /** At most this many occurrences are written out one by one within a horizon. */
  static final int MAX_LISTED = 1000;

  /**
   * The PromQL of a correction; one that PromQL cannot express periodically is written as its
   * occurrences within {@code horizon} when one is given (null: none), each {@code (start, end]}.
   */
  static Expressed of(Correction c, @Nullable Window horizon) {
    Expressed e = of(c);
    if (e.promql() != null || horizon == null) {
      return e;
    }
    List<Window> occ = c.occurrences(horizon);
    if (occ.isEmpty()) {
      return new Expressed(null, "no occurrence until " + horizon.end());
    }
    if (occ.size() > MAX_LISTED) {
      return new Expressed(
          null, e.whyNot() + ", and its " + occ.size() + " occurrences are too many to list");
    }
    List<String> terms = new ArrayList<>();
    for (Window w : occ) {
      terms.add(
          "(vector(time()) > "
              + plain(seconds(w.start()))
              + " <= "
              + plain(seconds(w.end()))
              + ")");
    }
    return new Expressed(
        "vector(1) and on() (" + String.join(" or ", terms) + ")",
        null,
        "written as its "
            + occ.size()
            + (occ.size() == 1 ? " occurrence until " : " occurrences until ")
            + horizon.end()
            + " ("
            + e.whyNot()
            + "); run slo rules again before then");
  }

  static Expressed of(Correction c) {
    Recurrence r = c.recurrence();
    if (r == null) {
      return new Expressed(
          "vector(1) and on() (vector(time()) > "
              + plain(seconds(c.start()))
              + ") and on() (vector(time()) <= "
              + plain(seconds(c.end()))
              + ")",
          null);
    }
    if (r.freq() != Recurrence.Freq.DAILY && r.freq() != Recurrence.Freq.WEEKLY) {
      return new Expressed(null, "FREQ=" + r.freq() + " has no fixed length in PromQL");
    }
    if (!r.byMonth().isEmpty() || !r.byMonthDay().isEmpty()) {
      return new Expressed(null, "BYMONTH and BYMONTHDAY need a calendar PromQL does not have");
    }
    if (!c.timeZone().getRules().isFixedOffset()) {
      return new Expressed(
          null,
          "time_zone "
              + c.timeZone().getId()
              + " changes its UTC offset, and PromQL reads time in UTC only");
    }
    long days =
        r.freq() == Recurrence.Freq.WEEKLY
            ? 7L * r.interval()
            : r.byDay().isEmpty() ? r.interval() : lcm(r.interval(), 7);
    Duration period = Duration.ofDays(days);
    // the pattern repeats every `period` from the first whole period on
    Instant from = c.start().plus(period);
    Set<BigDecimal> phases = new LinkedHashSet<>();
    for (Window w : c.occurrences(new Window(from.minus(c.duration()), from.plus(period)))) {
      if (!w.start().isBefore(from) && w.start().isBefore(from.plus(period))) {
        phases.add(mod(seconds(w.start()), BigDecimal.valueOf(days * DAY)));
      }
    }
    Instant until = r.until(c.timeZone());
    if (r.count() > 0) {
      List<Window> all =
          c.occurrences(
              new Window(
                  c.start().minusNanos(1), c.start().plus(period.multipliedBy(r.count() + 1L))));
      until = all.get(all.size() - 1).start();
    }
    String p = Long.toString(days * DAY);
    List<String> any = new ArrayList<>();
    for (BigDecimal phase : phases) {
      String since = "((vector(time()) - " + plain(phase) + ") % " + p + ")";
      // active in (s, s + duration] after each start s = time() - since, from start to until
      StringBuilder t = new StringBuilder("((");
      t.append(since).append(" > 0 <= ").append(plain(seconds(c.duration()))).append(')');
      t.append(" and on() (vector(time()) - ").append(since).append(" >= ");
      t.append(plain(seconds(c.start()))).append(')');
      if (until != null) {
        t.append(" and on() (vector(time()) - ").append(since).append(" <= ");
        t.append(plain(seconds(until))).append(')');
      }
      any.add(t.append(')').toString());
    }
    if (any.isEmpty()) {
      return new Expressed(null, "the rule has no occurrence in a whole period");
    }
    return new Expressed("vector(1) and on() (" + String.join(" or ", any) + ")", null);
  }

  private static BigDecimal seconds(Instant t) {
    return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9));
  }

  private static BigDecimal seconds(Duration d) {
    return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal mod(BigDecimal a, BigDecimal m) {
    BigDecimal r = a.remainder(m);
    return r.signum() < 0 ? r.add(m) : r;
  }

  private static long lcm(long a, long b) {
    long x = a;
    long y = b;
    while (y != 0) {
      long t = x % y;
      x = y;
      y = t;
    }
    return a / x * b;
  }
}
