package dev.slo.core.alert;

import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Google SRE workbook's multi-window multi-burn-rate tiers, scaled to a period. For a 30-day
 * period: page at 14.4 over 1h and 5m, page at 6 over 6h and 30m, ticket at 3 over 1d and 2h,
 * ticket at 1 over 3d and 6h. For another period length P, each window is scaled by P / 30 days and
 * rounded to whole minutes (half up, at least one minute), and the factor is budget share × P /
 * long window with shares 2%, 5%, 10% and 10%. Thread-safe; no state.
 */
public final class AlertPolicy {
  /** The reference period of the workbook's table. */
  public static final Duration REFERENCE_PERIOD = Duration.ofDays(30);

  private record Base(Severity severity, Duration longW, Duration shortW, String share) {}

  private static final List<Base> BASE =
      List.of(
          new Base(Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), "0.02"),
          new Base(Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), "0.05"),
          new Base(Severity.TICKET, Duration.ofDays(1), Duration.ofHours(2), "0.10"),
          new Base(Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), "0.10"));

  // Tiers by period length. Evaluations ask for a handful of lengths (four rolling periods and the
  // lengths of months and quarters), so caching spares the decimal work on every evaluation; the
  // bound keeps arbitrary caller lengths from growing it without limit.
  private static final int CACHE_LIMIT = 256;
  private static final Map<Duration, List<AlertTier>> CACHE = new ConcurrentHashMap<>();

  private AlertPolicy() {}

  /**
   * The four tiers for a period of the given length, most urgent first.
   *
   * @param period the period's exact length (for calendar periods, the current one's)
   */
  public static List<AlertTier> tiersFor(Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(
          DurationText.format(period) + " is not a valid period: it must be positive");
    }
    List<AlertTier> cached = CACHE.get(period);
    if (cached != null) {
      return cached;
    }
    List<AlertTier> tiers = BASE.stream().map(b -> tier(b, period)).toList();
    if (CACHE.size() < CACHE_LIMIT) {
      CACHE.putIfAbsent(period, tiers);
    }
    return tiers;
  }

  private static AlertTier tier(Base b, Duration period) {
    Duration longW = scale(b.longW(), period);
    Duration shortW = scale(b.shortW(), period);
    BigDecimal share = new BigDecimal(b.share());
    BigDecimal factor =
        share
            .multiply(seconds(period))
            .divide(seconds(longW), MathContext.DECIMAL128)
            .stripTrailingZeros();
    String name =
        b.severity().label()
            + "_"
            + DurationText.format(b.longW())
            + "_"
            + DurationText.format(b.shortW());
    return new AlertTier(name, b.severity(), longW, shortW, factor, share);
  }

  /**
   * A workbook window scaled from 30 days to {@code period}, in whole minutes rounded half up, at
   * least one minute. Exact for a 30-day period.
   */
  static Duration scale(Duration window, Duration period) {
    if (period.equals(REFERENCE_PERIOD)) {
      return window;
    }
    // minutes = window_minutes * period_nanos / reference_nanos, rounded half up
    BigInteger num = BigInteger.valueOf(window.toMinutes()).multiply(nanos(period)).shiftLeft(1);
    BigInteger den = nanos(REFERENCE_PERIOD);
    BigInteger minutes = num.add(den).divide(den.shiftLeft(1));
    return Duration.ofMinutes(Math.max(1, minutes.longValueExact()));
  }

  private static BigInteger nanos(Duration d) {
    return BigInteger.valueOf(d.getSeconds())
        .multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(d.getNano()));
  }

  private static BigDecimal seconds(Duration d) {
    return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
  }
}
