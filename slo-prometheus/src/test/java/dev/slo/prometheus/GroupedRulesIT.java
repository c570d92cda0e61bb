package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionCategory;
import dev.slo.core.correction.CorrectionScope;
import dev.slo.core.correction.Corrections;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.testing.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules of grouped SLOs (group_by), checked and unit-tested with the real promtool. */
class GroupedRulesIT {
  @TempDir Path dir;

  static final List<String> TIERS =
      List.of("page_1h_5m", "page_6h_30m", "ticket_1d_2h", "ticket_3d_6h");

  static Slo shop() {
    return GroupedPrometheusIT.template(TimePeriod.ROLLING_30D);
  }

  @Test
  void shouldKeepTheGroupLabelsThroughEverySum() {
    String rules = RuleGenerator.generate(List.of(shop().toBuilder().minEvents(100).build()));
    assertThat(rules)
        .contains(
            "expr: \"(sum by (route) (increase(shop_requests_total{service=\\\"shop\\\","
                + "code=\\\"500\\\"}[3600s])) or 0 * sum by (route)"
                + " (increase(shop_requests_total{service=\\\"shop\\\"}[3600s])))"
                + " / sum by (route) (increase(shop_requests_total{service=\\\"shop\\\"}[3600s]))\"")
        .contains(
            " and on(route) (sum by (route) (increase(shop_requests_total{service=\\\"shop\\\"}"
                + "[3600s])) >= 100)")
        .contains("summary: \"Shop availability {route=\\\"{{ $labels.route }}\\\"}: error budget")
        .doesNotContain("sum(increase(");
    // one alert rule per tier serves every group
    assertThat(rules.split("- alert: ", -1)).hasSize(5);
  }

  @Test
  void shouldFireOnlyTheBurningRoutesAlertsInPromtool() throws Exception {
    PrometheusServer.assumeInstalled();
    String rules = RuleGenerator.generate(List.of(shop()));
    Files.writeString(dir.resolve("rules.yml"), rules);
    StringBuilder t =
        new StringBuilder("rule_files:\n  - rules.yml\nevaluation_interval: 1m\ntests:\n");
    t.append("  - interval: 1m\n    input_series:\n");
    // /pay: 2% errors = 20x, every tier; /cart: 0.05% = 0.5x, none; /search: never fails
    series(t, "/pay", "500", 20);
    series(t, "/pay", "200", 980);
    series(t, "/cart", "500", 1);
    series(t, "/cart", "200", 1999);
    series(t, "/search", "200", 500);
    t.append("    alert_rule_test:\n      - eval_time: 10m\n");
    t.append("        alertname: SloErrorBudgetBurn\n        exp_alerts:\n");
    for (String tier : TIERS) {
      expAlert(t, rules, tier, "/pay");
    }
    // a route without a code="500" series records an error ratio of 0, not nothing
    t.append("    promql_expr_test:\n");
    t.append("      - expr: slo:sli_error:ratio_rate1h{route=\"/search\"}\n");
    t.append("        eval_time: 10m\n        exp_samples:\n");
    t.append("          - labels: 'slo:sli_error:ratio_rate1h{route=\"/search\",");
    t.append("service=\"shop\",slo_id=\"shop\"}'\n            value: 0\n");
    assertThat(promtoolTest(t)).contains("SUCCESS");
  }

  @Test
  void shouldGuardEachRouteByItsOwnEventsWithMinEventsInPromtool() throws Exception {
    PrometheusServer.assumeInstalled();
    // both routes burn at 20x; /pay has 10,000 events in ten minutes, /cart 500
    String rules = RuleGenerator.generate(List.of(shop().toBuilder().minEvents(5_000).build()));
    Files.writeString(dir.resolve("rules.yml"), rules);
    StringBuilder t =
        new StringBuilder("rule_files:\n  - rules.yml\nevaluation_interval: 1m\ntests:\n");
    t.append("  - interval: 1m\n    input_series:\n");
    series(t, "/pay", "500", 20);
    series(t, "/pay", "200", 980);
    series(t, "/cart", "500", 1);
    series(t, "/cart", "200", 49);
    // ... the guard counts /cart alone: 500 < 5000, while /pay alone (or both) pass
    t.append("    alert_rule_test:\n      - eval_time: 10m\n");
    t.append("        alertname: SloErrorBudgetBurn\n        exp_alerts:\n");
    for (String tier : TIERS) {
      expAlert(t, rules, tier, "/pay");
    }
    assertThat(promtoolTest(t)).contains("SUCCESS");
  }

  @Test
  void shouldPassPromtoolCheckForGroupedSlisOfEveryKindAndSlothCompat() throws Exception {
    PrometheusServer.assumeInstalled();
    Slo latency =
        shop().toBuilder()
            .sloId("latency")
            .timePeriod(TimePeriod.CALENDAR_MONTH)
            .minEvents(10)
            .sli(
                new SliDefinition(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new LatencySli("http_request_duration_seconds", 0.3, "{service=\"shop\"}")))
            .build();
    Slo queries =
        shop().toBuilder()
            .sloId("queries")
            .minEvents(100)
            .sli(
                new SliDefinition(
                    null,
                    null,
                    null,
                    "sum by (route) (rate(ok_total[{{window}}]))",
                    null,
                    "sum by (route) (rate(all_total[{{window}}]))",
                    null))
            .build();
    Slo ratio =
        shop().toBuilder()
            .sloId("ratio")
            .sli(SliDefinition.NONE)
            .sliQuery("avg by (route) (avg_over_time(probe_success[{{window}}]))")
            .build();
    Corrections cs =
        new Corrections(
            List.of(
                new Correction(
                    "deploy",
                    CorrectionScope.slo("shop"),
                    Instant.parse("2026-11-20T11:00:00Z"),
                    Duration.ofMinutes(30),
                    null,
                    CorrectionCategory.SCHEDULED_MAINTENANCE,
                    "",
                    null)));
    String rules =
        RuleGenerator.generate(List.of(shop(), latency, queries, ratio), Map.of(), cs, null);
    assertThat(rules).contains(" unless on() slo:correction_active{slo_id=\\\"shop\\\"}");
    Files.writeString(dir.resolve("rules.yml"), rules);
    String sloth = SlothRules.generate(List.of(shop()), Map.of());
    assertThat(sloth).contains("sum by (route) (increase(").doesNotContain("sum(increase(");
    Files.writeString(dir.resolve("sloth.yml"), sloth);
    for (String f : List.of("rules.yml", "sloth.yml")) {
      String out =
          PrometheusServer.run(
              dir,
              List.of(
                  PrometheusServer.PROMTOOL.toString(),
                  "check",
                  "rules",
                  dir.resolve(f).toString()));
      assertThat(out).as(f).contains("SUCCESS");
    }
  }

  @Test
  void shouldLeaveOutACompositeOverAGroupedComponent() {
    Slo composite =
        Slo.builder()
            .sloId("journey")
            .sloName("Journey")
            .sloType(dev.slo.core.model.SloType.AVAILABILITY)
            .serviceName("shop")
            .targetPercentage(99.0)
            .timePeriod(TimePeriod.ROLLING_30D)
            .composite(
                new dev.slo.core.model.Composite(
                    List.of(
                        new dev.slo.core.model.CompositeComponent(
                            "shop", java.math.BigDecimal.ONE))))
            .build();
    assertThat(RuleGenerator.hasRules(composite, Map.of("shop", shop()))).isFalse();
  }

  private static void series(StringBuilder t, String route, String code, int perMinute) {
    t.append("      - series: 'shop_requests_total{service=\"shop\",route=\"")
        .append(route)
        .append("\",code=\"")
        .append(code)
        .append("\"}'\n        values: '0+")
        .append(perMinute)
        .append("x300'\n");
  }

  private static void expAlert(StringBuilder t, String rules, String tier, String route) {
    String[] a = annotations(rules, tier);
    t.append("          - exp_labels:\n");
    t.append("              severity: ").append(tier.startsWith("page") ? "page" : "ticket");
    t.append("\n              tier: ").append(tier).append('\n');
    t.append("              slo_id: shop\n              service: shop\n");
    t.append("              route: ").append(route).append('\n');
    t.append("            exp_annotations:\n");
    t.append("              summary: ")
        .append(a[0].replace("{{ $labels.route }}", route))
        .append('\n');
    t.append("              description: ").append(a[1]).append('\n');
  }

  /** The summary and description the generator wrote for a tier, still YAML-quoted. */
  private static String[] annotations(String rules, String tier) {
    Matcher m =
        Pattern.compile(
                "tier: \""
                    + tier
                    + "\"\\n(?:.*\\n){3}\\s+summary: (\".*\")\\n\\s+description: (\".*\")")
            .matcher(rules);
    if (!m.find()) {
      throw new AssertionError("no annotations for " + tier);
    }
    return new String[] {m.group(1), m.group(2)};
  }

  private String promtoolTest(StringBuilder t) throws Exception {
    Path test = dir.resolve("test.yml");
    Files.writeString(test, t.toString());
    return PrometheusServer.run(
        dir, List.of(PrometheusServer.PROMTOOL.toString(), "test", "rules", test.toString()));
  }
}
