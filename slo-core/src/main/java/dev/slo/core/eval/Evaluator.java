package dev.slo.core.eval;

import dev.slo.core.alert.AlertPolicy;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.correction.Corrections;
import dev.slo.core.correction.Exclusion;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.StatusBasis;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates SLOs at an instant: SLI, error budget, burn rates, alert tiers, status, time to
 * exhaustion, forecast and recommendations. Every window is left-open, right-closed. Events inside
 * the corrections given at construction are removed from every figure (docs/math.md,
 * "Corrections"). Immutable and thread-safe; the source is read once per SLO.
 */
public final class Evaluator {
  /** The windows burn rates are reported for, besides the whole period. */
  public static final List<Duration> BURN_WINDOWS =
      List.of(
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(6),
          Duration.ofDays(1),
          Duration.ofDays(3));

  private final Corrections corrections;

  /** An evaluator without corrections. */
  public Evaluator() {
    this(Corrections.NONE);
  }

  /** An evaluator that removes the events inside {@code corrections} from every figure. */
  public Evaluator(Corrections corrections) {
    this.corrections = Objects.requireNonNull(corrections, "corrections");
  }

  /** Evaluates every enabled SLO, in the order given; disabled ones are skipped. */
  public List<Evaluation> evaluateAll(List<Slo> slos, EventSource source, Instant at) {
    List<Evaluation> out = new ArrayList<>();
    for (Slo slo : slos) {
      if (slo.enabled()) {
        out.add(evaluate(slo, source, at));
      }
    }
    return out;
  }

  /**
   * Evaluates one SLO at {@code at}.
   *
   * @throws dev.slo.core.SourceException when the source cannot be read
   */
  public Evaluation evaluate(Slo slo, EventSource source, Instant at) {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(at, "at");
    Window period = slo.timePeriod().periodAt(at, slo.timeZone());
    List<AlertTier> tiers =
        slo.alertTiers().isEmpty() ? AlertPolicy.tiersFor(period.length()) : slo.alertTiers();
    List<Duration> windows = windows(tiers);
    UnitCounts counts =
        slo.budgetingMethod().isSliced()
            ? new SliceCounts(slo, period, at)
            : new UnitCounts(slo, period, at);
    if (!corrections.isEmpty() && !corrections.of(slo).isEmpty()) {
      counts.cut = corrections.intervals(slo, reach(slo, period, at, windows));
    }
    counts.load(source, windows);
    Window elapsed = new Window(period.start(), at);
    Exclusion exclusion =
        counts.cut.isEmpty()
            ? Exclusion.NONE
            : new Exclusion(
                counts.excluded,
                counts.excludedSlices(),
                counts.cut.lengthWithin(elapsed),
                corrections.touching(slo, elapsed));

    Budget budget = new Budget(slo.errorBudgetRatio());
    EventCounts units = counts.period();
    boolean noData = units.total() == 0;
    boolean noDataBad = noData && slo.noData() == NoDataPolicy.BAD;
    boolean ratio = counts instanceof SliceCounts s && s.ratio();
    if (noDataBad) {
      long n = counts instanceof SliceCounts s ? s.periodSlices() : 0;
      units = new EventCounts(0, ratio ? n * SliceCounts.RATIO_SCALE : n);
    }

    BigDecimal consumed =
        noDataBad
            ? budget.fullyBadBurn()
            : noData ? BigDecimal.ZERO : budget.consumedFraction(units);
    BigDecimal remaining = BigDecimal.ONE.subtract(consumed);
    // the same double as Decimals.toDouble(consumed), with one division when exact
    double consumedDouble = noData ? Decimals.toDouble(consumed) : budget.burnDouble(units);

    WindowMap<Double> burnRates = new WindowMap<>(BURN_WINDOWS.size());
    for (Duration d : BURN_WINDOWS) {
      burnRates.add(d, burnDouble(budget, counts.window(d), noData, noDataBad));
    }

    List<FiringAlert> alerts = new ArrayList<>();
    List<SuppressedAlert> suppressed = new ArrayList<>();
    boolean onUpperBound = slo.statusOn() == StatusBasis.UPPER_BOUND;
    for (AlertTier t : tiers) {
      EventCounts l = counts.window(t.longWindow());
      EventCounts s = counts.window(t.shortWindow());
      if (reaches(budget, l, t.factor(), noData, noDataBad)
          && reaches(budget, s, t.factor(), noData, noDataBad)) {
        SuppressedAlert why =
            StatusRules.suppression(
                slo,
                t,
                l.total(),
                () -> upperBoundBurn(budget, l),
                () -> upperBoundBurn(budget, s));
        if (why != null) {
          suppressed.add(why);
          continue;
        }
        alerts.add(
            new FiringAlert(
                t,
                burnDouble(budget, l, noData, noDataBad),
                burnDouble(budget, s, noData, noDataBad)));
      }
    }
    SliInterval periodInterval = noData || noDataBad ? null : SliInterval.wilson(units);
    BigDecimal statusRemaining = remaining;
    if (onUpperBound && periodInterval != null) {
      double errorLower = 1 - periodInterval.upperPercent() / 100;
      statusRemaining =
          BigDecimal.ONE.subtract(
              BigDecimal.valueOf(errorLower)
                  .divide(slo.errorBudgetRatio(), java.math.MathContext.DECIMAL64));
    }
    WindowMap<SliInterval> windowIntervals = new WindowMap<>(BURN_WINDOWS.size());
    for (Duration d : BURN_WINDOWS) {
      SliInterval w = SliInterval.wilson(counts.window(d));
      if (w != null) {
        windowIntervals.add(d, w);
      }
    }
    Status status = StatusRules.status(slo, statusRemaining, alerts);
    // read only while budget remains: the time to exhaustion is zero otherwise
    BigDecimal burn1h =
        remaining.signum() <= 0
            ? BigDecimal.ZERO
            : windowBurn(budget, counts.window(Duration.ofHours(1)), noData, noDataBad);
    @Nullable Duration tte = StatusRules.timeToExhaustion(slo, period, at, remaining, burn1h);
    @Nullable Instant projected =
        noData ? null : Forecast.projectExhaustion(counts, budget, slo, period, at, noDataBad);

    Double sli = noDataBad ? Double.valueOf(0.0) : Budget.sliPercent(units);
    BigDecimal totalBudget = budget.total(units);
    BigDecimal consumedBudget = BigDecimal.valueOf(units.bad());
    if (ratio) {
      // units are RATIO_SCALE per slice: report slices, the good ones rounded to whole slices
      BigDecimal scale = BigDecimal.valueOf(SliceCounts.RATIO_SCALE);
      totalBudget = totalBudget.divide(scale, Budget.MC);
      consumedBudget = consumedBudget.divide(scale, Budget.MC);
      long slices = units.total() / SliceCounts.RATIO_SCALE;
      long good =
          BigDecimal.valueOf(units.good()).divide(scale, 0, RoundingMode.HALF_EVEN).longValue();
      units = new EventCounts(good, slices);
    }
    return new Evaluation(
        slo,
        at,
        period,
        units,
        noData,
        sli,
        consumedDouble,
        Decimals.toDouble(remaining),
        Decimals.toDouble(totalBudget),
        Decimals.toDouble(consumedBudget),
        Decimals.toDouble(totalBudget.subtract(consumedBudget)),
        burnRates,
        consumedDouble,
        tiers,
        alerts,
        status,
        tte,
        projected,
        Recommendations.DERIVED,
        exclusion,
        suppressed,
        periodInterval,
        windowIntervals,
        List.of());
  }

  /** The burn windows, then the tiers' windows not among them, each once. */
  private static List<Duration> windows(List<AlertTier> tiers) {
    boolean extra = false;
    for (AlertTier t : tiers) {
      extra |= !BURN_WINDOWS.contains(t.longWindow()) || !BURN_WINDOWS.contains(t.shortWindow());
    }
    if (!extra) {
      return BURN_WINDOWS;
    }
    Set<Duration> windows = new LinkedHashSet<>(BURN_WINDOWS);
    for (AlertTier t : tiers) {
      windows.add(t.longWindow());
      windows.add(t.shortWindow());
    }
    return List.copyOf(windows);
  }

  /**
   * Everything the evaluation reads: the period, every window ending at {@code at} and each
   * forecast point's period, widened by one slice for the timeslice grid.
   */
  private static Window reach(Slo slo, Window period, Instant at, List<Duration> windows) {
    Instant earliest = period.start();
    for (Duration d : windows) {
      earliest = min(earliest, at.minus(d));
    }
    earliest =
        min(earliest, at.minus(Duration.ofHours(UnitCounts.FORECAST_HOURS)).minus(period.length()));
    if (slo.timesliceLength() != null) {
      earliest = earliest.minus(slo.timesliceLength());
    }
    return new Window(earliest, at);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** The burn rate the upper bound of the window's SLI interval implies; 0 without events. */
  private static double upperBoundBurn(Budget budget, EventCounts c) {
    SliInterval i = SliInterval.wilson(c);
    if (i == null) {
      return 0;
    }
    return (1 - i.upperPercent() / 100) / budget.ratio().doubleValue();
  }

  private static BigDecimal windowBurn(
      Budget budget, EventCounts c, boolean periodNoData, boolean noDataBad) {
    if (noDataBad && c.total() == 0) {
      return budget.fullyBadBurn();
    }
    if (periodNoData && !noDataBad) {
      return BigDecimal.ZERO;
    }
    return budget.burn(c);
  }

  /** {@code Decimals.toDouble(windowBurn(...))}, with one division when exact. */
  private static double burnDouble(
      Budget budget, EventCounts c, boolean periodNoData, boolean noDataBad) {
    if ((noDataBad && c.total() == 0) || (periodNoData && !noDataBad)) {
      return Decimals.toDouble(windowBurn(budget, c, periodNoData, noDataBad));
    }
    return budget.burnDouble(c);
  }

  /** {@code windowBurn(...).compareTo(factor) >= 0}, usually without the division. */
  private static boolean reaches(
      Budget budget, EventCounts c, BigDecimal factor, boolean periodNoData, boolean noDataBad) {
    if ((noDataBad && c.total() == 0) || (periodNoData && !noDataBad)) {
      return windowBurn(budget, c, periodNoData, noDataBad).compareTo(factor) >= 0;
    }
    return budget.reaches(c, factor);
  }
}
