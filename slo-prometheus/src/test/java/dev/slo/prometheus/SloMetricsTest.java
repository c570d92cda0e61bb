package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SloMetricsTest {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

  @Test
  void shouldServeEvaluationResultsOnMetrics() throws Exception {
    Slo slo = PrometheusSourceIT.counters("checkout", TimePeriod.ROLLING_24H);
    EventSeries.Builder b = EventSeries.builder(1440);
    for (int m = 0; m < 1440; m++) {
      b.add(T.minus(Duration.ofMinutes(m)), m < 60 ? 980 : 1000, 1000);
    }
    Evaluation e =
        new Evaluator().evaluate(slo, new InMemoryEventSource(Map.of("checkout", b.build())), T);
    SloMetrics metrics = new SloMetrics(new PrometheusRegistry());
    metrics.update(e);
    try (HTTPServer server = metrics.serve("127.0.0.1", 0)) {
      String body =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.getPort() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      String labels = "service=\"checkout\",slo_id=\"checkout\""; // sorted by name
      assertThat(body)
          .contains("slo_objective_ratio{" + labels + "} 0.999\n")
          .contains("slo_burn_rate{" + labels + ",window=\"1h\"} 20.0")
          .contains("slo_status{" + labels + ",status=\"CRITICAL\"} 1.0")
          .contains("slo_status{" + labels + ",status=\"HEALTHY\"} 0.0")
          .contains(
              "slo_alert_firing{service=\"checkout\",severity=\"page\",slo_id=\"checkout\",tier=\"page_1h_5m\"} 1.0")
          .contains("slo_no_data{" + labels + "} 0.0")
          .contains("slo_error_budget_remaining_ratio{" + labels + "} " + e.errorBudgetRemaining());
    }
  }
}
