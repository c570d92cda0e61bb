package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionCategory;
import dev.slo.core.correction.CorrectionScope;
import dev.slo.core.correction.Corrections;
import dev.slo.core.correction.Recurrence;
import dev.slo.core.model.Slo;
import dev.slo.core.window.Window;
import dev.slo.testing.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slo:correction_active rules, checked and unit-tested with the real promtool. */
class CorrectionRulesIT {
  @TempDir Path dir;

  private static Correction c(String id, String start, Duration d, ZoneId zone, String rule) {
    return new Correction(
        id,
        CorrectionScope.slo("checkout"),
        Instant.parse(start),
        d,
        zone,
        CorrectionCategory.SCHEDULED_MAINTENANCE,
        "",
        rule == null ? null : Recurrence.parse(rule));
  }

  @Test
  void shouldWriteOneOffsAndFixedOffsetRecurrencesAndWarnAboutTheRest() {
    Slo slo = RuleGeneratorIT.checkout();
    Corrections cs =
        new Corrections(
            List.of(
                c("once", "2026-11-20T11:00:00Z", Duration.ofMinutes(30), null, null),
                c(
                    "sunday",
                    "2026-11-01T02:00:00Z",
                    Duration.ofHours(2),
                    null,
                    "FREQ=WEEKLY;BYDAY=SU;COUNT=3"),
                c(
                    "ny",
                    "2026-11-01T07:00:00Z",
                    Duration.ofHours(2),
                    ZoneId.of("America/New_York"),
                    "FREQ=WEEKLY;BYDAY=SU"),
                c(
                    "monthly",
                    "2026-11-01T02:00:00Z",
                    Duration.ofHours(2),
                    null,
                    "FREQ=MONTHLY;BYDAY=1SU")));
    String rules = RuleGenerator.generate(List.of(slo), Map.of(), cs);
    // 2026-11-20T11:00Z = 1795172400 s; Sundays 02:00Z are 3d2h = 266400 s after a Thursday
    // 00:00Z (the epoch's weekday); the first Sunday 2026-11-01T02:00Z = 1793498400, the third
    // and last (COUNT=3) 2026-11-15T02:00Z = 1794708000
    assertThat(rules)
        .contains(
            "expr: \"vector(1) and on() (vector(time()) > 1795172400) and on() (vector(time()) <="
                + " 1795174200)\"")
        .contains("correction_id: \"once\"")
        .contains("correction_id: \"sunday\"")
        .contains(
            "vector(1) and on() (((((vector(time()) - 266400) % 604800) > 0 <= 7200) and on()"
                + " (vector(time()) - ((vector(time()) - 266400) % 604800) >= 1793498400) and on()"
                + " (vector(time()) - ((vector(time()) - 266400) % 604800) <= 1794708000)))")
        .contains(" unless on() slo:correction_active{slo_id=\\\"checkout\\\"}\"")
        .doesNotContain("correction_id: \"ny\"")
        .doesNotContain("correction_id: \"monthly\"");
    assertThat(RuleGenerator.unexpressed(List.of(slo), cs))
        .containsExactly(
            "checkout: correction ny is not silenced in the rules: time_zone America/New_York"
                + " changes its UTC offset, and PromQL reads time in UTC only",
            "checkout: correction monthly is not silenced in the rules: FREQ=MONTHLY has no fixed"
                + " length in PromQL");
    assertThat(RuleGenerator.generate(List.of(slo))).doesNotContain("unless");

    // with a horizon, the others are written as their occurrences: Sundays 02:00 New York (EST
    // from Nov 1) = 07:00Z on Nov 1, 8, 15; the first Sunday of November 02:00Z
    Window horizon =
        new Window(Instant.parse("2026-10-31T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"));
    String listed = RuleGenerator.generate(List.of(slo), Map.of(), cs, horizon);
    assertThat(listed)
        .contains("correction_id: \"ny\"")
        .contains("correction_id: \"monthly\"")
        .contains(
            "expr: \"vector(1) and on() ((vector(time()) > 1793516400 <= 1793523600) or"
                + " (vector(time()) > 1794121200 <= 1794128400) or (vector(time()) > 1794726000 <="
                + " 1794733200))\"");
    assertThat(RuleGenerator.unexpressed(List.of(slo), cs, horizon))
        .containsExactly(
            "checkout: correction ny is written as its 3 occurrences until 2026-11-21T00:00:00Z"
                + " (time_zone America/New_York changes its UTC offset, and PromQL reads time in"
                + " UTC only); run slo rules again before then",
            "checkout: correction monthly is written as its 1 occurrence until"
                + " 2026-11-21T00:00:00Z (FREQ=MONTHLY has no fixed length in PromQL); run slo"
                + " rules again before then");
  }

  @Test
  void shouldSilenceTheAlertsOnlyWhileTheCorrectionIsActiveInPromtool() throws Exception {
    PrometheusServer.assumeInstalled();
    // promtool starts at 1970-01-01T00:00Z; a daily window (00:05, 00:25] UTC, written in a
    // fixed +01:00 zone, and a one-off (01:00, 01:10]
    Corrections cs =
        new Corrections(
            List.of(
                c(
                    "daily",
                    "1970-01-01T00:05:00Z",
                    Duration.ofMinutes(20),
                    ZoneOffset.ofHours(1),
                    "FREQ=DAILY"),
                c("once", "1970-01-01T01:00:00Z", Duration.ofMinutes(10), null, null),
                c(
                    "monthly",
                    "1970-01-01T02:00:00Z",
                    Duration.ofMinutes(10),
                    null,
                    "FREQ=MONTHLY;BYMONTHDAY=1")));
    Window horizon = new Window(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(40)));
    Files.writeString(
        dir.resolve("rules.yml"),
        RuleGenerator.generate(List.of(RuleGeneratorIT.checkout()), Map.of(), cs, horizon));
    assertThat(
            PrometheusServer.run(
                dir,
                List.of(
                    PrometheusServer.PROMTOOL.toString(),
                    "check",
                    "rules",
                    dir.resolve("rules.yml").toString())))
        .contains("SUCCESS");
    StringBuilder t =
        new StringBuilder("rule_files:\n  - rules.yml\nevaluation_interval: 1m\ntests:\n");
    // 2% errors burn at 20x: every tier fires whenever no correction is active
    t.append("  - interval: 1m\n    input_series:\n");
    t.append("      - series: 'http_requests_total{service=\"checkout\",code=\"500\"}'\n");
    t.append("        values: '0+20x300'\n");
    t.append("      - series: 'http_requests_total{service=\"checkout\",code=\"200\"}'\n");
    t.append("        values: '0+980x300'\n");
    t.append("    promql_expr_test:\n");
    for (Object[] at :
        new Object[][] {
          {"4m", 4},
          {"6m", 0},
          {"25m", 0},
          {"26m", 4},
          {"60m", 4},
          {"65m", 0},
          {"70m", 0},
          {"71m", 4},
          {"120m", 4},
          {"121m", 0},
          {"130m", 0},
          {"131m", 4}
        }) {
      t.append("      - expr: count(ALERTS{alertname=\"SloErrorBudgetBurn\",")
          .append("alertstate=\"firing\"}) or vector(0)\n");
      t.append("        eval_time: ").append(at[0]).append('\n');
      t.append("        exp_samples:\n          - labels: '{}'\n            value: ")
          .append(at[1])
          .append('\n');
    }
    Files.writeString(dir.resolve("test.yml"), t.toString());
    String out =
        PrometheusServer.run(
            dir,
            List.of(
                PrometheusServer.PROMTOOL.toString(),
                "test",
                "rules",
                dir.resolve("test.yml").toString()));
    assertThat(out).contains("SUCCESS");
  }
}
