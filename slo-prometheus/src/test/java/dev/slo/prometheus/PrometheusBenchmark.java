package dev.slo.prometheus;

import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSource;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.testing.PrometheusServer;
import dev.slo.testing.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Times the evaluation of 100 SLOs against a real, backfilled Prometheus in both modes and from
 * file data. Not a test: run it with {@code benchmarks/prometheus-bench.sh}.
 */
public final class PrometheusBenchmark {
  private PrometheusBenchmark() {}

  /** Prints the time per round of 100 SLOs for each source. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path dir = Files.createTempDirectory("slo-prom-bench");
    Workload w = new Workload();
    try (PrometheusServer server = PrometheusServer.start(dir, w.openMetrics())) {
      PrometheusClient client = PrometheusClient.builder(server.url).build();
      List<Slo> slos = new ArrayList<>();
      Map<String, dev.slo.core.source.EventSeries> series = new HashMap<>();
      TimePeriod[] periods = {
        TimePeriod.ROLLING_30D, TimePeriod.ROLLING_7D, TimePeriod.CALENDAR_MONTH
      };
      for (int i = 0; i < 100; i++) {
        Slo s = PrometheusSourceIT.counters("slo-" + i, periods[i % 3]);
        slos.add(s);
        series.put(s.sloId(), w.series(w.good, w.bad));
      }
      Instant at = Workload.END.minus(Duration.ofMinutes(190));
      Map<String, EventSource> sources = new java.util.LinkedHashMap<>();
      sources.put("file data (in memory)", new InMemoryEventSource(series));
      sources.put("prometheus pushdown", PrometheusSource.pushdown(client));
      sources.put(
          "prometheus exact",
          new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5)));
      for (Map.Entry<String, EventSource> e : sources.entrySet()) {
        new Evaluator().evaluateAll(slos, e.getValue(), at); // warm-up round
        long best = Long.MAX_VALUE;
        long sum = 0;
        for (int r = 0; r < rounds; r++) {
          long t0 = System.nanoTime();
          new Evaluator().evaluateAll(slos, e.getValue(), at);
          long t = System.nanoTime() - t0;
          best = Math.min(best, t);
          sum += t;
        }
        System.out.printf(
            "%-24s 100 SLOs: mean %.3f s, best %.3f s over %d rounds%n",
            e.getKey(), sum / 1e9 / rounds, best / 1e9, rounds);
      }
    }
  }
}
