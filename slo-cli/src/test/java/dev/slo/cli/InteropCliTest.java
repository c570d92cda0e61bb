package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every --spec command reads OpenSLO, Sloth and Pyrra files; slo convert writes them. */
class InteropCliTest {
  @TempDir Path dir;
  Path data;

  static final String NATIVE =
      """
      apiVersion: slo.dev/v1
      slos:
        - slo_id: checkout
          slo_name: checkout
          service_name: shop
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: 28d
          bad_counter: http_requests_total{job="shop",code=~"5.."}
          total_counter: http_requests_total{job="shop"}
      """;

  static final String OPENSLO =
      """
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: checkout
      spec:
        service: shop
        indicatorRef: checkout-sli
        timeWindow:
          - duration: 4w
            isRolling: true
        budgetingMethod: Occurrences
        objectives:
          - target: 0.999
      ---
      apiVersion: openslo/v1
      kind: SLI
      metadata:
        name: checkout-sli
      spec:
        ratioMetric:
          counter: true
          bad:
            metricSource:
              type: Prometheus
              spec:
                query: http_requests_total{job="shop",code=~"5.."}
          total:
            metricSource:
              type: Prometheus
              spec:
                query: http_requests_total{job="shop"}
      """;

  static final String PYRRA =
      """
      apiVersion: pyrra.dev/v1alpha1
      kind: ServiceLevelObjective
      metadata:
        name: checkout
        namespace: shop
      spec:
        target: "99.9"
        window: 28d
        indicator:
          ratio:
            errors:
              metric: http_requests_total{job="shop",code=~"5.."}
            total:
              metric: http_requests_total{job="shop"}
      """;

  static final String SLOTH =
      """
      version: prometheus/v1
      service: shop
      slos:
        - name: search
          objective: 99.5
          sli:
            events:
              error_query: sum(rate(search_errors_total[{{.window}}]))
              total_query: sum(rate(search_total[{{.window}}]))
          alerting:
            page_alert:
              labels:
                severity: critical
      """;

  @BeforeEach
  void files() {
    StringBuilder csv = new StringBuilder("timestamp,slo_id,good_events,total_events\n");
    // one row an hour for two days, 2 bad in 1000 each: burn 2 at 99.9%
    java.time.Instant t = CliRun.NOW.minus(java.time.Duration.ofHours(48));
    for (int i = 1; i <= 48; i++) {
      csv.append(t.plus(java.time.Duration.ofHours(i))).append(",checkout,998,1000\n");
    }
    data = Fixtures.write(dir, "events.csv", csv.toString());
  }

  @Test
  void shouldEvaluateAnSloIdenticallyWhicheverFormatItWasWrittenIn() {
    String expected = null;
    for (String[] f :
        new String[][] {
          {"native.yaml", NATIVE}, {"openslo.yaml", OPENSLO}, {"pyrra.yaml", PYRRA}
        }) {
      Path spec = Fixtures.write(dir, f[0], f[1]);
      CliRun r =
          CliRun.of(
              "eval", "--spec", spec.toString(), "--data", data.toString(), "--format", "json");
      assertThat(r.code()).as(f[0] + ": " + r.err()).isZero();
      assertThat(r.out()).contains("\"slo_id\" : \"checkout\"").contains("\"burn_rate\" : 2.0");
      if (expected == null) {
        expected = r.out();
      } else {
        assertThat(r.out()).as(f[0]).isEqualTo(expected);
      }
    }
  }

  @Test
  void shouldDrawTheDashboardOfAnOpenSloSpec() {
    Path spec = Fixtures.write(dir, "openslo.yaml", OPENSLO);

    CliRun r = CliRun.of("dashboard", "--spec", spec.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("checkout");
  }

  @Test
  void shouldValidateADirectoryOfMixedFormats() throws Exception {
    Path specs = Files.createDirectory(dir.resolve("specs"));
    Fixtures.write(specs, "a-openslo.yaml", OPENSLO);
    Fixtures.write(specs, "b-sloth.yml", SLOTH);

    CliRun r = CliRun.of("validate", specs.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("a-openslo.yaml: valid, 1 SLO (1 enabled), openslo/v1")
        .contains("b-sloth.yml: valid, 1 SLO (1 enabled), prometheus/v1");
  }

  @Test
  void shouldReportAPeerFilesProblemInItsOwnFieldPathWithFileAndLine() {
    Path bad = Fixtures.write(dir, "bad.yaml", OPENSLO.replace("target: 0.999", "target: 1.2"));

    CliRun r = CliRun.of("validate", bad.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(bad + ":13: spec.objectives[0].target: 1.2 is not between 0 and 1")
        .doesNotContain("Exception");
  }

  @Test
  void shouldMixFormatsInRulesAndWarnAboutWhatIsNotUsed() {
    Path a = Fixtures.write(dir, "openslo.yaml", OPENSLO);
    Path b = Fixtures.write(dir, "sloth.yaml", SLOTH);

    CliRun r = CliRun.of("rules", "--spec", a.toString(), "--spec", b.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("name: \"slo-checkout\"")
        .contains("name: \"slo-shop-search\"")
        .contains("[2419200s]"); // 28 days
  }

  @Test
  void shouldConvertToOpenSloAndBackToTheSameEvaluation() throws Exception {
    Path spec = Fixtures.write(dir, "native.yaml", NATIVE);
    Path out = dir.resolve("converted.yaml");

    CliRun c = CliRun.of("convert", "--to", "openslo", "--out", out.toString(), spec.toString());

    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.err()).isEmpty();
    assertThat(Files.readString(out)).contains("apiVersion: openslo/v1").contains("duration: 28d");
    CliRun a =
        CliRun.of("eval", "--spec", spec.toString(), "--data", data.toString(), "--format", "json");
    CliRun b =
        CliRun.of("eval", "--spec", out.toString(), "--data", data.toString(), "--format", "json");
    assertThat(b.out()).isEqualTo(a.out());
  }

  @Test
  void shouldWarnPerDroppedFieldAndRefuseUnderStrict() throws Exception {
    Path spec = Fixtures.write(dir, "native.yaml", NATIVE);

    CliRun loose = CliRun.of("convert", "--to", "sloth", spec.toString());
    CliRun strict = CliRun.of("convert", "--to", "sloth", "--strict", spec.toString());

    assertThat(loose.code()).isZero();
    assertThat(loose.out())
        .contains("version: prometheus/v1")
        .contains(
            "error_query: \"sum(rate(http_requests_total{job=\\\"shop\\\",code=~\\\"5..\\\"}[{{.window}}]))\"");
    assertThat(loose.err())
        .contains(
            "slo: warning: checkout: time_period: dropped: ROLLING_28D: Sloth's period is a generator setting")
        .contains(
            "slo: warning: checkout: slo_id: approximated: Sloth names an SLO <service>-<name>: it reads back as shop-checkout");
    assertThat(strict.code()).isEqualTo(2);
    assertThat(strict.out()).isEmpty();
    assertThat(strict.err())
        .contains("--strict: 2 fields were dropped or approximated; nothing written");
  }

  @Test
  void shouldWriteOneOpenSloFilePerSloIntoADirectory() throws Exception {
    Path spec = Fixtures.write(dir, "sloth.yaml", SLOTH);
    Path outDir = Files.createDirectory(dir.resolve("out"));

    CliRun c = CliRun.of("convert", "--to", "openslo", "--out", outDir.toString(), spec.toString());

    assertThat(c.code()).as(c.err()).isZero();
    assertThat(Files.readString(outDir.resolve("shop-search.yaml")))
        .contains("name: shop-search")
        .contains("rawType: success");
    assertThat(CliRun.of("validate", outDir.toString()).code()).isZero();
  }

  @Test
  void shouldWriteSlothCompatibleRulesThatPromtoolAccepts() throws Exception {
    Path spec = Fixtures.write(dir, "sloth.yaml", SLOTH);
    Path out = dir.resolve("rules.yml");

    CliRun r =
        CliRun.of("rules", "--compat", "sloth", "--spec", spec.toString(), "--out", out.toString());

    assertThat(r.code()).as(r.err()).isZero();
    String rules = Files.readString(out);
    assertThat(rules)
        .contains("- record: slo:sli_error:ratio_rate5m")
        .contains("sloth_id: \"shop-search\"")
        .contains("sloth_slo: \"search\"")
        .contains("severity: \"critical\"")
        .contains("sloth_severity: \"ticket\"");
    dev.slo.testing.PrometheusServer.assumeInstalled();
    String check =
        dev.slo.testing.PrometheusServer.run(
            dir,
            java.util.List.of(
                dev.slo.testing.PrometheusServer.PROMTOOL.toString(),
                "check",
                "rules",
                out.toString()));
    assertThat(check).contains("SUCCESS");
    assertThat(CliRun.of("rules", "--compat", "pyrra", "--spec", spec.toString()).code())
        .isEqualTo(2);
  }
}
