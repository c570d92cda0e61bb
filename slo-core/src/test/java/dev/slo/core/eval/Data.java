package dev.slo.core.eval;

import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Builds test series and SLOs. */
final class Data {
  static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

  private final EventSeries.Builder b = EventSeries.builder(1024);

  static Data series() {
    return new Data();
  }

  /** One row per step in (from, to], each with the given counts. */
  Data every(Duration step, Instant from, Instant to, long good, long total) {
    for (Instant t = from.plus(step); !t.isAfter(to); t = t.plus(step)) {
      b.add(t, good, total);
    }
    return this;
  }

  Data row(Instant t, long good, long total) {
    b.add(t, good, total);
    return this;
  }

  InMemoryEventSource source(String id) {
    return new InMemoryEventSource(Map.of(id, b.build()));
  }

  static Slo slo(double target, TimePeriod period) {
    return Slo.builder()
        .sloId("s")
        .sloType(dev.slo.core.model.SloType.AVAILABILITY)
        .sloName("S")
        .serviceName("svc")
        .targetPercentage(target)
        .timePeriod(period)
        .build();
  }

  static Evaluation eval(Slo slo, Data data, Instant at) {
    return new Evaluator().evaluate(slo, data.source(slo.sloId()), at);
  }

  private Data() {}
}
