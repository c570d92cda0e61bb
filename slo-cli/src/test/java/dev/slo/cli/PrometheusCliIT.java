package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.testing.PrometheusServer;
import dev.slo.testing.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slo eval|check --prometheus} print exactly what {@code --data} prints. */
class PrometheusCliIT {
  @TempDir static Path dir;
  static PrometheusServer server;
  static Path spec;
  static Path data;

  static final String SPEC =
      """
      slos:
        - slo_id: checkout
          slo_name: Checkout availability
          service_name: checkout
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_30D
          bad_counter: 'http_requests_total{service="checkout",code="500"}'
          total_counter: 'http_requests_total{service="checkout"}'
        - slo_id: checkout-month
          slo_name: Checkout availability per month
          service_name: checkout
          slo_type: AVAILABILITY
          target_percentage: 99.5
          time_period: CALENDAR_MONTH
          time_zone: Europe/Berlin
          good_counter: 'http_requests_total{code="200"}'
          total_counter: http_requests_total
      """;

  @BeforeAll
  static void start() throws Exception {
    PrometheusServer.assumeInstalled();
    Workload w = new Workload();
    server = PrometheusServer.start(dir, w.openMetrics());
    spec = Files.writeString(dir.resolve("slos.yaml"), SPEC);
    StringBuilder csv = new StringBuilder("timestamp,slo_id,good_events,total_events\n");
    for (int i = 1; i <= Workload.MINUTES; i++) {
      for (String id : List.of("checkout", "checkout-month")) {
        csv.append(w.at(i))
            .append(',')
            .append(id)
            .append(',')
            .append(w.good[i])
            .append(',')
            .append(w.good[i] + w.bad[i])
            .append('\n');
      }
    }
    data = Files.writeString(dir.resolve("events.csv"), csv.toString());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void shouldPrintExactlyWhatFileDataPrints() {
    String at = Workload.END.minusSeconds(190 * 60).toString();
    for (String format : List.of("json", "table")) {
      CliRun file =
          CliRun.of(
              "eval",
              "--spec",
              spec.toString(),
              "--data",
              data.toString(),
              "--at",
              at,
              "--format",
              format);
      CliRun exact =
          CliRun.of(
              "eval",
              "--spec",
              spec.toString(),
              "--prometheus",
              server.url.toString(),
              "--mode",
              "exact",
              "--at",
              at,
              "--format",
              format);
      CliRun push =
          CliRun.of(
              "eval",
              "--spec",
              spec.toString(),
              "--prometheus",
              server.url.toString(),
              "--at",
              at,
              "--format",
              format);
      assertThat(file.code()).as(file.err()).isZero();
      assertThat(exact.code()).as(exact.err()).isZero();
      assertThat(exact.out()).isEqualTo(file.out());
      assertThat(push.out()).isEqualTo(file.out()); // scrape-aligned windows: no extrapolation
    }
    CliRun gate =
        CliRun.of(
            "check", "--spec", spec.toString(), "--prometheus", server.url.toString(), "--at", at);
    assertThat(gate.code()).isEqualTo(1);
    assertThat(gate.out()).contains("FAIL checkout: CRITICAL");
  }

  static final String OPENSLO =
      """
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: checkout
        displayName: Checkout availability
      spec:
        service: checkout
        indicator:
          metadata:
            name: checkout-errors
          spec:
            ratioMetric:
              counter: true
              bad:
                metricSource:
                  metricSourceRef: prometheus
                  spec:
                    query: http_requests_total{service="checkout",code="500"}
              total:
                metricSource:
                  metricSourceRef: prometheus
                  spec:
                    query: http_requests_total{service="checkout"}
        timeWindow:
          - duration: 30d
            isRolling: true
        budgetingMethod: Occurrences
        objectives:
          - targetPercent: 99.9
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: checkout-month
        displayName: Checkout availability per month
      spec:
        service: checkout
        indicator:
          metadata:
            name: checkout-ok
          spec:
            ratioMetric:
              counter: true
              good:
                metricSource:
                  metricSourceRef: prometheus
                  spec:
                    query: http_requests_total{code="200"}
              total:
                metricSource:
                  metricSourceRef: prometheus
                  spec:
                    query: http_requests_total
        timeWindow:
          - duration: 1M
            calendar:
              startTime: 2026-01-01 00:00:00
              timeZone: Europe/Berlin
        budgetingMethod: Occurrences
        objectives:
          - target: 0.995
      ---
      apiVersion: openslo/v1
      kind: DataSource
      metadata:
        name: prometheus
      spec:
        type: Prometheus
        connectionDetails:
          url: http://prometheus:9090
      """;

  @Test
  void shouldEvaluateAnOpenSloSpecExactlyAsTheSameSpecInOurFormat() throws Exception {
    Path openslo = Files.writeString(dir.resolve("openslo.yaml"), OPENSLO);
    String at = Workload.END.minusSeconds(190 * 60).toString();
    for (String mode : List.of("exact", "pushdown")) {
      CliRun ours =
          CliRun.of(
              "eval",
              "--spec",
              spec.toString(),
              "--prometheus",
              server.url.toString(),
              "--mode",
              mode,
              "--at",
              at,
              "--format",
              "json");
      CliRun theirs =
          CliRun.of(
              "eval",
              "--spec",
              openslo.toString(),
              "--prometheus",
              server.url.toString(),
              "--mode",
              mode,
              "--at",
              at,
              "--format",
              "json");
      assertThat(ours.code()).as(ours.err()).isZero();
      assertThat(theirs.code()).as(theirs.err()).isZero();
      assertThat(theirs.err()).isEmpty();
      assertThat(theirs.out()).as(mode).isEqualTo(ours.out());
    }
  }

  @Test
  void shouldExitThreeWithOneLineWhenTheServerIsDown() throws Exception {
    String url = "http://127.0.0.1:" + PrometheusServer.freePort();
    CliRun r =
        CliRun.of(
            "eval",
            "--spec",
            spec.toString(),
            "--prometheus",
            url,
            "--at",
            Workload.END.toString(),
            "--prometheus-timeout",
            "1s");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("slo: " + url + "/: cannot connect").doesNotContain("Exception");
  }

  @Test
  void shouldRefuseTwoSourcesAndBadUrls() {
    CliRun both =
        CliRun.of(
            "eval",
            "--spec",
            spec.toString(),
            "--data",
            data.toString(),
            "--prometheus",
            server.url.toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("not several");
    CliRun bad = CliRun.of("eval", "--spec", spec.toString(), "--prometheus", "localhost:9090");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("is not a valid Prometheus URL");
  }

  @Test
  void shouldWriteRulesThatPromtoolAccepts() throws Exception {
    Path out = dir.resolve("rules.yml");
    CliRun r =
        CliRun.of(
            "rules",
            "--spec",
            spec.toString(),
            "--out",
            out.toString(),
            "--tiers",
            "checkout=page_1h_5m,page_6h_30m");
    assertThat(r.code()).as(r.err()).isZero();
    String rules = Files.readString(out);
    assertThat(rules).contains("slo-checkout").contains("slo-checkout-month");
    assertThat(
            PrometheusServer.run(
                dir,
                List.of(PrometheusServer.PROMTOOL.toString(), "check", "rules", out.toString())))
        .contains("SUCCESS");
    CliRun badTier = CliRun.of("rules", "--spec", spec.toString(), "--tiers", "checkout=page_2h");
    assertThat(badTier.code()).isEqualTo(2);
    assertThat(badTier.err()).contains("\"page_2h\" is not a tier");
  }
}
