package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Composite;
import dev.slo.core.model.CompositeComponent;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.testing.PrometheusServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A composite's recording rules over its components' (docs/math.md, "Composite SLOs"), checked with
 * the real promtool against hand-computed values.
 */
class CompositeRulesIT {
  @TempDir Path dir;

  private static Slo leaf(String id, double target) {
    return PrometheusSourceIT.counters(id, TimePeriod.ROLLING_30D).toBuilder()
        .serviceName(id)
        .targetPercentage(target)
        .sli(
            new SliDefinition(
                null,
                "requests_total{service=\"" + id + "\",code=\"500\"}",
                "requests_total{service=\"" + id + "\"}",
                null,
                null,
                null,
                null))
        .build();
  }

  private static Slo journey() {
    return leaf("journey", 99.5).toBuilder()
        .sli(SliDefinition.NONE)
        .composite(
            new Composite(
                List.of(
                    new CompositeComponent("a", BigDecimal.ONE),
                    new CompositeComponent("b", new BigDecimal("3")),
                    new CompositeComponent("quiet", new BigDecimal("2")))))
        .build();
  }

  private static List<Slo> spec() {
    return List.of(leaf("a", 99.9), leaf("b", 99), leaf("quiet", 99), journey());
  }

  @Test
  void shouldRecordTheWeightedMeanOfTheComponentsBurnOverTheirRecordingRules() {
    String rules = RuleGenerator.generate(spec());
    assertThat(rules)
        .contains("record: slo:sli_error:ratio_rate5m")
        .contains(
            "expr: \"0.005 * sum((slo:sli_error:ratio_rate5m{slo_id=\\\"a\\\"} >= 0) / 0.001 * 1"
                + " or (slo:sli_error:ratio_rate5m{slo_id=\\\"b\\\"} >= 0) / 0.01 * 3"
                + " or (slo:sli_error:ratio_rate5m{slo_id=\\\"quiet\\\"} >= 0) / 0.01 * 2)"
                + " / sum((slo:sli_error:ratio_rate5m{slo_id=\\\"a\\\"} >= 0) * 0 + 1"
                + " or (slo:sli_error:ratio_rate5m{slo_id=\\\"b\\\"} >= 0) * 0 + 3"
                + " or (slo:sli_error:ratio_rate5m{slo_id=\\\"quiet\\\"} >= 0) * 0 + 2)\"");
    assertThat(RuleGenerator.hasRules(journey(), Map.of())).isFalse();
  }

  @Test
  void shouldComputeTheHandCheckedValuesInPromtool() throws Exception {
    PrometheusServer.assumeInstalled();
    Files.writeString(dir.resolve("rules.yml"), RuleGenerator.generate(spec()));
    // a: 20 bad of 1000 a minute at 99.9% -> burn 20; b: 1 of 100 at 99% -> burn 1;
    // quiet: no requests (0 / 0), so it leaves the weights.
    // journey: (1 * 20 + 3 * 1) / (1 + 3) = 5.75; error ratio 0.005 * 5.75 = 0.02875;
    // budget remaining over the period 1 - 5.75 = -4.75.
    String test =
        """
        rule_files:
          - rules.yml
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - series: 'requests_total{service="a",code="500"}'
                values: '0+20x60'
              - series: 'requests_total{service="a",code="200"}'
                values: '0+980x60'
              - series: 'requests_total{service="b",code="500"}'
                values: '0+1x60'
              - series: 'requests_total{service="b",code="200"}'
                values: '0+99x60'
              - series: 'requests_total{service="quiet",code="200"}'
                values: '0+0x60'
            promql_expr_test:
              - expr: slo:sli_error:ratio_rate5m{slo_id="journey"}
                eval_time: 30m
                exp_samples:
                  - labels: 'slo:sli_error:ratio_rate5m{slo_id="journey",service="journey"}'
                    value: 0.02875
              - expr: slo:period_error_budget_remaining:ratio{slo_id="journey"}
                eval_time: 30m
                exp_samples:
                  - labels: 'slo:period_error_budget_remaining:ratio{slo_id="journey",service="journey"}'
                    value: -4.75
          - interval: 1m
            input_series:
              - series: 'requests_total{service="a",code="200"}'
                values: '0+0x60'
              - series: 'requests_total{service="b",code="200"}'
                values: '0+0x60'
            promql_expr_test:
              - expr: slo:sli_error:ratio_rate1h{slo_id="journey"}
                eval_time: 30m
                exp_samples: []
        """;
    Path file = dir.resolve("test.yml");
    Files.writeString(file, test);
    String out =
        PrometheusServer.run(
            dir, List.of(PrometheusServer.PROMTOOL.toString(), "test", "rules", file.toString()));
    assertThat(out).contains("SUCCESS");
  }

  @Test
  void shouldGuardACompositesAlertsByTheEventsOfItsComponents() throws Exception {
    PrometheusServer.assumeInstalled();
    // journey over a (1,000 requests a minute, 5% errors: burn 50) and b (100 a minute, no
    // errors and no error series: it records 0, burn 0): burn (50 + 0) / 2 = 25 > 14.4, and
    // 66,000 events in the page tier's 1h window; a guard of 50,000 lets it fire, one of 100,000
    // keeps it quiet although the burn alone would page
    for (long minEvents : new long[] {50_000, 100_000}) {
      Slo journey =
          leaf("journey", 99.5).toBuilder()
              .sli(SliDefinition.NONE)
              .minEvents(minEvents)
              .composite(
                  new Composite(
                      List.of(
                          new CompositeComponent("a", BigDecimal.ONE),
                          new CompositeComponent("b", BigDecimal.ONE))))
              .build();
      String rules = RuleGenerator.generate(List.of(leaf("a", 99.9), leaf("b", 99), journey));
      assertThat(rules)
          .contains(
              " and on() ((sum(increase(requests_total{service=\\\"a\\\"}[3600s])) or vector(0))"
                  + " + (sum(increase(requests_total{service=\\\"b\\\"}[3600s])) or vector(0))"
                  + " >= "
                  + minEvents
                  + ")");
      Files.writeString(dir.resolve("rules.yml"), rules);
      String test =
          """
          rule_files:
            - rules.yml
          evaluation_interval: 1m
          tests:
            - interval: 1m
              input_series:
                - series: 'requests_total{service="a",code="500"}'
                  values: '0+50x120'
                - series: 'requests_total{service="a",code="200"}'
                  values: '0+950x120'
                - series: 'requests_total{service="b",code="200"}'
                  values: '0+100x120'
              promql_expr_test:
                - expr: slo:sli_error:ratio_rate1h{slo_id="b"}
                  eval_time: 90m
                  exp_samples:
                    - labels: 'slo:sli_error:ratio_rate1h{slo_id="b",service="b"}'
                      value: 0
                - expr: count(ALERTS{alertname="SloErrorBudgetBurn",slo_id="journey",tier="page_1h_5m",alertstate="firing"}) or vector(0)
                  eval_time: 90m
                  exp_samples:
                    - labels: '{}'
                      value: @FIRING@
          """
              .replace("@FIRING@", minEvents == 50_000 ? "1" : "0");
      Path file = dir.resolve("test.yml");
      Files.writeString(file, test);
      String out =
          PrometheusServer.run(
              dir, List.of(PrometheusServer.PROMTOOL.toString(), "test", "rules", file.toString()));
      assertThat(out).as("min_events " + minEvents).contains("SUCCESS");
    }
  }
}
