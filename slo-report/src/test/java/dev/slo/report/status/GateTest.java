package dev.slo.report.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.spec.SpecParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Gate}: which SLOs fail {@code slo check} and the lines it prints. */
class GateTest {
  private static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");

  private static Evaluation evaluate(String id, long good, long total) {
    Slo slo =
        SpecParser.parseSlo(
            "t",
            "{\"slo_id\": \""
                + id
                + "\", \"slo_name\": \"A\", \"service_name\": \"s\", \"slo_type\":"
                + " \"AVAILABILITY\", \"target_percentage\": 99, \"time_period\": \"ROLLING_30D\"}");
    EventSeries.Builder b = EventSeries.builder(61);
    for (int m = 59; m >= 0; m--) {
      b.add(AT.minus(Duration.ofMinutes(m)), good, total);
    }
    return new Evaluator().evaluate(slo, new InMemoryEventSource(Map.of(id, b.build())), AT);
  }

  @Test
  void shouldFailTheSlosAtLeastAsBadAsFailOnAndCountThem() {
    Evaluation healthy = evaluate("fine", 1000, 1000);
    Evaluation exhausted = evaluate("broken", 900, 1000);
    assertThat(healthy.status()).isEqualTo(Status.HEALTHY);
    assertThat(exhausted.status()).isEqualTo(Status.EXHAUSTED);
    Gate gate = new Gate(List.of(healthy, exhausted), Status.CRITICAL);
    assertThat(gate.failed()).isEqualTo(1);
    assertThat(gate.text())
        .isEqualTo(
            "ok   fine: "
                + StatusLine.of(healthy)
                + "\nFAIL broken: "
                + StatusLine.of(exhausted)
                + "\n1 passed, 1 failed (fail on critical or worse)\n");
  }

  @Test
  void shouldFailAtFailOnItselfAndPassBelowIt() {
    Gate gate = new Gate(List.of(evaluate("broken", 900, 1000)), Status.EXHAUSTED);
    assertThat(gate.failed()).isEqualTo(1);
    assertThat(new Gate(List.of(evaluate("fine", 1000, 1000)), Status.WARNING).failed()).isZero();
  }

  @Test
  void shouldSayNoneFailedForNoSlos() {
    assertThat(new Gate(List.of(), Status.WARNING).text())
        .isEqualTo("0 passed, 0 failed (fail on warning or worse)\n");
  }
}
