package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.InvalidInputException;
import dev.slo.core.SourceException;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.testing.PrometheusServer;
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

/** Against a real Prometheus backfilled with 30+ days of known counts. */
class PrometheusSourceIT {
  @TempDir static Path dir;
  static PrometheusServer server;
  static Workload work;
  static PrometheusClient client;

  @BeforeAll
  static void start() throws Exception {
    PrometheusServer.assumeInstalled();
    work = new Workload();
    server = PrometheusServer.start(dir, work.openMetrics());
    client = PrometheusClient.builder(server.url).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static Slo counters(String id, TimePeriod period) {
    return Slo.builder()
        .sloId(id)
        .sloName("Test SLO")
        .sloType(dev.slo.core.model.SloType.AVAILABILITY)
        .serviceName("checkout")
        .targetPercentage(99.9)
        .timePeriod(period)
        .sli(
            new SliDefinition(
                null,
                "http_requests_total{service=\"checkout\",code=\"500\"}",
                "http_requests_total{service=\"checkout\"}",
                null,
                null,
                null,
                null))
        .build();
  }

  private static InMemoryEventSource file(Slo slo, EventSeries s) {
    return new InMemoryEventSource(Map.of(slo.sloId(), s));
  }

  private static List<Instant> instants() {
    return List.of(
        Workload.END,
        Workload.END.minus(Duration.ofMinutes(190)), // inside the incident
        Workload.END.minus(Duration.ofHours(3)), // just after it
        Workload.END.minus(Duration.ofDays(18)).plusSeconds(30)); // across the counter reset
  }

  @Test
  void shouldReproduceKnownCountsExactlyInExactMode() {
    PrometheusSource exact =
        new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5));
    EventSeries known = work.series(work.good, work.bad);
    for (TimePeriod p :
        List.of(
            TimePeriod.ROLLING_30D,
            TimePeriod.ROLLING_7D,
            TimePeriod.ROLLING_1H,
            TimePeriod.CALENDAR_MONTH)) {
      Slo slo =
          counters("checkout-" + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), p);
      for (Instant at : instants()) {
        Evaluation fromPrometheus = new Evaluator().evaluate(slo, exact, at);
        Evaluation fromFile = new Evaluator().evaluate(slo, file(slo, known), at);
        assertThat(fromPrometheus).as(p + " at " + at).isEqualTo(fromFile);
      }
    }
    Evaluation incident =
        new Evaluator()
            .evaluate(
                counters("c", TimePeriod.ROLLING_30D),
                exact,
                Workload.END.minus(Duration.ofMinutes(190)));
    assertThat(incident.alerts()).isNotEmpty();
  }

  @Test
  void shouldCountGoodCountersLatencyAndTimeslicesExactly() {
    PrometheusSource exact =
        new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5));
    Slo good =
        counters("good", TimePeriod.ROLLING_7D).toBuilder()
            .sli(
                new SliDefinition(
                    "http_requests_total{code=\"200\"}",
                    null,
                    "http_requests_total",
                    null,
                    null,
                    null,
                    null))
            .build();
    assertThat(new Evaluator().evaluate(good, exact, Workload.END))
        .isEqualTo(
            new Evaluator()
                .evaluate(good, file(good, work.series(work.good, work.bad)), Workload.END));
    Slo latency =
        counters("latency", TimePeriod.ROLLING_7D).toBuilder()
            .sli(
                new SliDefinition(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new LatencySli("http_request_duration_seconds", 0.3, "{service=\"checkout\"}")))
            .build();
    long[] slow = new long[work.good.length];
    for (int i = 0; i < slow.length; i++) {
      slow[i] = work.good[i] + work.bad[i] - work.fast[i];
    }
    EventSeries lat = work.series(work.fast, slow);
    assertThat(new Evaluator().evaluate(latency, exact, Workload.END))
        .isEqualTo(new Evaluator().evaluate(latency, file(latency, lat), Workload.END));
    Slo slices =
        counters("slices", TimePeriod.ROLLING_24H).toBuilder()
            .budgetingMethod(BudgetingMethod.TIMESLICES)
            .timesliceLength(Duration.ofMinutes(5))
            .timesliceTargetPercentage(95.0)
            .build();
    Instant mid = Workload.END.minus(Duration.ofMinutes(190));
    assertThat(new Evaluator().evaluate(slices, PrometheusSource.pushdown(client), mid))
        .isEqualTo(
            new Evaluator().evaluate(slices, file(slices, work.series(work.good, work.bad)), mid));
  }

  @Test
  void shouldEqualExactModeInPushdownModeOnScrapeAlignedWindows() {
    // Windows whose edges fall on samples: Prometheus does not extrapolate, counts are exact.
    PrometheusSource push = PrometheusSource.pushdown(client);
    EventSeries known = work.series(work.good, work.bad);
    Slo slo = counters("push", TimePeriod.ROLLING_30D);
    for (Instant at : instants().subList(0, 3)) {
      assertThat(new Evaluator().evaluate(slo, push, at))
          .isEqualTo(new Evaluator().evaluate(slo, file(slo, known), at));
    }
  }

  @Test
  void shouldStayWithinTheDocumentedErrorInPushdownModeOffTheScrapeGrid() {
    // 30 s off the grid: increase() extrapolates each window by up to one scrape interval.
    PrometheusSource push = PrometheusSource.pushdown(client);
    Slo slo = counters("off-grid", TimePeriod.ROLLING_30D);
    Instant at = instants().get(3);
    Evaluation p = new Evaluator().evaluate(slo, push, at);
    Evaluation f = new Evaluator().evaluate(slo, file(slo, work.series(work.good, work.bad)), at);
    assertThat(p.currentSliPercent()).isCloseTo(f.currentSliPercent(), within(1e-4));
    for (String w : List.of("1h", "2h", "6h", "1d", "3d", "period")) {
      double exact = f.burnRateLabels().get(w);
      double got = p.burnRateLabels().get(w);
      System.out.printf(
          "prometheus pushdown 30 s off the grid, burn %s: %.6f, exact %.6f (%.4f%%)%n",
          w, got, exact, 100 * Math.abs(got - exact) / exact);
      assertThat(got).as(w).isCloseTo(exact, within(0.02 * exact + 0.01));
    }
  }

  @Test
  void shouldEvaluateQueriesAndTheSeedsRatioQueryInPushdownMode() {
    PrometheusSource push = PrometheusSource.pushdown(client);
    Slo q =
        counters("q", TimePeriod.ROLLING_7D).toBuilder()
            .sli(
                new SliDefinition(
                    null,
                    null,
                    null,
                    null,
                    "sum(increase(http_requests_total{code=\"500\"}[{{window}}]))",
                    "sum(increase(http_requests_total[{{.window}}]))",
                    null))
            .build();
    Evaluation f =
        new Evaluator().evaluate(q, file(q, work.series(work.good, work.bad)), Workload.END);
    Evaluation e = new Evaluator().evaluate(q, push, Workload.END);
    assertThat(e.currentSliPercent()).isCloseTo(f.currentSliPercent(), within(1e-6));
    Slo ratio =
        counters("ratio", TimePeriod.ROLLING_7D).toBuilder()
            .sli(SliDefinition.NONE)
            .sliQuery(
                "sum(increase(http_requests_total{code=\"200\"}[{{window}}])) / sum(increase(http_requests_total[{{window}}]))")
            .build();
    Evaluation r = new Evaluator().evaluate(ratio, push, Workload.END);
    assertThat(r.currentSliPercent()).isCloseTo(f.currentSliPercent(), within(1e-6));
    assertThat(r.errorBudgetRemaining()).isCloseTo(f.errorBudgetRemaining(), within(1e-6));
    assertThatThrownBy(
            () ->
                new Evaluator()
                    .evaluate(
                        ratio,
                        new PrometheusSource(
                            client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5)),
                        Workload.END))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("exact mode needs counters");
  }

  @Test
  void shouldNameTheNearestBucketsForAThresholdThatIsNotABoundary() {
    Slo latency =
        counters("lat", TimePeriod.ROLLING_7D).toBuilder()
            .sli(
                new SliDefinition(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new LatencySli(
                        "http_request_duration_seconds", 0.25, "{service=\"checkout\"}")))
            .build();
    assertThatThrownBy(
            () ->
                new Evaluator().evaluate(latency, PrometheusSource.pushdown(client), Workload.END))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "lat: latency.threshold 0.25 is not a bucket boundary; the nearest are le=\"0.1\" and le=\"0.3\"");
  }

  @Test
  void shouldFailClearlyOnTyposAndPromqlErrors() {
    Slo typo =
        counters("typo", TimePeriod.ROLLING_7D).toBuilder()
            .sli(
                new SliDefinition(
                    null,
                    "htp_requests_total{code=\"500\"}",
                    "htp_requests_total",
                    null,
                    null,
                    null,
                    null))
            .build();
    assertThatThrownBy(
            () -> new Evaluator().evaluate(typo, PrometheusSource.pushdown(client), Workload.END))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("typo: no series match htp_requests_total");
    Slo broken =
        typo.toBuilder()
            .sli(
                new SliDefinition(null, "sum(rate(", "http_requests_total", null, null, null, null))
            .build();
    assertThatThrownBy(
            () -> new Evaluator().evaluate(broken, PrometheusSource.pushdown(client), Workload.END))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("query failed (bad_data)");
  }

  @Test
  void shouldEvaluateAFleetInAFewRequestsWithTheSameResultsAsOneSloAtATime() {
    List<SliDefinition> slis =
        List.of(
            new SliDefinition(
                null,
                "http_requests_total{service=\"checkout\",code=\"500\"}",
                "http_requests_total{service=\"checkout\"}",
                null,
                null,
                null,
                null),
            new SliDefinition(
                "http_requests_total{code=\"200\"}",
                null,
                "http_requests_total",
                null,
                null,
                null,
                null),
            new SliDefinition(
                null,
                "http_requests_total{service=\"checkout\",code=~\"5..\"}",
                "http_requests_total{service=\"checkout\"}",
                null,
                null,
                null,
                null),
            new SliDefinition(
                null,
                null,
                null,
                null,
                null,
                null,
                new LatencySli("http_request_duration_seconds", 0.3, "{service=\"checkout\"}")));
    TimePeriod[] periods = {
      TimePeriod.ROLLING_30D, TimePeriod.ROLLING_7D, TimePeriod.CALENDAR_MONTH
    };
    List<Slo> fleet = new java.util.ArrayList<>();
    for (int i = 0; i < 24; i++) {
      fleet.add(
          counters("fleet-" + i, periods[i % 3]).toBuilder().sli(slis.get(i / 3 % 4)).build());
    }
    Instant at = instants().get(1);
    PrometheusClient counted = PrometheusClient.builder(server.url).build();
    List<Evaluation> together =
        new Evaluator().evaluateAll(fleet, PrometheusSource.pushdown(counted).withFleet(fleet), at);
    // every SLO's windows in one round of batched requests, after the latency SLOs' bucket lookup
    assertThat(counted.requestCount()).isLessThanOrEqualTo(20);
    for (int i = 0; i < fleet.size(); i++) {
      Slo slo = fleet.get(i);
      assertThat(together.get(i))
          .as(slo.sloId())
          .isEqualTo(new Evaluator().evaluate(slo, PrometheusSource.pushdown(client), at))
          .isEqualTo(
              new Evaluator()
                  .evaluate(
                      slo,
                      new PrometheusSource(
                          client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5)),
                      at));
    }
  }

  @Test
  void shouldRemoveCorrectedEventsExactlyInExactMode() {
    // the incident (10% errors for 40 minutes ending 3 hours before END) is a known false alarm;
    // a weekly window on Berlin Sundays crosses the 2026-10-25 change; windows off the scrape grid
    PrometheusSource exact =
        new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5));
    dev.slo.core.correction.CorrectionScope scope =
        dev.slo.core.correction.CorrectionScope.service("checkout");
    dev.slo.core.correction.Corrections corrections =
        new dev.slo.core.correction.Corrections(
            List.of(
                new dev.slo.core.correction.Correction(
                    "incident",
                    scope,
                    Workload.END.minus(Duration.ofMinutes(230)).minusSeconds(17),
                    Duration.ofMinutes(45),
                    null,
                    dev.slo.core.correction.CorrectionCategory.FALSE_ALARM,
                    "",
                    null),
                new dev.slo.core.correction.Correction(
                    "sunday",
                    scope,
                    Instant.parse("2026-10-04T00:30:00Z"),
                    Duration.ofMinutes(95).plusSeconds(7),
                    java.time.ZoneId.of("Europe/Berlin"),
                    dev.slo.core.correction.CorrectionCategory.SCHEDULED_MAINTENANCE,
                    "",
                    dev.slo.core.correction.Recurrence.parse("FREQ=WEEKLY;BYDAY=SU"))));
    Evaluator evaluator = new Evaluator(corrections);
    EventSeries known = work.series(work.good, work.bad);
    for (TimePeriod p : List.of(TimePeriod.ROLLING_30D, TimePeriod.ROLLING_24H)) {
      Slo slo = counters("corr-" + p.name().toLowerCase(java.util.Locale.ROOT), p);
      for (Instant at : instants()) {
        Evaluation fromPrometheus = evaluator.evaluate(slo, exact, at);
        assertThat(fromPrometheus)
            .as(p + " at " + at)
            .isEqualTo(evaluator.evaluate(slo, file(slo, known), at));
      }
    }
    // pushdown subtracts increase() over each piece: exact when every edge is on the scrape grid
    dev.slo.core.correction.Corrections aligned =
        new dev.slo.core.correction.Corrections(
            List.of(
                new dev.slo.core.correction.Correction(
                    "aligned",
                    scope,
                    Workload.END.minus(Duration.ofMinutes(230)),
                    Duration.ofMinutes(45),
                    null,
                    dev.slo.core.correction.CorrectionCategory.FALSE_ALARM,
                    "",
                    null),
                new dev.slo.core.correction.Correction(
                    "daily",
                    scope,
                    Instant.parse("2026-10-04T00:30:00Z"),
                    Duration.ofMinutes(95),
                    null,
                    dev.slo.core.correction.CorrectionCategory.SCHEDULED_MAINTENANCE,
                    "",
                    dev.slo.core.correction.Recurrence.parse("FREQ=DAILY"))));
    Slo pushed = counters("corr-push", TimePeriod.ROLLING_30D);
    for (Instant at : instants().subList(0, 3)) {
      assertThat(new Evaluator(aligned).evaluate(pushed, PrometheusSource.pushdown(client), at))
          .as("pushdown at " + at)
          .isEqualTo(new Evaluator(aligned).evaluate(pushed, file(pushed, known), at));
    }
    Instant mid = Workload.END.minus(Duration.ofMinutes(190));
    Slo slo = counters("corr-page", TimePeriod.ROLLING_30D);
    assertThat(new Evaluator().evaluate(slo, exact, mid).alerts()).isNotEmpty();
    Evaluation corrected = evaluator.evaluate(slo, exact, mid);
    assertThat(corrected.alerts()).isEmpty();
    assertThat(corrected.exclusion().events().bad()).isPositive();
    assertThat(corrected.exclusion().applied()).hasSize(2);
  }
}
