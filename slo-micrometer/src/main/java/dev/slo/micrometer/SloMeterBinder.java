package dev.slo.micrometer;

import dev.slo.core.SloException;
import dev.slo.core.alert.AlertPolicy;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.eval.FiringAlert;
import dev.slo.core.model.Slo;
import dev.slo.core.tracker.SloTracker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Publishes every SLO's evaluation as gauges, so the registry a service already exports
 * (Prometheus, OTLP, Datadog, JMX, ...) carries them. Names and tags are stable (Prometheus form in
 * brackets):
 *
 * <ul>
 *   <li>{@code slo.status} [{@code slo_status}]: 0 HEALTHY, 1 WARNING, 2 CRITICAL, 3 EXHAUSTED
 *   <li>{@code slo.sli.ratio} [{@code slo_sli_ratio}]: good / total over the period, NaN without
 *       data
 *   <li>{@code slo.target.ratio} [{@code slo_target_ratio}]: the objective, e.g. 0.999
 *   <li>{@code slo.error.budget.remaining.ratio} [{@code slo_error_budget_remaining_ratio}]: 1 -
 *       consumed; negative when overspent
 *   <li>{@code slo.burn.rate} [{@code slo_burn_rate}] with tag {@code window}: 5m, 30m, 1h, 2h, 6h,
 *       1d, 3d and period
 *   <li>{@code slo.alert.firing} [{@code slo_alert_firing}] with tag {@code tier}: 1 while the tier
 *       fires, else 0
 * </ul>
 *
 * Every gauge has the tags {@code slo_id} and {@code service}. Evaluations are cached for a refresh
 * interval (default 10 s, by the supplier's clock) and recomputed on the first gauge read after it,
 * so one scrape evaluates each SLO once. Thread-safe.
 */
public final class SloMeterBinder implements MeterBinder {
  /** The default interval after which a gauge read evaluates again. */
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);

  private final List<Slo> slos;
  private final Supplier<List<Evaluation>> evaluations;
  private final Clock clock;
  private final long refreshMillis;
  private Map<String, Evaluation> cache = Map.of(); // guarded by this
  private long evaluatedAt = Long.MIN_VALUE; // guarded by this

  /**
   * A binder over {@code evaluations}, which evaluates {@code slos} (enabled ones) when called.
   *
   * @param clock decides when the cache is stale
   * @param refresh how long an evaluation is reused; zero evaluates on every gauge read
   */
  public SloMeterBinder(
      List<Slo> slos, Supplier<List<Evaluation>> evaluations, Clock clock, Duration refresh) {
    this.slos = slos.stream().filter(Slo::enabled).toList();
    this.evaluations = Objects.requireNonNull(evaluations, "evaluations");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (refresh.isNegative()) {
      throw new IllegalArgumentException(refresh + " is not a valid refresh interval: use >= 0");
    }
    this.refreshMillis = refresh.toMillis();
  }

  /** A binder over a tracker's SLOs, refreshed every {@link #DEFAULT_REFRESH}. */
  public static SloMeterBinder of(SloTracker tracker) {
    return of(tracker, DEFAULT_REFRESH);
  }

  /** A binder over a tracker's SLOs with the given refresh interval. */
  public static SloMeterBinder of(SloTracker tracker, Duration refresh) {
    return new SloMeterBinder(tracker.slos(), tracker::evaluateAll, tracker.clock(), refresh);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Slo slo : slos) {
      String id = slo.sloId();
      Tags tags = Tags.of("slo_id", id, "service", slo.serviceName());
      gauge(
          registry,
          "slo.status",
          "SLO status: 0 healthy, 1 warning, 2 critical, 3 exhausted",
          tags,
          id,
          e -> e.status().ordinal());
      gauge(
          registry,
          "slo.sli.ratio",
          "Good events / total events over the SLO period",
          tags,
          id,
          SloMeterBinder::sliRatio);
      gauge(
          registry,
          "slo.target.ratio",
          "The SLO's objective",
          tags,
          id,
          e -> e.slo().targetDecimal().movePointLeft(2).doubleValue());
      gauge(
          registry,
          "slo.error.budget.remaining.ratio",
          "Fraction of the error budget left; negative when overspent",
          tags,
          id,
          Evaluation::errorBudgetRemaining);
      List<String> windows = new ArrayList<>();
      Evaluator.BURN_WINDOWS.forEach(d -> windows.add(dev.slo.core.window.DurationText.format(d)));
      windows.add("period"); // Evaluation.burnRateLabels() calls the whole period so
      for (String w : windows) {
        gauge(
            registry,
            "slo.burn.rate",
            "Error budget burn rate over a window",
            tags.and("window", w),
            id,
            e -> e.burnRateLabels().getOrDefault(w, Double.NaN));
      }
      for (AlertTier t : tiersOf(slo)) {
        String name = t.name();
        gauge(
            registry,
            "slo.alert.firing",
            "1 while the multi-window burn-rate tier fires",
            tags.and("tier", name),
            id,
            e -> firing(e, name) ? 1 : 0);
      }
    }
  }

  private static List<AlertTier> tiersOf(Slo slo) {
    if (!slo.alertTiers().isEmpty()) {
      return slo.alertTiers();
    }
    // the default tiers' names do not depend on the period length, only windows and factors do
    Duration length = slo.timePeriod().periodAt(java.time.Instant.EPOCH, slo.timeZone()).length();
    return AlertPolicy.tiersFor(length);
  }

  private static double sliRatio(Evaluation e) {
    if (e.currentSliPercent() == null) {
      return Double.NaN;
    }
    long total = e.units().total();
    return total == 0 ? 0.0 : (double) e.units().good() / total;
  }

  private static boolean firing(Evaluation e, String tier) {
    for (FiringAlert a : e.alerts()) {
      if (a.tier().name().equals(tier)) {
        return true;
      }
    }
    return false;
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String description,
      Tags tags,
      String sloId,
      ToDoubleFunction<Evaluation> value) {
    Gauge.builder(
            name,
            this,
            b -> {
              Evaluation e = b.current(sloId);
              return e == null ? Double.NaN : value.applyAsDouble(e);
            })
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }

  /** The cached evaluation of an SLO, evaluating all of them when the cache is stale. */
  synchronized @Nullable Evaluation current(String sloId) {
    long now = clock.millis();
    if (evaluatedAt == Long.MIN_VALUE || now - evaluatedAt >= refreshMillis || now < evaluatedAt) {
      Map<String, Evaluation> fresh = new HashMap<>();
      try {
        for (Evaluation e : evaluations.get()) {
          fresh.put(e.slo().sloId(), e);
        }
      } catch (SloException e) {
        fresh.clear(); // unknown state: every gauge reads NaN until the next refresh
      }
      cache = fresh;
      evaluatedAt = now;
    }
    return cache.get(sloId);
  }
}
