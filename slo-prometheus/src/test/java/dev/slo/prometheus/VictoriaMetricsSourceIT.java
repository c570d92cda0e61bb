package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.testing.VictoriaMetricsServer;
import dev.slo.testing.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second engine: VictoriaMetrics loaded with the samples {@link PrometheusSourceIT} backfills
 * into Prometheus. Exact mode must give the file's numbers, as on Prometheus; pushdown is measured
 * against them and the differences printed (docs/prometheus.md records them).
 */
class VictoriaMetricsSourceIT {
  @TempDir static Path dir;
  static VictoriaMetricsServer server;
  static Workload work;
  static PrometheusClient client;

  @BeforeAll
  static void start() throws Exception {
    VictoriaMetricsServer.assumeInstalled();
    work = new Workload();
    server = VictoriaMetricsServer.start(dir, work.openMetrics());
    client = PrometheusClient.builder(server.url).build();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static InMemoryEventSource file(Slo slo) {
    EventSeries s = work.series(work.good, work.bad);
    return new InMemoryEventSource(Map.of(slo.sloId(), s));
  }

  private static List<Instant> instants() {
    return List.of(
        Workload.END,
        Workload.END.minus(Duration.ofMinutes(190)),
        Workload.END.minus(Duration.ofHours(3)),
        Workload.END.minus(Duration.ofDays(18)).plusSeconds(30));
  }

  @Test
  void shouldReproduceKnownCountsExactlyInExactModeAsOnPrometheus() {
    PrometheusSource exact =
        new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5));
    for (TimePeriod p :
        List.of(
            TimePeriod.ROLLING_30D,
            TimePeriod.ROLLING_7D,
            TimePeriod.ROLLING_1H,
            TimePeriod.CALENDAR_MONTH)) {
      Slo slo = PrometheusSourceIT.counters("vm-" + p.name().toLowerCase(java.util.Locale.ROOT), p);
      for (Instant at : instants()) {
        assertThat(new Evaluator().evaluate(slo, exact, at))
            .as(p + " at " + at)
            .isEqualTo(new Evaluator().evaluate(slo, file(slo), at));
      }
    }
  }

  @Test
  void shouldStayCloseToExactInPushdownModeAndSayByHowMuch() {
    PrometheusSource push = PrometheusSource.pushdown(client);
    double worst = 0;
    int equal = 0;
    for (TimePeriod p : List.of(TimePeriod.ROLLING_30D, TimePeriod.CALENDAR_MONTH)) {
      Slo slo =
          PrometheusSourceIT.counters("vm-push-" + p.name().toLowerCase(java.util.Locale.ROOT), p);
      for (Instant at : instants()) {
        Evaluation e = new Evaluator().evaluate(slo, push, at);
        Evaluation f = new Evaluator().evaluate(slo, file(slo), at);
        if (e.equals(f)) {
          equal++;
        }
        assertThat(e.currentSliPercent()).isCloseTo(f.currentSliPercent(), within(1e-4));
        for (String w : List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d", "period")) {
          double x = f.burnRateLabels().get(w);
          double y = e.burnRateLabels().get(w);
          double rel = x == 0 ? Math.abs(y) : Math.abs(y - x) / x;
          worst = Math.max(worst, rel);
          System.out.printf(
              "victoria-metrics pushdown %s at %s burn %s: %.6f, exact %.6f (%.4f%%)%n",
              p, at, w, y, x, rel * 100);
          assertThat(y).as(p + " " + at + " " + w).isCloseTo(x, within(0.02 * x + 0.01));
        }
      }
    }
    System.out.printf(
        "victoria-metrics pushdown: largest burn-rate difference %.4f%%; %d of 8 evaluations"
            + " equal to exact%n",
        worst * 100, equal);
  }
}
