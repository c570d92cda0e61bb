package dev.slo.prometheus;

import dev.slo.core.alert.AlertPolicy;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.window.Window;
import dev.slo.testing.PrometheusServer;
import dev.slo.testing.Workload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Times the evaluation of 100 SLOs against a real, backfilled Prometheus in both modes, next to
 * what a user would run instead in the same run on the same data: one grouped {@code sum by (code)
 * (increase(...))} query per distinct window of the fleet (burn windows, alert-tier windows and
 * periods), 8 at a time. Checks every SLO's window counts equal the direct queries' answers and
 * reads Prometheus' own {@code process_cpu_seconds_total} around each. Each slo mode runs in its
 * own JVM so its peak RSS is its own. Not a test: run it with {@code
 * benchmarks/prometheus-bench.sh}.
 */
public final class PrometheusBenchmark {
  static final String TOTAL = "http_requests_total{service=\"checkout\"}";

  private PrometheusBenchmark() {}

  /** {@code [rounds]}, or {@code --child MODE URL ROUNDS} for one slo mode in its own JVM. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(PrometheusSource.Mode.valueOf(args[1]), URI.create(args[2]), Integer.parseInt(args[3]));
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path dir = Files.createTempDirectory("slo-prom-bench");
    Workload w = new Workload();
    try (PrometheusServer server = PrometheusServer.start(dir, w.openMetrics())) {
      List<Slo> slos = fleet();
      Instant at = at();
      Map<String, EventSeries> series = new HashMap<>();
      for (Slo s : slos) {
        series.put(s.sloId(), w.series(w.good, w.bad));
      }
      InMemoryEventSource file = new InMemoryEventSource(series);
      new Evaluator().evaluateAll(slos, file, at);
      long t0 = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        new Evaluator().evaluateAll(slos, file, at);
      }
      System.out.printf(
          "%-22s 100 SLOs: mean %7.3f s%n",
          "file data (in memory)", (System.nanoTime() - t0) / 1e9 / rounds);

      PrometheusClient client = PrometheusClient.builder(server.url).build();
      Direct direct = new Direct(client, windows(slos, at), at);
      Map<Window, Map<String, Double>> answers = direct.run();
      Files.writeString(dir.resolve("direct.txt"), Direct.format(answers));
      for (PrometheusSource.Mode mode : PrometheusSource.Mode.values()) {
        String out = runChild(mode, server.url, rounds, dir);
        System.out.print(out);
      }
    }
  }

  private static String field(String line, String key) {
    String[] parts = line.trim().split("\\s+");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equals(key)) {
        return parts[i + 1];
      }
    }
    throw new IllegalStateException("no " + key + " in " + line);
  }

  static Instant at() {
    return Workload.END.minus(Duration.ofMinutes(190)); // on the scrape grid, inside the incident
  }

  static List<Slo> fleet() {
    List<Slo> slos = new ArrayList<>();
    TimePeriod[] periods = {
      TimePeriod.ROLLING_30D, TimePeriod.ROLLING_7D, TimePeriod.CALENDAR_MONTH
    };
    for (int i = 0; i < 100; i++) {
      slos.add(PrometheusSourceIT.counters("slo-" + i, periods[i % 3]));
    }
    return slos;
  }

  /**
   * The windows ending at {@code at} an evaluation reports: burn, alert-tier and period windows.
   */
  static Set<Window> windows(List<Slo> slos, Instant at) {
    Set<Window> out = new LinkedHashSet<>();
    for (Slo s : slos) {
      for (Window w : windowsOf(s, at)) {
        out.add(w);
      }
    }
    return out;
  }

  static List<Window> windowsOf(Slo s, Instant at) {
    Window period = s.timePeriod().periodAt(at, s.timeZone());
    Set<Window> out = new LinkedHashSet<>();
    out.add(new Window(period.start(), at));
    for (Duration d : Evaluator.BURN_WINDOWS) {
      out.add(Window.ending(at, d));
    }
    for (AlertTier t : AlertPolicy.tiersFor(period.length())) {
      out.add(Window.ending(at, t.longWindow()));
      out.add(Window.ending(at, t.shortWindow()));
    }
    return new ArrayList<>(out);
  }

  /** What a user would run instead: one grouped query per distinct window. */
  static final class Direct {
    final PrometheusClient client;
    final List<Window> windows;
    final Instant at;
    final ExecutorService pool =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "direct");
              t.setDaemon(true);
              return t;
            });

    Direct(PrometheusClient client, Set<Window> windows, Instant at) {
      this.client = client;
      this.windows = List.copyOf(windows);
      this.at = at;
    }

    Map<Window, Map<String, Double>> run() {
      Map<Window, CompletableFuture<Map<String, Double>>> f = new LinkedHashMap<>();
      for (Window w : windows) {
        String q =
            "sum by (code) (increase(" + TOTAL + "[" + PrometheusSource.range(w.length()) + "]))";
        f.put(
            w,
            CompletableFuture.supplyAsync(
                () -> {
                  Map<String, Double> byCode = new java.util.TreeMap<>();
                  for (QueryResult.Series s : client.query(q, at).series()) {
                    byCode.put(s.labels().get("code"), s.values()[0]);
                  }
                  return byCode;
                },
                pool));
      }
      Map<Window, Map<String, Double>> out = new LinkedHashMap<>();
      f.forEach((w, x) -> out.put(w, x.join()));
      return out;
    }

    static String format(Map<Window, Map<String, Double>> answers) {
      StringBuilder b = new StringBuilder();
      answers.forEach(
          (w, m) ->
              b.append(w.start())
                  .append(' ')
                  .append(w.end())
                  .append(' ')
                  .append(Math.round(m.getOrDefault("200", 0.0)))
                  .append(' ')
                  .append(Math.round(m.getOrDefault("500", 0.0)))
                  .append('\n'));
      return b.toString();
    }
  }

  private static String runChild(PrometheusSource.Mode mode, URI url, int rounds, Path dir)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String opts = System.getenv().getOrDefault("SLO_BENCH_CHILD_OPTS", "").trim();
    if (!opts.isEmpty()) {
      command.addAll(List.of(opts.split("\\s+")));
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            PrometheusBenchmark.class.getName(),
            "--child",
            mode.name(),
            url.toString(),
            Integer.toString(rounds)));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(mode + " failed:\n" + out);
    }
    return out;
  }

  /** One slo mode: fresh source per round (as a one-shot {@code slo eval}), answers checked. */
  private static void child(PrometheusSource.Mode mode, URI url, int rounds) throws Exception {
    List<Slo> slos = fleet();
    Instant at = at();
    PrometheusClient client = PrometheusClient.builder(url).build();
    Map<Window, long[]> direct = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("direct.txt"))) {
      String[] f = line.split(" ");
      direct.put(
          new Window(Instant.parse(f[0]), Instant.parse(f[1])),
          new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
    }
    PrometheusClient directClient = PrometheusClient.builder(url).build();
    Direct user = new Direct(directClient, windows(slos, at), at);
    user.run(); // warm-up
    new Evaluator()
        .evaluateAll(
            slos, new PrometheusSource(client, mode, Duration.ofMinutes(5)).withFleet(slos), at);
    // direct and slo rounds alternate, so both see the same load on this shared machine
    double[] directTimes = new double[rounds];
    double[] times = new double[rounds];
    double[] sourceTimes = new double[rounds];
    double[] firstCalls = new double[rounds];
    double directCpu = 0;
    double cpu = 0;
    for (int r = 0; r < rounds; r++) {
      double c0 = cpuSeconds(url);
      long t0 = System.nanoTime();
      user.run();
      directTimes[r] = (System.nanoTime() - t0) / 1e9;
      double c1 = cpuSeconds(url);
      t0 = System.nanoTime();
      PrometheusSource fresh =
          new PrometheusSource(client, mode, Duration.ofMinutes(5)).withFleet(slos);
      long[] inSource = new long[2]; // all calls, the first call
      dev.slo.core.source.EventSource timed =
          (slo, ws) -> {
            long s0 = System.nanoTime();
            List<EventCounts> c = fresh.counts(slo, ws);
            long d = System.nanoTime() - s0;
            if (inSource[0] == 0) {
              inSource[1] = d;
            }
            inSource[0] += d;
            return c;
          };
      new Evaluator().evaluateAll(slos, timed, at);
      times[r] = (System.nanoTime() - t0) / 1e9;
      sourceTimes[r] = inSource[0] / 1e9;
      firstCalls[r] = inSource[1] / 1e9;
      double c2 = cpuSeconds(url);
      directCpu += c1 - c0;
      cpu += c2 - c1;
    }
    directCpu /= rounds;
    cpu /= rounds;
    double directTime = median(directTimes);
    double time = median(times);
    double requests = (client.requestCount() - 0) / (double) (rounds + 1);
    double directRequests = directClient.requestCount() / (double) (rounds + 1);
    long hwm = 0;
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        hwm = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    // the floor: the same evaluations with every count already at hand
    Map<List<Object>, List<EventCounts>> recorded = new HashMap<>();
    PrometheusSource rec =
        new PrometheusSource(client, mode, Duration.ofMinutes(5)).withFleet(slos);
    dev.slo.core.source.EventSource recording =
        (slo, ws) -> recorded.computeIfAbsent(List.of(slo.sloId(), ws), k -> rec.counts(slo, ws));
    new Evaluator().evaluateAll(slos, recording, at);
    long f0 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      new Evaluator().evaluateAll(slos, recording, at);
    }
    double floor = (System.nanoTime() - f0) / 1e9 / rounds;
    int checked = 0;
    PrometheusSource check = new PrometheusSource(client, mode, Duration.ofMinutes(5));
    for (Slo s : slos) {
      List<Window> ws = windowsOf(s, at);
      List<EventCounts> c = check.counts(s, ws);
      for (int i = 0; i < ws.size(); i++) {
        long[] d = direct.get(ws.get(i));
        EventCounts e = c.get(i);
        if (e.good() != d[0] || e.total() != d[0] + d[1]) {
          throw new IllegalStateException(
              mode
                  + " "
                  + s.sloId()
                  + " "
                  + ws.get(i)
                  + ": "
                  + e
                  + " but direct "
                  + d[0]
                  + "/"
                  + (d[0] + d[1]));
        }
        checked++;
      }
    }
    System.out.printf(
        "%-22s 100 SLOs: median %7.3f s, %5.1f requests, Prometheus CPU %6.3f s per evaluation%n",
        "direct " + user.windows.size() + " queries", directTime, directRequests, directCpu);
    System.out.printf(
        "%-22s 100 SLOs: median %7.3f s, %5.1f requests, Prometheus CPU %6.3f s per evaluation,"
            + " peak RSS %d MB, %d window counts equal to direct; evaluation alone (counts at"
            + " hand) %.3f s; JVM options: %s%n",
        "slo " + mode.name().toLowerCase(java.util.Locale.ROOT),
        time,
        requests,
        cpu,
        hwm,
        checked,
        floor,
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("-X"))
            .toList());
    System.out.printf(
        "  of the median round: %.3f s inside the source (%.3f s in the first SLO's call),"
            + " the rest in the evaluator%n",
        median(sourceTimes), median(firstCalls));
    System.out.printf(
        "  ratios to direct (same rounds, alternating): time %.2fx, Prometheus CPU %.2fx%n",
        time / directTime, cpu / directCpu);
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Prometheus' own CPU seconds, from its {@code /metrics}. */
  static double cpuSeconds(URI url) throws Exception {
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
