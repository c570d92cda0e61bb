package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import dev.slo.testing.PrometheusServer;
import dev.slo.testing.VictoriaMetricsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact mode for a fleet ({@link BoundaryCounts}: values at window boundaries, {@code resets()}
 * between them, raw samples only where needed) against exact mode reading every raw sample, on a
 * real Prometheus holding awkward counters: resets, series that start, end or pause inside the
 * windows, irregular scrapes, no error series at all, label values with regex characters, and a
 * metric no other SLO shares. Every window of every SLO must get the same counts at many instants.
 */
class ExactFleetIT {
  static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
  static final int MINUTES = 10 * 24 * 60;
  static final Instant END = START.plus(Duration.ofMinutes(MINUTES));

  @TempDir static Path dir;
  static PrometheusServer server;
  static PrometheusClient client;

  /** service label values; each is one SLO over req_total{service=...}. */
  static final List<String> SERVICES =
      List.of(
          "steady",
          "reset",
          "born",
          "dies",
          "pause",
          "shortpause",
          "noerrors",
          "a(b.c|d",
          "jitter",
          "twice");

  static String openMetrics;

  @BeforeAll
  static void start() throws Exception {
    PrometheusServer.assumeInstalled();
    StringBuilder om = new StringBuilder("# TYPE req counter\n");
    SplittableRandom r = new SplittableRandom(42);
    for (String s : SERVICES) {
      series(om, "req_total", "code=\"200\",service=\"" + esc(s) + "\"", s, 200, r);
      if (!s.equals("noerrors")) {
        series(om, "req_total", "code=\"500\",service=\"" + esc(s) + "\"", s, 500, r);
      }
    }
    om.append("# TYPE lat_seconds histogram\n");
    for (String kind : LATENCY) {
      histogram(om, kind, r);
    }
    om.append("# TYPE other counter\n");
    series(om, "other_total", "code=\"200\",job=\"solo\"", "reset", 200, r);
    series(om, "other_total", "code=\"500\",job=\"solo\"", "steady", 500, r);
    om.append("# EOF\n");
    openMetrics = om.toString();
    server = PrometheusServer.start(dir, openMetrics);
    client = PrometheusClient.builder(server.url).build();
  }

  /** Services with a latency histogram, each one latency SLO. */
  static final List<String> LATENCY = List.of("steady", "reset", "born");

  /** A histogram's buckets and count, resets and birth together, as a process's would be. */
  private static void histogram(StringBuilder om, String kind, SplittableRandom r) {
    long fast = 0;
    long all = 0;
    for (int m = 0; m <= MINUTES; m++) {
      if (kind.equals("born") && m < 4 * 1440 + 7) {
        continue;
      }
      long n = 100 + r.nextInt(50);
      fast += n - r.nextInt(10);
      all += n;
      if (kind.equals("reset") && m == 6 * 1440 + 31) {
        fast = 3;
        all = 4;
      }
      long t = START.getEpochSecond() + 60L * m;
      String svc = "service=\"" + kind + "\"";
      om.append("lat_seconds_bucket{le=\"0.3\",").append(svc).append("} ").append(fast);
      om.append(' ').append(t).append('\n');
      om.append("lat_seconds_bucket{le=\"+Inf\",").append(svc).append("} ").append(all);
      om.append(' ').append(t).append('\n');
      om.append("lat_seconds_count{").append(svc).append("} ").append(all);
      om.append(' ').append(t).append('\n');
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String esc(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** One counter's samples: a minute apart unless the kind says otherwise. */
  private static void series(
      StringBuilder om, String name, String labels, String kind, int code, SplittableRandom r) {
    double v = 0;
    long lastT = -1;
    for (int m = 0; m <= MINUTES; m++) {
      long t = START.getEpochSecond() + 60L * m;
      if (kind.equals("jitter")) {
        t += r.nextInt(50) - 25; // irregular, still increasing
        if (t <= lastT) {
          continue;
        }
      }
      if (kind.equals("born") && m < 4 * 1440 + 7) {
        continue;
      }
      if (kind.equals("dies") && m > 8 * 1440 - 13) {
        break;
      }
      if (kind.equals("pause") && m > 7 * 1440 && m < 7 * 1440 + 180) {
        continue; // three hours, longer than the lookback
      }
      if (kind.equals("shortpause") && m > 7 * 1440 && m < 7 * 1440 + 30) {
        continue;
      }
      v += code == 500 ? r.nextInt(3) : 100 + r.nextInt(50);
      if ((kind.equals("reset") || kind.equals("twice")) && code == 200 && m == 6 * 1440 + 31) {
        v = 5; // process restart
      }
      if (kind.equals("twice") && code == 200 && m == 9 * 1440) {
        v = 0; // another one, on a whole day
      }
      om.append(name)
          .append('{')
          .append(labels)
          .append("} ")
          .append((long) v)
          .append(' ')
          .append(t)
          .append('\n');
      lastT = t;
    }
  }

  static List<Slo> fleet() {
    List<Slo> out = new ArrayList<>();
    for (String s : SERVICES) {
      out.add(
          slo(
              "slo-" + SERVICES.indexOf(s),
              "req_total{service=\"" + esc(s) + "\",code=\"500\"}",
              "req_total{service=\"" + esc(s) + "\"}"));
    }
    out.add(
        slo("slo-other", "other_total{job=\"solo\",code=\"500\"}", "other_total{job=\"solo\"}"));
    for (String kind : LATENCY) {
      out.add(
          Slo.builder()
              .sloId("lat-" + kind)
              .sloName("lat-" + kind)
              .sloType(SloType.LATENCY)
              .serviceName("svc")
              .targetPercentage(99.0)
              .timePeriod(TimePeriod.ROLLING_7D)
              .sli(
                  new SliDefinition(
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      new dev.slo.core.model.LatencySli(
                          "lat_seconds", 0.3, "{service=\"" + kind + "\"}")))
              .build());
    }
    return out;
  }

  private static Slo slo(String id, String bad, String total) {
    return Slo.builder()
        .sloId(id)
        .sloName(id)
        .sloType(SloType.AVAILABILITY)
        .serviceName("svc")
        .targetPercentage(99.0)
        .timePeriod(TimePeriod.ROLLING_7D)
        .sli(new SliDefinition(null, bad, total, null, null, null, null))
        .build();
  }

  private static Map<List<Object>, Object> counts(List<Slo> slos, EventSource source, Instant at) {
    Map<List<Object>, Object> out = new LinkedHashMap<>();
    EventSource keeping =
        (slo, ws) -> {
          List<EventCounts> c = source.counts(slo, ws);
          for (int i = 0; i < ws.size(); i++) {
            Window w = ws.get(i);
            out.put(List.of(slo.sloId(), w.start(), w.end()), c.get(i));
          }
          return c;
        };
    for (Slo slo : slos) {
      try {
        new Evaluator().evaluate(slo, keeping, at);
      } catch (RuntimeException e) { // a series not yet born, a bad selector: the same both ways
        out.put(List.of(slo.sloId(), "error"), e.getClass() + ": " + e.getMessage());
      }
    }
    return out;
  }

  @Test
  void shouldCountEveryWindowAsTheRawSamplesDoAtManyInstants() {
    sameAsRaw(client);
  }

  @Test
  void shouldCountEveryWindowAsTheRawSamplesDoOnVictoriaMetricsToo(@TempDir Path vmDir)
      throws Exception {
    VictoriaMetricsServer.assumeInstalled();
    try (VictoriaMetricsServer vm = VictoriaMetricsServer.start(vmDir, openMetrics)) {
      sameAsRaw(PrometheusClient.builder(vm.url).build());
      pushdownSameAlone(vm.url);
    }
  }

  private static void sameAsRaw(PrometheusClient client) {
    List<Slo> slos = fleet();
    List<Instant> instants =
        List.of(
            END,
            END.minus(Duration.ofHours(3)).minusSeconds(17),
            START.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(90)), // inside the long pause
            START.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(15)), // inside the short one
            START.plus(Duration.ofDays(6)).plus(Duration.ofMinutes(31)), // at the reset
            START.plus(Duration.ofDays(8)).plusSeconds(30),
            START.plus(Duration.ofDays(9)), // at the second reset, a whole day
            START.plus(Duration.ofDays(4)).plus(Duration.ofMinutes(3)), // before the birth
            START.plus(Duration.ofDays(5)).plusMillis(1_500));
    int answered = 0;
    for (Instant at : instants) {
      PrometheusSource fleetSource =
          new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofHours(1))
              .withFleet(slos);
      PrometheusSource raw =
          new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofHours(1));
      Map<List<Object>, Object> fast = counts(slos, fleetSource, at);
      Map<List<Object>, Object> slow = counts(slos, raw, at);
      assertThat(fast).as("at %s", at).isEqualTo(slow);
      answered += fleetSource.boundaryAnswers();
    }
    // the steady SLOs at least were answered from the boundaries, not all read raw again
    assertThat(answered).isGreaterThan(instants.size() * 4 * 30);
  }

  @Test
  void shouldPushDownForTheFleetWhatEachSloAloneGets() {
    pushdownSameAlone(server.url);
  }

  private static void pushdownSameAlone(java.net.URI url) {
    List<Slo> slos = fleet();
    PrometheusClient client = PrometheusClient.builder(url).build();
    for (Instant at : List.of(END, END.minus(Duration.ofHours(3)).minusSeconds(17))) {
      PrometheusClient fleetClient = PrometheusClient.builder(url).build();
      Map<List<Object>, Object> together =
          counts(slos, PrometheusSource.pushdown(fleetClient).withFleet(slos), at);
      Map<List<Object>, Object> alone = new LinkedHashMap<>();
      for (Slo s : slos) { // a new source each: nothing read for one SLO is shared
        alone.putAll(counts(List.of(s), PrometheusSource.pushdown(client), at));
      }
      assertThat(together).as("at %s", at).isEqualTo(alone);
      assertThat(fleetClient.requestCount()).isLessThan(slos.size());
    }
  }

  @Test
  void shouldLeaveABadSelectorsErrorToItsOwnSlo() {
    List<Slo> slos = new ArrayList<>(fleet());
    slos.add(
        0,
        slo(
            "slo-bad",
            "req_total{service=\"steady\",code=~\"5((\"}",
            "req_total{service=\"steady\"}"));
    Instant at = END.minus(Duration.ofHours(3));
    Map<List<Object>, Object> fast =
        counts(
            slos,
            new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofHours(1))
                .withFleet(slos),
            at);
    Map<List<Object>, Object> slow =
        counts(
            slos,
            new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofHours(1)),
            at);
    assertThat(fast).isEqualTo(slow).containsKey(List.of("slo-bad", "error"));
  }

  @Test
  void shouldLeaveABadSelectorsErrorToItsOwnSloInPushdownToo() {
    List<Slo> slos = new ArrayList<>(fleet());
    slos.add(
        slo(
            "slo-bad",
            "req_total{service=\"steady\",code=~\"5((\"}",
            "req_total{service=\"steady\"}"));
    Instant at = END.minus(Duration.ofHours(3));
    Map<List<Object>, Object> together =
        counts(slos, PrometheusSource.pushdown(client).withFleet(slos), at);
    Map<List<Object>, Object> alone = new LinkedHashMap<>();
    for (Slo s : slos) {
      alone.putAll(counts(List.of(s), PrometheusSource.pushdown(client), at));
    }
    // the bad SLO fails (its batch's text may differ), every other SLO gets its counts
    together.replaceAll((k, v) -> k.get(1).equals("error") ? "error" : v);
    alone.replaceAll((k, v) -> k.get(1).equals("error") ? "error" : v);
    assertThat(together).isEqualTo(alone).containsEntry(List.of("slo-bad", "error"), "error");
  }

  @Test
  void shouldReadTheFleetInFewRequests() {
    // the 11 counter SLOs: two reads (the req_total selectors merged, each bad one taken from its
    // total's series) against two selectors per SLO read raw
    List<Slo> slos = fleet().stream().filter(s -> !s.sloId().startsWith("lat-")).toList();
    PrometheusClient counted = PrometheusClient.builder(server.url).build();
    new Evaluator()
        .evaluateAll(
            slos,
            new PrometheusSource(counted, PrometheusSource.Mode.EXACT, Duration.ofHours(1))
                .withFleet(slos),
            END.minus(Duration.ofHours(3)));
    PrometheusClient rawCounted = PrometheusClient.builder(server.url).build();
    new Evaluator()
        .evaluateAll(
            slos,
            new PrometheusSource(rawCounted, PrometheusSource.Mode.EXACT, Duration.ofHours(1)),
            END.minus(Duration.ofHours(3)));
    assertThat(counted.requestCount()).isLessThan(rawCounted.requestCount() / 2);
  }
}
