package dev.slo.core.eval;

import dev.slo.core.FixedPoint;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.alert.Severity;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.StatusBasis;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.window.DurationText;
import dev.slo.core.window.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The rules that turn an SLO's numbers into its outlook, one implementation for plain SLOs ({@link
 * Evaluator}) and composites ({@code CompositeEvaluator}): status (docs/math.md, "Status"), time to
 * exhaustion, the 24-hour forecast and the recommendations. Thread-safe; no state.
 */
public final class StatusRules {
  /** Hours back from the evaluation instant at which budget consumption is sampled (0 … 24). */
  public static final int FORECAST_HOURS = 24;

  private StatusRules() {}

  /**
   * EXHAUSTED when nothing is left; CRITICAL when a page tier fires or {@code remaining} is below
   * the critical threshold; WARNING when a ticket tier fires or it is below the warning threshold;
   * else HEALTHY.
   */
  public static Status status(Slo slo, BigDecimal remaining, List<FiringAlert> alerts) {
    if (remaining.signum() <= 0) {
      return Status.EXHAUSTED;
    }
    boolean page = alerts.stream().anyMatch(a -> a.tier().severity() == Severity.PAGE);
    boolean ticket = alerts.stream().anyMatch(a -> a.tier().severity() == Severity.TICKET);
    if (page || remaining.compareTo(BigDecimal.valueOf(slo.thresholds().criticalBelow())) < 0) {
      return Status.CRITICAL;
    }
    if (ticket || remaining.compareTo(BigDecimal.valueOf(slo.thresholds().warningBelow())) < 0) {
      return Status.WARNING;
    }
    return Status.HEALTHY;
  }

  /**
   * remaining × period length / burn rate; zero when exhausted; null when not burning or, for
   * calendar periods, when it lands after the period's end.
   */
  public static @Nullable Duration timeToExhaustion(
      Slo slo, Window period, Instant at, BigDecimal remaining, BigDecimal burn) {
    if (remaining.signum() <= 0) {
      return Duration.ZERO;
    }
    if (burn.signum() <= 0) {
      return null;
    }
    BigDecimal nanos =
        remaining
            .multiply(BigDecimal.valueOf(period.length().toNanos()))
            .divide(burn, Budget.MC)
            .setScale(0, RoundingMode.HALF_EVEN);
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
      return slo.timePeriod().isCalendar() ? null : Duration.ofNanos(Long.MAX_VALUE / 2);
    }
    Duration d = Duration.ofNanos(nanos.longValueExact());
    if (slo.timePeriod().isCalendar() && at.plus(d).isAfter(period.end())) {
      return null;
    }
    return d;
  }

  /**
   * The period as it stood at each hourly forecast point {@code at - 24h, ..., at}: for a rolling
   * period the period's length ending there, for a calendar one the period's start to the point
   * (points not after the start are left out).
   */
  public static List<Window> forecastWindows(TimePeriod p, Window period, Instant at) {
    List<Window> out = new ArrayList<>();
    for (int i = 0; i <= FORECAST_HOURS; i++) {
      Window w = forecastWindow(p, period, at.minus(Duration.ofHours(FORECAST_HOURS - i)));
      if (w != null) {
        out.add(w);
      }
    }
    return out;
  }

  /** The period as it stood at {@code t}, or null when {@code t} is not inside this period. */
  static @Nullable Window forecastWindow(TimePeriod p, Window period, Instant t) {
    if (!p.isCalendar()) {
      return Window.ending(t, period.length());
    }
    return t.isAfter(period.start()) ? new Window(period.start(), t) : null;
  }

  /**
   * When the budget runs out on the trend: a least-squares line through the fraction of the budget
   * consumed at each forecast point (the point's instant and the burn rate over its {@link
   * #forecastWindows window}), and the instant it reaches 1. Null when fewer than two points exist,
   * when the line never rises to 1, or (calendar periods) when it reaches 1 after the period's end.
   */
  public static @Nullable Instant projectExhaustion(
      Slo slo, Window period, Instant at, List<Map.Entry<Instant, Double>> consumed) {
    if (consumed.size() < 2) {
      return null;
    }
    TrendLine r = new TrendLine();
    for (Map.Entry<Instant, Double> p : consumed) {
      r.add(Duration.between(at, p.getKey()).getSeconds(), p.getValue());
    }
    return projectExhaustion(slo, period, at, r);
  }

  /**
   * {@link #projectExhaustion(Slo, Window, Instant, List)} from the regression of at least two
   * points (x in seconds from {@code at}).
   */
  static @Nullable Instant projectExhaustion(Slo slo, Window period, Instant at, TrendLine r) {
    double slope = r.slope();
    double intercept = r.intercept();
    if (!(slope > 0) || Double.isNaN(intercept)) {
      return null;
    }
    double seconds = (1.0 - intercept) / slope;
    if (!Double.isFinite(seconds) || Math.abs(seconds) > 1e15) {
      return null;
    }
    long whole = (long) Math.floor(seconds);
    long nanos = Math.round((seconds - whole) * 1e9);
    Instant when = at.plusSeconds(whole).plusNanos(nanos);
    if (slo.timePeriod().isCalendar() && when.isAfter(period.end())) {
      return null;
    }
    return when;
  }

  /**
   * {@code e} with its recommendations: short sentences derived from its state, most urgent first.
   */
  public static Evaluation withRecommendations(Evaluation e) {
    return e.with(e.status(), e.alerts(), Recommendations.DERIVED);
  }

  /**
   * Why a tier whose burn rates reach its factor does not fire, or null when it fires: fewer events
   * than {@code min_events} in its long window, or, with {@code status_on: upper_bound}, a burn
   * rate implied by the SLI's upper bound below the factor in its long or its short window.
   *
   * @param longEvents the events in the tier's long window
   * @param upperLong the burn rate the upper bound implies over the long window (read only with
   *     {@code status_on: upper_bound})
   * @param upperShort the same over the short window
   */
  public static @Nullable SuppressedAlert suppression(
      Slo slo,
      AlertTier tier,
      long longEvents,
      DoubleSupplier upperLong,
      DoubleSupplier upperShort) {
    if (slo.minEvents() > 0 && longEvents < slo.minEvents()) {
      return new SuppressedAlert(
          tier,
          "not enough events ("
              + longEvents
              + " < "
              + slo.minEvents()
              + ") in "
              + DurationText.format(tier.longWindow()));
    }
    if (slo.statusOn() != StatusBasis.UPPER_BOUND) {
      return null;
    }
    double lu = upperLong.getAsDouble();
    double su = upperShort.getAsDouble();
    double f = tier.factor().doubleValue();
    if (lu >= f && su >= f) {
      return null;
    }
    return new SuppressedAlert(
        tier,
        "the SLI's upper bound burns at "
            + FixedPoint.format(lu, 2)
            + "x over "
            + DurationText.format(tier.longWindow())
            + " and "
            + FixedPoint.format(su, 2)
            + "x over "
            + DurationText.format(tier.shortWindow())
            + " (< "
            + tier.factor().stripTrailingZeros().toPlainString()
            + "x)");
  }
}
