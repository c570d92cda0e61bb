package dev.slo.core.composite;

import dev.slo.core.SourceException;
import dev.slo.core.alert.AlertPolicy;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.correction.CorrectedEventSource;
import dev.slo.core.correction.Corrections;
import dev.slo.core.eval.ComponentStatus;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.eval.FiringAlert;
import dev.slo.core.eval.SliInterval;
import dev.slo.core.eval.StatusRules;
import dev.slo.core.eval.SuppressedAlert;
import dev.slo.core.model.CompositeComponent;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.StatusBasis;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates SLOs of which some are composites (docs/math.md, "Composite SLOs"). An SLO that is not
 * a composite goes to {@link Evaluator} unchanged. A composite's burn rate in each window is the
 * weighted mean of its components' burn rates in that window, over the components that have events
 * there; the budget, SLI, alert tiers and status follow from it. Counts come from the source for
 * the leaf (non-composite) components only, once per leaf; arithmetic is exact decimal (divisions
 * at 34 digits) until the result is stored as doubles. Stateless and thread-safe. The list of SLOs
 * must have passed {@link CompositeGraph#problems}.
 */
public final class CompositeEvaluator {
  private static final MathContext MC = MathContext.DECIMAL128;

  private final Evaluator plain;
  private final Corrections corrections;

  /** An evaluator using a default {@link Evaluator} for plain SLOs. */
  public CompositeEvaluator() {
    this(new Evaluator());
  }

  /** An evaluator using {@code plain} for SLOs that are not composites; no corrections. */
  public CompositeEvaluator(Evaluator plain) {
    this(plain, Corrections.NONE);
  }

  /**
   * An evaluator using {@code plain} (built with the same corrections) for SLOs that are not
   * composites; a composite's leaf components are read without the events inside their corrections,
   * as their own evaluations are.
   */
  public CompositeEvaluator(Evaluator plain, Corrections corrections) {
    this.plain = Objects.requireNonNull(plain, "plain");
    this.corrections = Objects.requireNonNull(corrections, "corrections");
  }

  /**
   * Evaluates every enabled SLO of {@code selected}, in order; components are looked up in {@code
   * all} (enabled or not).
   *
   * @throws SourceException when the source cannot be read
   */
  public List<Evaluation> evaluateAll(
      List<Slo> selected, List<Slo> all, EventSource source, Instant at) {
    Map<String, Slo> byId = new LinkedHashMap<>();
    all.forEach(s -> byId.putIfAbsent(s.sloId(), s));
    List<Evaluation> out = new ArrayList<>();
    for (Slo slo : selected) {
      if (slo.enabled()) {
        out.add(evaluate(slo, byId, source, at));
      }
    }
    return out;
  }

  /**
   * Evaluates one SLO at {@code at}; a composite's components are looked up in {@code byId}.
   *
   * @throws IllegalArgumentException when a component is missing from {@code byId}
   * @throws SourceException when the source cannot be read
   */
  public Evaluation evaluate(Slo slo, Map<String, Slo> byId, EventSource source, Instant at) {
    if (!slo.isComposite()) {
      return plain.evaluate(slo, source, at);
    }
    Window period = slo.timePeriod().periodAt(at, slo.timeZone());
    List<AlertTier> tiers =
        slo.alertTiers().isEmpty() ? AlertPolicy.tiersFor(period.length()) : slo.alertTiers();
    Set<Duration> durations = new LinkedHashSet<>(Evaluator.BURN_WINDOWS);
    for (AlertTier t : tiers) {
      durations.add(t.longWindow());
      durations.add(t.shortWindow());
    }
    Window elapsed = new Window(period.start(), at);
    Set<Window> windows = new LinkedHashSet<>();
    windows.add(elapsed);
    for (Duration d : durations) {
      windows.add(Window.ending(at, d));
    }
    List<Window> forecast = StatusRules.forecastWindows(slo.timePeriod(), period, at);
    windows.addAll(forecast);
    EventSource leaves =
        corrections.isEmpty() ? source : new CorrectedEventSource(source, corrections);
    Burns burns = new Burns(byId, leaves, List.copyOf(windows));
    Burns.Node node = burns.of(slo);

    BigDecimal ratio = slo.errorBudgetRatio();
    double epsilon = ratio.doubleValue();
    BigDecimal fullyBad = BigDecimal.ONE.divide(ratio, MC);
    BigDecimal periodBurn = node.burn(elapsed);
    boolean noData = periodBurn == null;
    boolean noDataBad = noData && slo.noData() == NoDataPolicy.BAD;
    BigDecimal consumed = periodBurn != null ? periodBurn : noDataBad ? fullyBad : BigDecimal.ZERO;
    BigDecimal remaining = BigDecimal.ONE.subtract(consumed);

    Map<Duration, BigDecimal> byDuration = new LinkedHashMap<>();
    for (Duration d : durations) {
      BigDecimal b = node.burn(Window.ending(at, d));
      byDuration.put(d, b != null ? b : noDataBad ? fullyBad : BigDecimal.ZERO);
    }
    Map<Duration, Double> burnRates = new LinkedHashMap<>();
    Map<Duration, SliInterval> windowIntervals = new LinkedHashMap<>();
    for (Duration d : Evaluator.BURN_WINDOWS) {
      burnRates.put(d, burnAt(byDuration, d).doubleValue());
      SliInterval i = Burns.interval(epsilon, node.bounds(Window.ending(at, d)));
      if (i != null) {
        windowIntervals.put(d, i);
      }
    }
    boolean onUpperBound = slo.statusOn() == StatusBasis.UPPER_BOUND;
    List<FiringAlert> alerts = new ArrayList<>();
    List<SuppressedAlert> suppressed = new ArrayList<>();
    for (AlertTier t : tiers) {
      BigDecimal l = burnAt(byDuration, t.longWindow());
      BigDecimal s = burnAt(byDuration, t.shortWindow());
      if (l.compareTo(t.factor()) < 0 || s.compareTo(t.factor()) < 0) {
        continue;
      }
      Window longWindow = Window.ending(at, t.longWindow());
      SuppressedAlert why =
          StatusRules.suppression(
              slo,
              t,
              burns.events(node, longWindow).total(),
              () -> lowBurn(node.bounds(longWindow)),
              () -> lowBurn(node.bounds(Window.ending(at, t.shortWindow()))));
      if (why != null) {
        suppressed.add(why);
        continue;
      }
      alerts.add(new FiringAlert(t, l.doubleValue(), s.doubleValue()));
    }
    SliInterval periodInterval = noData ? null : Burns.interval(epsilon, node.bounds(elapsed));
    Burns.Bounds periodBounds = node.bounds(elapsed);
    BigDecimal statusRemaining =
        onUpperBound && periodBounds != null
            ? BigDecimal.ONE.subtract(BigDecimal.valueOf(periodBounds.low()))
            : remaining;
    Status status = StatusRules.status(slo, statusRemaining, alerts);
    Duration tte =
        StatusRules.timeToExhaustion(
            slo, period, at, remaining, burnAt(byDuration, Duration.ofHours(1)));
    Instant projected = null;
    if (!noData) {
      List<Map.Entry<Instant, Double>> points = new ArrayList<>();
      for (Window w : forecast) {
        BigDecimal b = node.burn(w);
        points.add(
            Map.entry(
                w.end(), b != null ? b.doubleValue() : noDataBad ? fullyBad.doubleValue() : 0.0));
      }
      projected = StatusRules.projectExhaustion(slo, period, at, points);
    }
    Double sli =
        periodBurn != null
            ? Burns.sliPercent(ratio, periodBurn)
            : noDataBad ? Double.valueOf(0.0) : null;

    List<ComponentStatus> parts = new ArrayList<>();
    for (CompositeComponent c : slo.composite().components()) {
      Slo part = burns.slo(c.sloId());
      Burns.Node n = burns.of(part);
      BigDecimal b = n.burn(elapsed);
      Double partSli =
          b == null
              ? null
              : part.isComposite()
                  ? Burns.sliPercent(part.errorBudgetRatio(), b)
                  : percent(n.units());
      parts.add(
          new ComponentStatus(
              c.sloId(),
              c.weight(),
              part.isComposite(),
              b == null,
              partSli,
              b == null ? 0.0 : b.doubleValue()));
    }
    Evaluation draft =
        new Evaluation(
            slo,
            at,
            period,
            node.units(),
            noData,
            sli,
            consumed.doubleValue(),
            remaining.doubleValue(),
            1.0,
            consumed.doubleValue(),
            remaining.doubleValue(),
            burnRates,
            consumed.doubleValue(),
            tiers,
            alerts,
            status,
            tte,
            projected,
            List.of(),
            dev.slo.core.correction.Exclusion.NONE,
            suppressed,
            periodInterval,
            windowIntervals,
            parts);
    return StatusRules.withRecommendations(draft);
  }

  private static BigDecimal burnAt(Map<Duration, BigDecimal> burns, Duration d) {
    return Objects.requireNonNull(burns.get(d), "burn rate of a window that was read");
  }

  private static @Nullable Double percent(EventCounts c) {
    if (c.total() == 0) {
      return null;
    }
    return BigDecimal.valueOf(c.good())
        .divide(BigDecimal.valueOf(c.total()), MC)
        .movePointRight(2)
        .doubleValue();
  }

  /** The low burn rate of a window's bounds; 0 without events, as for a plain SLO. */
  private static double lowBurn(Burns.@Nullable Bounds b) {
    return b == null ? 0 : b.low();
  }
}
