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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
    Set<Duration> windows = new LinkedHashSet<>(BURN_WINDOWS);
    for (AlertTier t : tiers) {
      windows.add(t.longWindow());
      windows.add(t.shortWindow());
    }
    UnitCounts counts =
        slo.budgetingMethod().isSliced()
            ? new SliceCounts(slo, period, at)
            : new UnitCounts(slo, period, at);
    Window reach = reach(slo, period, at, windows);
    if (!corrections.of(slo).isEmpty()) {
      counts.cut = corrections.intervals(slo, reach);
    }
    counts.load(source, List.copyOf(windows));
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

    Map<Duration, BigDecimal> burns = new LinkedHashMap<>();
    for (Duration d : windows) {
      burns.put(d, windowBurn(budget, counts.window(d), noData, noDataBad));
    }
    Map<Duration, Double> burnRates = new LinkedHashMap<>();
    for (Duration d : BURN_WINDOWS) {
      EventCounts c = counts.window(d);
      boolean special = (noDataBad && c.total() == 0) || (noData && !noDataBad);
      // the same double as Decimals.toDouble(burns.get(d)), with one division when exact
      burnRates.put(d, special ? Decimals.toDouble(burns.get(d)) : budget.burnDouble(c));
    }

    List<FiringAlert> alerts = new ArrayList<>();
    List<SuppressedAlert> suppressed = new ArrayList<>();
    boolean onUpperBound = slo.statusOn() == StatusBasis.UPPER_BOUND;
    for (AlertTier t : tiers) {
      BigDecimal l = burns.get(t.longWindow());
      BigDecimal s = burns.get(t.shortWindow());
      if (l.compareTo(t.factor()) >= 0 && s.compareTo(t.factor()) >= 0) {
        SuppressedAlert why =
            StatusRules.suppression(
                slo,
                t,
                counts.window(t.longWindow()).total(),
                () -> upperBoundBurn(budget, counts.window(t.longWindow())),
                () -> upperBoundBurn(budget, counts.window(t.shortWindow())));
        if (why != null) {
          suppressed.add(why);
          continue;
        }
        alerts.add(new FiringAlert(t, Decimals.toDouble(l), Decimals.toDouble(s)));
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
    Map<Duration, SliInterval> windowIntervals = new LinkedHashMap<>();
    for (Duration d : BURN_WINDOWS) {
      SliInterval w = SliInterval.wilson(counts.window(d));
      if (w != null) {
        windowIntervals.put(d, w);
      }
    }
    Status status = StatusRules.status(slo, statusRemaining, alerts);
    BigDecimal burn1h = burns.get(Duration.ofHours(1));
    Duration tte = StatusRules.timeToExhaustion(slo, period, at, remaining, burn1h);
    Instant projected =
        noData ? null : Forecast.projectExhaustion(counts, budget, slo, period, at, noDataBad);

    Double sli = noDataBad ? Double.valueOf(0.0) : percent(Budget.sli(units));
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
    Evaluation draft =
        new Evaluation(
            slo,
            at,
            period,
            units,
            noData,
            sli,
            Decimals.toDouble(consumed),
            Decimals.toDouble(remaining),
            Decimals.toDouble(totalBudget),
            Decimals.toDouble(consumedBudget),
            Decimals.toDouble(totalBudget.subtract(consumedBudget)),
            burnRates,
            Decimals.toDouble(consumed),
            tiers,
            alerts,
            status,
            tte,
            projected,
            List.of(),
            exclusion,
            suppressed,
            periodInterval,
            windowIntervals,
            List.of());
    return StatusRules.withRecommendations(draft);
  }

  /**
   * Everything the evaluation reads: the period, every window ending at {@code at} and each
   * forecast point's period, widened by one slice for the timeslice grid.
   */
  private static Window reach(Slo slo, Window period, Instant at, Set<Duration> windows) {
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

  private static Double percent(BigDecimal ratio) {
    return ratio == null ? null : Decimals.toDouble(ratio.movePointRight(2));
  }
}
