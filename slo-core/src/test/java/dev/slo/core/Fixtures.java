package dev.slo.core;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Shared builders for tests: one SLO id, series helpers and a one-line evaluation. */
public final class Fixtures {
  /** A fixed evaluation instant, a Monday at noon UTC. */
  public static final Instant T = Instant.parse("2026-06-15T12:00:00Z");

  public static final String ID = "api-availability";

  private Fixtures() {}

  /** An SLO builder with the given target and period, everything else default. */
  public static Slo.Builder slo(double target, TimePeriod period) {
    return Slo.builder()
        .sloId(ID)
        .sloType(dev.slo.core.model.SloType.AVAILABILITY)
        .sloName("API availability")
        .serviceName("api")
        .targetPercentage(target)
        .timePeriod(period);
  }

  /** A fresh series builder. */
  public static EventSeries.Builder series() {
    return EventSeries.builder(64);
  }

  /**
   * Adds one row every {@code step} at {@code from + step, from + 2 step, ..., to}, each with the
   * given good and total events.
   */
  public static EventSeries.Builder every(
      EventSeries.Builder b, Instant from, Instant to, Duration step, long good, long total) {
    for (Instant t = from.plus(step); !t.isAfter(to); t = t.plus(step)) {
      b.add(t, good, total);
    }
    return b;
  }

  /** Evaluates {@code slo} at {@code at} over the given series. */
  public static Evaluation eval(Slo slo, EventSeries series, Instant at) {
    return new Evaluator().evaluate(slo, new InMemoryEventSource(Map.of(slo.sloId(), series)), at);
  }

  /** Evaluates {@code slo} at {@code at} without any events. */
  public static Evaluation evalEmpty(Slo slo, Instant at) {
    return new Evaluator().evaluate(slo, new InMemoryEventSource(Map.of()), at);
  }
}
