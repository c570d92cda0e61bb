package dev.slo.examples;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The README's slo-core example, compiled and run by ReadmeExamplesTest. */
final class CoreExample {
  private CoreExample() {}

  static Evaluation run() {
    // README:core:start
    Slo slo =
        Slo.builder()
            .sloId("checkout-availability")
            .sloName("Checkout availability")
            .serviceName("checkout")
            .sloType(SloType.AVAILABILITY)
            .targetPercentage(99.9)
            .timePeriod(TimePeriod.ROLLING_30D)
            .build();
    Instant now = Instant.parse("2026-11-20T12:00:00Z");
    EventSeries.Builder events = EventSeries.builder(43_200);
    for (int minute = 43_199; minute >= 0; minute--) { // 30 days, 1,000 requests a minute
      long bad = minute < 60 ? 20 : 0; // 2% errors in the last hour
      events.add(now.minus(Duration.ofMinutes(minute)), 1_000 - bad, 1_000);
    }
    var source = new InMemoryEventSource(Map.of(slo.sloId(), events.build()));
    Evaluation e = new Evaluator().evaluate(slo, source, now);
    System.out.printf(
        "%s %s budget left %.1f%%, burn rate %.1fx, alerts %s%n",
        slo.sloId(), e.status(), 100 * e.errorBudgetRemaining(), e.burnRate(), e.alerts());
    // README:core:end
    return e;
  }
}
