package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.testing.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slo rules --compat sloth}: Sloth's names and labels, and alerts that fire at the minute
 * Sloth's window pairs and factors give, checked with the real promtool.
 */
class SlothRulesIT {
  @TempDir Path dir;

  static Slo slo() {
    return Slo.builder()
        .sloType(dev.slo.core.model.SloType.AVAILABILITY)
        .sloName("S")
        .sloId("myservice-requests")
        .serviceName("myservice")
        .targetPercentage(99.9)
        .timePeriod(TimePeriod.ROLLING_30D)
        .sliQuery(
            "1 - ((sum(rate(errors_total[{{.window}}]))) / (sum(rate(requests_total[{{.window}}]))))")
        .build();
  }

  static SlothRules.Settings settings() {
    return new SlothRules.Settings(
        "myservice-requests",
        "myservice",
        "requests",
        Map.of("owner", "myteam"),
        "MyServiceHighErrorRate",
        Map.of("category", "availability"),
        Map.of("summary", "High error rate"),
        Map.of("severity", "pageteam"),
        Map.of("severity", "slack"),
        false,
        false,
        List.of());
  }

  @Test
  void shouldUseSlothsFactorsForThePeriod() {
    assertThat(SlothRules.WINDOWS)
        .extracting(w -> w.factor(Duration.ofDays(30)).toPlainString())
        .containsExactly("14.4", "6", "3", "1");
    // Sloth's 28-day windows are the same pairs: factor = share x 28d / long window
    assertThat(SlothRules.WINDOWS)
        .extracting(w -> w.factor(Duration.ofDays(28)).toPlainString())
        .containsExactly("13.44", "5.6", "2.8", "0.9333333333333333");
  }

  @Test
  void shouldUseTheFilesOwnWindowPairs() {
    SlothRules.Settings s = settings();
    SlothRules.Settings custom =
        new SlothRules.Settings(
            s.slothId(),
            s.service(),
            s.slo(),
            s.labels(),
            s.alertName(),
            s.alertLabels(),
            s.alertAnnotations(),
            s.pageLabels(),
            s.ticketLabels(),
            false,
            true,
            List.of(
                new SlothRules.WindowPair(
                    dev.slo.core.alert.Severity.PAGE,
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(30),
                    "0.08")));
    Slo week = slo().toBuilder().timePeriod(TimePeriod.ROLLING_7D).build();

    String rules = SlothRules.generate(List.of(week), Map.of("myservice-requests", custom));

    // 8% of a 7-day budget over 30 minutes: factor 0.08 x 10080 / 30 = 26.88
    assertThat(rules)
        .contains(
            "slo:sli_error:ratio_rate5m{sloth_id=\\\"myservice-requests\\\", sloth_service=\\\"myservice\\\", sloth_slo=\\\"requests\\\"} > (26.88 * 0.001)")
        .contains("record: slo:sli_error:ratio_rate7d")
        .doesNotContain("sloth_severity: \"ticket\"");
  }

  @Test
  void shouldWriteTheRecordingRulesSlothsDashboardsRead() {
    String rules = SlothRules.generate(List.of(slo()), Map.of("myservice-requests", settings()));

    for (String name :
        List.of(
            "slo:sli_error:ratio_rate5m",
            "slo:sli_error:ratio_rate30m",
            "slo:sli_error:ratio_rate1h",
            "slo:sli_error:ratio_rate2h",
            "slo:sli_error:ratio_rate6h",
            "slo:sli_error:ratio_rate1d",
            "slo:sli_error:ratio_rate3d",
            "slo:sli_error:ratio_rate30d",
            "slo:objective:ratio",
            "slo:error_budget:ratio",
            "slo:time_period:days",
            "slo:current_burn_rate:ratio",
            "slo:period_burn_rate:ratio",
            "slo:period_error_budget_remaining:ratio",
            "sloth_slo_info")) {
      assertThat(rules).contains("- record: " + name + "\n");
    }
    assertThat(rules)
        .contains("sloth_id: \"myservice-requests\"")
        .contains("sloth_window: \"30d\"")
        .contains("sloth_objective: \"99.9\"")
        .contains("- alert: \"MyServiceHighErrorRate\"");
    assertThatThrownBy(
            () ->
                SlothRules.generate(
                    List.of(slo().toBuilder().timePeriod(TimePeriod.CALENDAR_MONTH).build()),
                    Map.of()))
        .hasMessageContaining("--compat sloth needs a rolling period");
  }

  @Test
  void shouldFirePageAndTicketAtTheMinuteSlothsWindowsGive() throws Exception {
    PrometheusServer.assumeInstalled();
    Files.writeString(
        dir.resolve("rules.yml"),
        SlothRules.generate(List.of(slo()), Map.of("myservice-requests", settings())));
    // Sloth's three groups: recordings before alerts within a minute, as the group order in a
    // real Prometheus would give one interval later at worst (the same for Sloth's own rules)
    StringBuilder t =
        new StringBuilder(
            "rule_files:\n  - rules.yml\nevaluation_interval: 1m\ngroup_eval_order:\n"
                + "  - sloth-slo-sli-recordings-myservice-requests\n"
                + "  - sloth-slo-meta-recordings-myservice-requests\n"
                + "  - sloth-slo-alerts-myservice-requests\ntests:\n");
    // fast burn: 2000 requests a minute, 1 error a minute for 2 hours, then 40 (2%, 20x).
    // ticket (6h/3d at 1x): (39k + t) / 2000t > 0.001 with k = t - 120 -> t > 123.2: minute 124.
    // page (5m/1h at 14.4x): (39k + 60) / 120000 > 0.0144 -> k > 42.8: minute 163.
    String fast = "'0+1x120 160+40x80'";
    scenario(t, fast, "123m", List.of());
    scenario(t, fast, "124m", List.of("ticket"));
    scenario(t, fast, "162m", List.of("ticket"));
    scenario(t, fast, "163m", List.of("page", "ticket"));
    // slow burn: 1 error a minute for 100 minutes, then 5 (0.25%, 2.5x): only the slow ticket
    // pair: (4k + t) / 2000t > 0.001 with k = t - 100 -> t > 133.3: minute 134
    String slow = "'0+1x100 105+5x120'";
    scenario(t, slow, "133m", List.of());
    scenario(t, slow, "134m", List.of("ticket"));
    scenario(t, slow, "220m", List.of("ticket"));
    // quiet: 0.05% (0.5x) never fires
    String quiet = "'0+1x400'";
    scenario(t, quiet, "60m", List.of());
    scenario(t, quiet, "400m", List.of());
    Path test = dir.resolve("test.yml");
    Files.writeString(test, t.toString());

    String out =
        PrometheusServer.run(
            dir, List.of(PrometheusServer.PROMTOOL.toString(), "test", "rules", test.toString()));

    assertThat(out).contains("SUCCESS");
  }

  private static void scenario(StringBuilder t, String errors, String at, List<String> firing) {
    t.append("  - interval: 1m\n    input_series:\n");
    t.append("      - series: 'errors_total'\n        values: ").append(errors).append('\n');
    t.append("      - series: 'requests_total'\n        values: '0+2000x400'\n");
    t.append("    alert_rule_test:\n      - eval_time: ").append(at);
    t.append("\n        alertname: MyServiceHighErrorRate\n        exp_alerts:");
    if (firing.isEmpty()) {
      t.append(" []\n");
      return;
    }
    t.append('\n');
    for (String sev : firing) {
      t.append("          - exp_labels:\n");
      t.append("              owner: myteam\n              category: availability\n");
      t.append(
          "              sloth_id: myservice-requests\n              sloth_service: myservice\n");
      t.append("              sloth_slo: requests\n");
      t.append("              severity: ")
          .append(sev.equals("page") ? "pageteam" : "slack")
          .append('\n');
      t.append("              sloth_severity: ").append(sev).append('\n');
      t.append("            exp_annotations:\n              summary: High error rate\n");
      t.append("              title: '(")
          .append(sev)
          .append(") myservice requests SLO error budget burn rate is too fast.'\n"); // template
      // expanded
    }
  }

  @Test
  void shouldPassPromtoolsDefaultChecksForSeveralSlosUnderTheDefaultAlertName() throws Exception {
    String spec =
        """
        slos:
          - {slo_id: api, slo_name: API, service_name: api, slo_type: AVAILABILITY,
             target_percentage: 99.9, time_period: ROLLING_30D,
             good_counter: ok_total, total_counter: all_total}
          - {slo_id: web, slo_name: Web, service_name: web, slo_type: AVAILABILITY,
             target_percentage: 99, time_period: ROLLING_7D,
             good_counter: ok_total, total_counter: all_total}
          - slo_id: lat
            slo_name: Latency
            service_name: api
            slo_type: LATENCY
            target_percentage: 99
            time_period: ROLLING_30D
            latency: {histogram: http_request_duration_seconds, threshold: 0.5,
                      selector: '{service="api"}'}
        """;
    dev.slo.interop.SpecLoader.Result r =
        dev.slo.interop.SpecLoader.read(Map.of("spec.yaml", spec));
    assertThat(r.problems().hasErrors()).as(r.problems().toString()).isFalse();
    List<String> warnings = new java.util.ArrayList<>();
    String rules = SlothSpecRules.generate(r.loaded(), warnings::add);
    assertThat(warnings).isEmpty();
    assertThat(rules).contains("sloth_id: \"lat\"").contains("le=~");
    Path out = dir.resolve("several.yaml");
    Files.writeString(out, rules);
    // promtool's default lint refuses two alert rules with the same name and labels
    assertThat(
            PrometheusServer.run(
                dir,
                List.of(PrometheusServer.PROMTOOL.toString(), "check", "rules", out.toString())))
        .contains("SUCCESS");
  }
}
