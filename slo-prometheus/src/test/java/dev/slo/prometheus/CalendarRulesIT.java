package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.testing.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calendar and long rolling periods in rules: the real length, checked with promtool. */
class CalendarRulesIT {
  @TempDir Path dir;

  private static Slo slo(String id, TimePeriod p) {
    return Slo.builder()
        .sloType(dev.slo.core.model.SloType.AVAILABILITY)
        .sloName("S")
        .sloId(id)
        .serviceName(id)
        .targetPercentage(99.9)
        .timePeriod(p)
        .sli(
            new SliDefinition(
                null,
                "http_requests_total{service=\"" + id + "\",code=\"500\"}",
                "http_requests_total{service=\"" + id + "\"}",
                null,
                null,
                null,
                null))
        .build();
  }

  @Test
  void shouldRecordARollingPeriodOverItsRealLength() {
    String rules = RuleGenerator.generate(List.of(slo("c", TimePeriod.valueOf("28d"))));

    assertThat(rules)
        .contains("[2419200s]") // 28 days
        .doesNotContain("[2592000s]") // not 30
        .doesNotContain("period: ");
    assertThat(RuleGenerator.ruleperiod(slo("c", TimePeriod.valueOf("28d"))))
        .isEqualTo(Duration.ofDays(28));
  }

  @Test
  void shouldWriteOnePeriodRuleAndTierSetPerLengthOfACalendarPeriod() {
    assertThat(RuleGenerator.periodVariants(slo("m", TimePeriod.CALENDAR_MONTH)))
        .extracting(v -> v.length().toDays())
        .containsExactly(28L, 29L, 30L, 31L);
    assertThat(RuleGenerator.periodVariants(slo("q", TimePeriod.CALENDAR_QUARTER)))
        .extracting(v -> v.length().toDays())
        .containsExactly(90L, 91L, 92L);
    assertThat(RuleGenerator.periodVariants(slo("y", TimePeriod.CALENDAR_YEAR)))
        .extracting(v -> v.length().toDays())
        .containsExactly(365L, 366L);
    assertThat(RuleGenerator.periodVariants(slo("w", TimePeriod.CALENDAR_WEEK)))
        .singleElement()
        .satisfies(v -> assertThat(v.when()).isNull());
  }

  @Test
  void shouldYieldOnlyTheCurrentPeriodsLengthInPromtool() throws Exception {
    PrometheusServer.assumeInstalled();
    // promtool unit tests start at 1970-01-01T00:00Z: January (31 days), Q1 of a common year (90
    // days), a common year (365 days)
    String rules =
        RuleGenerator.generate(
            List.of(
                slo("month", TimePeriod.CALENDAR_MONTH),
                slo("quarter", TimePeriod.CALENDAR_QUARTER),
                slo("year", TimePeriod.CALENDAR_YEAR)));
    Files.writeString(dir.resolve("rules.yml"), rules);
    StringBuilder t =
        new StringBuilder("rule_files:\n  - rules.yml\nevaluation_interval: 1m\ntests:\n");
    t.append("  - interval: 1m\n    input_series:\n");
    t.append("      - series: 'http_requests_total{service=\"month\",code=\"500\"}'\n");
    t.append("        values: '0+20x60'\n");
    t.append("      - series: 'http_requests_total{service=\"month\",code=\"200\"}'\n");
    t.append("        values: '0+980x60'\n");
    t.append("      - series: 'http_requests_total{service=\"quarter\",code=\"500\"}'\n");
    t.append("        values: '0+20x60'\n");
    t.append("      - series: 'http_requests_total{service=\"quarter\",code=\"200\"}'\n");
    t.append("        values: '0+980x60'\n");
    t.append("      - series: 'http_requests_total{service=\"year\",code=\"500\"}'\n");
    t.append("        values: '0+0x60'\n");
    t.append("      - series: 'http_requests_total{service=\"year\",code=\"200\"}'\n");
    t.append("        values: '0+1000x60'\n");
    t.append("    promql_exp_test:\n");
    expect(t, "month", "31d", "0.02");
    expect(t, "quarter", "90d", "0.02");
    expect(t, "year", "365d", "0");
    Path test = dir.resolve("test.yml");
    Files.writeString(test, t.toString().replace("promql_exp_test", "promql_expr_test"));

    String out =
        PrometheusServer.run(
            dir, List.of(PrometheusServer.PROMTOOL.toString(), "test", "rules", test.toString()));

    assertThat(out).contains("SUCCESS");
  }

  @Test
  void shouldAlertOnAnSlosOwnTiersOnceWhateverThePeriodLength() throws Exception {
    PrometheusServer.assumeInstalled();
    Slo own =
        slo("own", TimePeriod.CALENDAR_MONTH).toBuilder()
            .alertTiers(
                List.of(
                    new dev.slo.core.alert.AlertTier(
                        "fast",
                        dev.slo.core.alert.Severity.PAGE,
                        Duration.ofHours(1),
                        Duration.ofMinutes(5),
                        new java.math.BigDecimal("10"),
                        new java.math.BigDecimal("0.0133"))))
            .build();
    String rules = RuleGenerator.generate(List.of(own));

    assertThat(rules.split("- alert: ", -1)).hasSize(2); // one alert, not one per month length
    assertThat(rules)
        .contains(
            "expr: \"(slo:sli_error:ratio_rate1h{slo_id=\\\"own\\\"} >= 0.01) and"
                + " (slo:sli_error:ratio_rate5m{slo_id=\\\"own\\\"} >= 0.01)\"")
        .contains("tier: \"fast\"");
    Files.writeString(dir.resolve("own.yml"), rules);
    String out =
        PrometheusServer.run(
            dir,
            List.of(
                PrometheusServer.PROMTOOL.toString(),
                "check",
                "rules",
                dir.resolve("own.yml").toString()));
    assertThat(out).contains("SUCCESS");
  }

  private static void expect(StringBuilder t, String id, String period, String value) {
    t.append("      - expr: 'slo:period_sli_error:ratio{slo_id=\"").append(id).append("\"}'\n");
    t.append("        eval_time: 10m\n        exp_samples:\n");
    t.append("          - labels: 'slo:period_sli_error:ratio{period=\"")
        .append(period)
        .append("\",service=\"")
        .append(id)
        .append("\",slo_id=\"")
        .append(id)
        .append("\"}'\n");
    t.append("            value: ").append(value).append('\n');
  }
}
