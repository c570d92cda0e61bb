package dev.slo.benchmarks;

import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.store.SloFilter;
import dev.slo.core.window.Window;
import dev.slo.jdbc.JdbcStore;
import dev.slo.prometheus.PrometheusClient;
import dev.slo.prometheus.PrometheusSource;
import dev.slo.prometheus.QueryResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fleet of {@code benchmarks/fleet-bench.sh} from every source in one JVM and one run, on the
 * same data: 100 SLOs whose rows are in a PostgreSQL store and, as two counters per SLO ({@code
 * http_requests_total{service="slo-NNN",code="200"|"500"}}), in a real Prometheus. Rounds alternate
 * between what a user would run instead (one grouped {@code sum by (service, code) (increase(...))}
 * query per distinct window ending at the instant, 8 at a time) and slo's three paths (Prometheus
 * pushdown, Prometheus exact, the store), each with a fresh source as a one-shot {@code slo eval}
 * would have, after warm-up rounds (a server evaluates every minute). Checks exact's counts equal
 * the store's for every window every SLO asks for, and pushdown's equal the direct queries' for the
 * windows both read. Prints medians, requests and Prometheus' own CPU ({@code
 * process_cpu_seconds_total}) per evaluation, and the ratios.
 *
 * <p>Usage: {@code FleetSourcesBench PROMETHEUS_URL JDBC_URL AT [ROUNDS] [WARM_UP]}
 */
public final class FleetSourcesBench {
  private static final String METRIC = "http_requests_total";

  private FleetSourcesBench() {}

  /** Runs the comparison; exits non-zero (an exception) when answers differ. */
  public static void main(String[] args) throws Exception {
    URI prom = URI.create(args[0]);
    String jdbc = args[1];
    Instant at = Instant.parse(args[2]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
    int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    try (JdbcStore store = JdbcStore.open(jdbc)) {
      List<Slo> stored = new ArrayList<>(store.slos().list(SloFilter.ALL));
      stored.sort(Comparator.comparing(Slo::sloId));
      List<Slo> counted = new ArrayList<>();
      for (Slo s : stored) {
        String total = METRIC + "{service=\"" + s.sloId() + "\"}";
        String bad = METRIC + "{service=\"" + s.sloId() + "\",code=\"500\"}";
        counted.add(
            s.toBuilder().sli(new SliDefinition(null, bad, total, null, null, null, null)).build());
      }
      Set<Window> distinct = new LinkedHashSet<>();
      recorded(stored, store.eventSource(stored, at, new ArrayList<>()), at)
          .keySet()
          .forEach(
              k -> {
                if (k.window().end().equals(at)) {
                  distinct.add(k.window());
                }
              });
      PrometheusClient directClient = PrometheusClient.builder(prom).build();
      PrometheusClient pushClient = PrometheusClient.builder(prom).build();
      PrometheusClient exactClient = PrometheusClient.builder(prom).build();
      Direct direct = new Direct(directClient, List.copyOf(distinct), at);
      Path[] paths = {
        new Path("direct " + distinct.size() + " queries", () -> direct.run()),
        new Path(
            "slo pushdown",
            () ->
                new Evaluator()
                    .evaluateAll(
                        counted,
                        new PrometheusSource(
                                pushClient, PrometheusSource.Mode.PUSHDOWN, Duration.ofMinutes(5))
                            .withFleet(counted),
                        at)),
        new Path(
            "slo exact",
            () ->
                new Evaluator()
                    .evaluateAll(
                        counted,
                        new PrometheusSource(
                                exactClient, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5))
                            .withFleet(counted),
                        at)),
        new Path(
            "slo store (PostgreSQL)",
            () ->
                new Evaluator()
                    .evaluateAll(stored, store.eventSource(stored, at, new ArrayList<>()), at))
      };
      System.out.printf("load before: %s%n", load());
      for (int r = 0; r < warmUp; r++) {
        for (Path p : paths) {
          p.work.run();
        }
      }
      long[] directRequests = {directClient.requestCount()};
      long pushRequests = pushClient.requestCount();
      long exactRequests = exactClient.requestCount();
      double[][] times = new double[paths.length][rounds];
      double[] cpu = new double[paths.length];
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < paths.length; i++) {
          double c0 = i < 3 ? cpuSeconds(prom) : 0;
          long t0 = System.nanoTime();
          paths[i].work.run();
          times[i][r] = (System.nanoTime() - t0) / 1e6;
          cpu[i] += i < 3 ? cpuSeconds(prom) - c0 : 0;
        }
      }
      double[] requests = {
        (directClient.requestCount() - directRequests[0]) / (double) rounds,
        (pushClient.requestCount() - pushRequests) / (double) rounds,
        (exactClient.requestCount() - exactRequests) / (double) rounds,
        0
      };
      System.out.printf("load after: %s%n", load());
      int checked = check(stored, counted, store, exactClient, pushClient, direct, at);
      double directMs = median(times[0]);
      double directCpu = cpu[0] / rounds;
      for (int i = 0; i < paths.length; i++) {
        double ms = median(times[i]);
        System.out.printf(
            "%-24s median %8.1f ms (min %8.1f) %6.1f requests, Prometheus CPU %6.3f s%s%n",
            paths[i].name,
            ms,
            Arrays.stream(times[i]).min().orElse(0),
            requests[i],
            cpu[i] / rounds,
            i == 0
                ? ""
                : String.format(
                    " -> %.3fx the direct queries' time%s",
                    ms / directMs,
                    i < 3
                        ? String.format(", %.2fx their Prometheus CPU", cpu[i] / rounds / directCpu)
                        : ""));
      }
      System.out.printf(
          "%d window counts checked equal (exact = store on every window of every SLO; pushdown ="
              + " direct on the %d shared windows); %d measured rounds after %d warm-up rounds,"
              + " alternating%n",
          checked, distinct.size(), rounds, warmUp);
    }
  }

  private record Key(String sloId, Window window) {}

  private record Path(String name, Runnable work) {}

  /** Evaluates every SLO and returns the counts each window was answered with. */
  private static Map<Key, EventCounts> recorded(List<Slo> slos, EventSource source, Instant at) {
    Map<Key, EventCounts> out = new LinkedHashMap<>();
    EventSource keeping =
        (slo, windows) -> {
          List<EventCounts> c = source.counts(slo, windows);
          for (int i = 0; i < windows.size(); i++) {
            out.put(new Key(slo.sloId(), windows.get(i)), c.get(i));
          }
          return c;
        };
    new Evaluator().evaluateAll(slos, keeping, at);
    return out;
  }

  private static int check(
      List<Slo> stored,
      List<Slo> counted,
      JdbcStore store,
      PrometheusClient exactClient,
      PrometheusClient pushClient,
      Direct direct,
      Instant at)
      throws Exception {
    Map<Key, EventCounts> fromStore =
        recorded(stored, store.eventSource(stored, at, new ArrayList<>()), at);
    Map<Key, EventCounts> exact =
        recorded(
            counted,
            new PrometheusSource(exactClient, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5))
                .withFleet(counted),
            at);
    if (!fromStore.keySet().equals(exact.keySet())) {
      throw new IllegalStateException("exact and the store were asked different windows");
    }
    int n = 0;
    for (Map.Entry<Key, EventCounts> e : fromStore.entrySet()) {
      EventCounts x = exact.get(e.getKey());
      if (!e.getValue().equals(x)) {
        throw new IllegalStateException(
            "MISMATCH " + e.getKey() + ": store " + e.getValue() + ", exact " + x);
      }
      n++;
    }
    Map<Key, EventCounts> push =
        recorded(
            counted,
            new PrometheusSource(pushClient, PrometheusSource.Mode.PUSHDOWN, Duration.ofMinutes(5))
                .withFleet(counted),
            at);
    Map<Window, Map<List<String>, Double>> answers = direct.run();
    for (Map.Entry<Key, EventCounts> e : push.entrySet()) {
      Map<List<String>, Double> byLabels = answers.get(e.getKey().window());
      if (byLabels == null) {
        continue;
      }
      String id = e.getKey().sloId();
      long good = Math.round(byLabels.getOrDefault(List.of(id, "200"), 0.0));
      long bad = Math.round(byLabels.getOrDefault(List.of(id, "500"), 0.0));
      EventCounts want = new EventCounts(good, good + bad);
      if (!want.equals(e.getValue())) {
        throw new IllegalStateException(
            "MISMATCH " + e.getKey() + ": pushdown " + e.getValue() + ", direct " + want);
      }
      n++;
    }
    return n;
  }

  /** What a user would run instead: one grouped query per distinct window, 8 at a time. */
  private static final class Direct {
    private final PrometheusClient client;
    private final List<Window> windows;
    private final Instant at;
    private final ExecutorService pool =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "direct");
              t.setDaemon(true);
              return t;
            });

    Direct(PrometheusClient client, List<Window> windows, Instant at) {
      this.client = client;
      this.windows = windows;
      this.at = at;
    }

    Map<Window, Map<List<String>, Double>> run() {
      Map<Window, CompletableFuture<Map<List<String>, Double>>> f = new LinkedHashMap<>();
      for (Window w : windows) {
        String q =
            "sum by (service, code) (increase("
                + METRIC
                + "["
                + (w.length().toMillis() / 1000)
                + "s]))";
        f.put(
            w,
            CompletableFuture.supplyAsync(
                () -> {
                  Map<List<String>, Double> out = new HashMap<>();
                  for (QueryResult.Series s : client.query(q, at).series()) {
                    out.put(
                        List.of(
                            String.valueOf(s.labels().get("service")),
                            String.valueOf(s.labels().get("code"))),
                        s.values()[0]);
                  }
                  return out;
                },
                pool));
      }
      Map<Window, Map<List<String>, Double>> out = new LinkedHashMap<>();
      f.forEach((w, x) -> out.put(w, x.join()));
      return out;
    }
  }

  private static String load() throws java.io.IOException {
    String[] l = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
    return l[0] + " " + l[1] + " " + l[2];
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Prometheus' own CPU seconds, from its {@code /metrics}. */
  private static double cpuSeconds(URI url) throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    for (String line : body.split("\n")) {
      if (line.startsWith("process_cpu_seconds_total ")) {
        return Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
      }
    }
    throw new IllegalStateException("no process_cpu_seconds_total at " + url);
  }
}
