package dev.slo.prometheus;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.group.Groups;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.testing.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times one grouped SLO ({@code group_by: [route]}) over N routes against a real, backfilled
 * Prometheus in pushdown and exact modes, next to what a user without grouping writes: N SLOs, one
 * per route, with the route in their selectors, evaluated as a fleet. Reports requests, wall time
 * and Prometheus' own CPU ({@code process_cpu_seconds_total}) per round, and checks that every
 * group evaluates as its per-route SLO. Not a test: run it with {@code
 * benchmarks/grouped-bench.sh}.
 */
public final class GroupedBenchmark {
  static final Instant END = Instant.parse("2026-11-20T00:00:00Z");
  static final int MINUTES = 50 * 60;

  private GroupedBenchmark() {}

  /** {@code [routes] [rounds]}. */
  public static void main(String[] args) throws Exception {
    int routes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("slo-grouped-bench");
    try (PrometheusServer server = PrometheusServer.start(dir, openMetrics(routes))) {
      PrometheusClient client = PrometheusClient.builder(server.url).build();
      Slo template = slo("shop", "").toBuilder().groupBy(List.of("route")).build();
      List<Slo> perRoute = new ArrayList<>();
      for (int k = 0; k < routes; k++) {
        perRoute.add(slo("shop-" + k, ",route=\"/r" + k + "\""));
      }
      for (PrometheusSource.Mode mode : PrometheusSource.Mode.values()) {
        for (int round = 1; round <= rounds; round++) {
          double cpu0 = PrometheusBenchmark.cpuSeconds(server.url);
          long req0 = client.requestCount();
          long t0 = System.nanoTime();
          PrometheusSource grouped = new PrometheusSource(client, mode, Duration.ofMinutes(5));
          List<Slo> groups =
              Groups.expand(template, grouped, END.minus(Duration.ofDays(1)), END).slos();
          long discoveredMs = (System.nanoTime() - t0) / 1_000_000;
          List<Evaluation> byGroup = new ArrayList<>();
          long firstMs = 0;
          for (Slo g : groups) {
            byGroup.add(new Evaluator().evaluate(g, grouped, END));
            if (firstMs == 0) {
              firstMs = (System.nanoTime() - t0) / 1_000_000;
            }
          }
          long groupedMs = (System.nanoTime() - t0) / 1_000_000;
          long groupedReq = client.requestCount() - req0;
          double groupedCpu = PrometheusBenchmark.cpuSeconds(server.url) - cpu0;

          cpu0 = PrometheusBenchmark.cpuSeconds(server.url);
          req0 = client.requestCount();
          t0 = System.nanoTime();
          PrometheusSource fleet =
              new PrometheusSource(client, mode, Duration.ofMinutes(5)).withFleet(perRoute);
          List<Evaluation> bySlo = new ArrayList<>();
          for (Slo s : perRoute) {
            bySlo.add(new Evaluator().evaluate(s, fleet, END));
          }
          long fleetMs = (System.nanoTime() - t0) / 1_000_000;
          long fleetReq = client.requestCount() - req0;
          double fleetCpu = PrometheusBenchmark.cpuSeconds(server.url) - cpu0;
          check(groups, byGroup, bySlo);
          System.out.printf(
              Locale.ROOT,
              "%s round %d, %d routes: grouped SLO %d requests %d ms (discovery %d ms, first group"
                  + " %d ms) Prometheus CPU %.2f s;"
                  + " %d per-route SLOs %d requests %d ms Prometheus CPU %.2f s%n",
              mode,
              round,
              routes,
              groupedReq,
              groupedMs,
              discoveredMs,
              firstMs,
              groupedCpu,
              routes,
              fleetReq,
              fleetMs,
              fleetCpu);
        }
      }
    }
  }

  /** Group k (sorted by route text) is route {@code /r<k>}'s SLO: same SLI, burns and status. */
  private static void check(List<Slo> groups, List<Evaluation> byGroup, List<Evaluation> bySlo) {
    if (groups.size() != bySlo.size()) {
      throw new AssertionError(groups.size() + " groups for " + bySlo.size() + " routes");
    }
    for (int i = 0; i < groups.size(); i++) {
      int k = Integer.parseInt(groups.get(i).groupLabels().get("route").substring(2));
      Evaluation a = byGroup.get(i);
      Evaluation b = bySlo.get(k);
      if (!java.util.Objects.equals(a.currentSliPercent(), b.currentSliPercent())
          || !a.burnRates().equals(b.burnRates())
          || a.status() != b.status()) {
        throw new AssertionError(groups.get(i).sloId() + " differs from shop-" + k);
      }
    }
  }

  private static Slo slo(String id, String matcher) {
    return Slo.builder()
        .sloId(id)
        .sloName("Shop")
        .sloType(SloType.AVAILABILITY)
        .serviceName("shop")
        .targetPercentage(99.9)
        .timePeriod(TimePeriod.ROLLING_24H)
        .sli(
            new SliDefinition(
                null,
                "shop_requests_total{service=\"shop\",code=\"500\"" + matcher + "}",
                "shop_requests_total{service=\"shop\"" + matcher + "}",
                null,
                null,
                null,
                null))
        .build();
  }

  private static String openMetrics(int routes) {
    StringBuilder sb = new StringBuilder("# TYPE shop_requests counter\n");
    SplittableRandom r = new SplittableRandom(5);
    Instant start = END.minus(Duration.ofMinutes(MINUTES));
    for (int k = 0; k < routes; k++) {
      for (String code : List.of("200", "500")) {
        String series =
            "shop_requests_total{code=\"" + code + "\",route=\"/r" + k + "\",service=\"shop\"} ";
        long v = 0;
        for (int i = 0; i <= MINUTES; i++) {
          v += code.equals("200") ? 50 + r.nextInt(50) : (r.nextInt(20) == 0 ? 1 : 0);
          sb.append(series)
              .append(v)
              .append(' ')
              .append(start.plus(Duration.ofMinutes(i)).getEpochSecond())
              .append('\n');
        }
      }
    }
    return sb.append("# EOF\n").toString();
  }
}
