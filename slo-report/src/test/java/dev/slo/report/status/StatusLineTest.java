package dev.slo.report.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.spec.SpecParser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link StatusLine}: the reason {@code slo check} gives, with hand-computed figures. */
class StatusLineTest {
  private static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");

  private static Evaluation evaluate(double target, int minutes, long good, long total) {
    Slo slo =
        SpecParser.parseSlo(
            "t",
            "{\"slo_id\": \"api\", \"slo_name\": \"API\", \"service_name\": \"s\", \"slo_type\":"
                + " \"AVAILABILITY\", \"target_percentage\": "
                + target
                + ", \"time_period\": \"ROLLING_30D\"}");
    EventSeries.Builder b = EventSeries.builder(minutes + 1);
    for (int m = minutes - 1; m >= 0; m--) {
      b.add(AT.minus(Duration.ofMinutes(m)), good, total);
    }
    return new Evaluator().evaluate(slo, new InMemoryEventSource(Map.of("api", b.build())), AT);
  }

  @Test
  void shouldSayNoDataWhenThePeriodHasNoEvents() {
    assertThat(StatusLine.of(evaluate(99.9, 0, 0, 0))).endsWith(", no data in the period");
  }

  @Test
  void shouldGiveSliTargetAndBudgetLeft() {
    // 99.5% good against 99%: half of the 1% allowed is spent, 50.0% left
    assertThat(StatusLine.of(evaluate(99, 60, 995, 1000)))
        .contains(", SLI 99.5% vs target 99%, 50.0% of the error budget left");
  }

  @Test
  void shouldListTheFiringTiersWithTheirBurnRatesAndFactor() {
    // 2% bad against 0.1% allowed: burn 20 on every window, above page_1h_5m's 14.4
    String line = StatusLine.of(evaluate(99.9, 120, 980, 1000));
    assertThat(line)
        .contains("SLI 98% vs target 99.9%")
        .contains("firing: page_1h_5m (burn 20.00x/20.00x >= 14.4)");
  }
}
