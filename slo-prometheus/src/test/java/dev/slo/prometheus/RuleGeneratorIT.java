package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.LatencySli;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.testing.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule files checked and unit-tested with the real promtool. */
class RuleGeneratorIT {
  @TempDir Path dir;

  static Slo checkout() {
    return PrometheusSourceIT.counters("checkout", TimePeriod.ROLLING_30D).toBuilder()
        .sloName("Checkout \"availability\"")
        .build();
  }

  @Test
  void shouldRecordEventBasedErrorRatiosAndAlertOnEveryTier() {
    String rules = RuleGenerator.generate(List.of(checkout()));
    assertThat(rules)
        .contains(
            "expr: \"(sum(increase(http_requests_total{service=\\\"checkout\\\",code=\\\"500\\\"}[3600s]))"
                + " or 0 * sum(increase(http_requests_total{service=\\\"checkout\\\"}[3600s])))"
                + " / sum(increase(http_requests_total{service=\\\"checkout\\\"}[3600s]))\"")
        .contains("record: slo:sli_error:ratio_rate5m")
        .contains("record: slo:period_sli_error:ratio")
        .contains("expr: \"vector(0.999)\"")
        .contains(
            "expr: \"(slo:sli_error:ratio_rate1h{slo_id=\\\"checkout\\\"} >= 0.0144) and"
                + " (slo:sli_error:ratio_rate5m{slo_id=\\\"checkout\\\"} >= 0.0144)\"")
        .doesNotContain("avg(");
    assertThat(count(rules, "- alert: SloErrorBudgetBurn")).isEqualTo(4);
    String paged =
        RuleGenerator.generate(List.of(checkout()), Map.of("checkout", Set.of("page_1h_5m")));
    assertThat(count(paged, "- alert: SloErrorBudgetBurn")).isEqualTo(1);
    assertThat(RuleGenerator.generate(List.of(checkout().withEnabled(false))))
        .doesNotContain("record:");
  }

  @Test
  void shouldPassPromtoolCheckForEveryKindOfSli() throws Exception {
    PrometheusServer.assumeInstalled();
    Slo latency =
        checkout().toBuilder()
            .sloId("latency")
            .timePeriod(TimePeriod.CALENDAR_MONTH)
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
    Slo queries =
        checkout().toBuilder()
            .sloId("queries")
            .timePeriod(TimePeriod.ROLLING_7D)
            .minEvents(100)
            .sli(
                new SliDefinition(
                    null,
                    null,
                    null,
                    "sum(rate(ok_total[{{window}}]))",
                    null,
                    "sum(rate(all_total[{{.window}}]))",
                    null))
            .build();
    Slo ratio =
        checkout().toBuilder()
            .sloId("ratio")
            .timePeriod(TimePeriod.ROLLING_1H)
            .sli(SliDefinition.NONE)
            .sliQuery("avg_over_time(probe_success[{{window}}])")
            .build();
    Path file = dir.resolve("rules.yml");
    Files.writeString(file, RuleGenerator.generate(List.of(checkout(), latency, queries, ratio)));
    String out =
        PrometheusServer.run(
            dir, List.of(PrometheusServer.PROMTOOL.toString(), "check", "rules", file.toString()));
    assertThat(out).contains("SUCCESS");
  }

  @Test
  void shouldFireTheRightTiersAtTheRightTimeInPromtoolUnitTests() throws Exception {
    PrometheusServer.assumeInstalled();
    String rules = RuleGenerator.generate(List.of(checkout()));
    Files.writeString(dir.resolve("rules.yml"), rules);
    StringBuilder t =
        new StringBuilder("rule_files:\n  - rules.yml\nevaluation_interval: 1m\ntests:\n");
    // fast burn: 2% errors = 20x: every tier fires from the first minute with two samples
    scenario(t, 20, 980, "0m", List.of());
    scenario(
        t, 20, 980, "10m", List.of("page_1h_5m", "page_6h_30m", "ticket_1d_2h", "ticket_3d_6h"));
    // slow burn: 0.2% errors = 2x: only the 3-day ticket tier (factor 1)
    scenario(t, 2, 998, "30m", List.of("ticket_3d_6h"));
    // quiet: 0.05% errors = 0.5x: nothing
    scenario(t, 1, 1999, "2h", List.of());
    for (String tier : List.of("page_1h_5m", "page_6h_30m", "ticket_1d_2h", "ticket_3d_6h")) {
      String[] a = annotations(rules, tier);
      t.replace(
          0,
          t.length(),
          t.toString()
              .replace("@SUMMARY:" + tier + "@", a[0])
              .replace("@DESCRIPTION:" + tier + "@", a[1]));
    }
    Path test = dir.resolve("test.yml");
    Files.writeString(test, t.toString());
    String out =
        PrometheusServer.run(
            dir, List.of(PrometheusServer.PROMTOOL.toString(), "test", "rules", test.toString()));
    assertThat(out).contains("SUCCESS");
  }

  @Test
  void shouldNotFireOnFewerEventsThanMinEventsInPromtool() throws Exception {
    PrometheusServer.assumeInstalled();
    // fast burn at 1,000 requests a minute: 10 minutes in, the windows hold about 10,000 events
    for (long minEvents : new long[] {5_000, 1_000_000}) {
      Slo slo = checkout().toBuilder().minEvents(minEvents).build();
      String rules = RuleGenerator.generate(List.of(slo));
      assertThat(rules)
          .contains(
              " and on() (sum(increase(http_requests_total{service=\\\"checkout\\\"}[3600s]))"
                  + " >= "
                  + minEvents
                  + ")");
      Files.writeString(dir.resolve("rules.yml"), rules);
      StringBuilder t =
          new StringBuilder("rule_files:\n  - rules.yml\nevaluation_interval: 1m\ntests:\n");
      List<String> all = List.of("page_1h_5m", "page_6h_30m", "ticket_1d_2h", "ticket_3d_6h");
      scenario(t, 20, 980, "10m", minEvents == 5_000 ? all : List.of());
      for (String tier : all) {
        String[] a = annotations(rules, tier);
        t.replace(
            0,
            t.length(),
            t.toString()
                .replace("@SUMMARY:" + tier + "@", a[0])
                .replace("@DESCRIPTION:" + tier + "@", a[1]));
      }
      Path test = dir.resolve("test.yml");
      Files.writeString(test, t.toString());
      String out =
          PrometheusServer.run(
              dir, List.of(PrometheusServer.PROMTOOL.toString(), "test", "rules", test.toString()));
      assertThat(out).as("min_events " + minEvents).contains("SUCCESS");
    }
  }

  private static void scenario(StringBuilder t, int bad, int good, String at, List<String> firing) {
    t.append("  - interval: 1m\n    input_series:\n");
    t.append("      - series: 'http_requests_total{service=\"checkout\",code=\"500\"}'\n");
    t.append("        values: '0+").append(bad).append("x300'\n");
    t.append("      - series: 'http_requests_total{service=\"checkout\",code=\"200\"}'\n");
    t.append("        values: '0+").append(good).append("x300'\n");
    t.append("    alert_rule_test:\n      - eval_time: ")
        .append(at)
        .append("\n        alertname: SloErrorBudgetBurn\n        exp_alerts:");
    if (firing.isEmpty()) {
      t.append(" []\n");
      return;
    }
    t.append('\n');
    for (String tier : firing) {
      t.append("          - exp_labels:\n");
      t.append("              severity: ")
          .append(tier.startsWith("page") ? "page" : "ticket")
          .append('\n');
      t.append("              tier: ").append(tier).append('\n');
      t.append("              slo_id: checkout\n              service: checkout\n");
      t.append("            exp_annotations:\n");
      t.append("              summary: @SUMMARY:").append(tier).append("@\n");
      t.append("              description: @DESCRIPTION:").append(tier).append("@\n");
    }
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

  private static int count(String s, String what) {
    return s.split(Pattern.quote(what), -1).length - 1;
  }

  static List<String> lines(String s) {
    return new ArrayList<>(s.lines().toList());
  }
}
