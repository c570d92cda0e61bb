package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path spec;
  Path data;

  @BeforeEach
  void files() {
    spec = Fixtures.write(dir, "slos.yaml", Fixtures.SPEC);
    data = Fixtures.write(dir, "events.csv", Fixtures.data());
  }

  private CliRun eval(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("eval", "--spec", spec.toString(), "--data", data.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void shouldPrintVersion() {
    CliRun r = CliRun.of("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("slo ");
  }

  @Test
  void shouldDocumentExitCodesInHelp() {
    for (String cmd : List.of("eval", "check", "validate")) {
      CliRun r = CliRun.of(cmd, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Exit codes:").contains("3  a source could not be read");
    }
  }

  @Test
  void shouldPrintJsonWithSeedFields() throws Exception {
    CliRun r = eval("--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode arr = JSON.readTree(r.out());
    assertThat(arr).hasSize(2); // the disabled SLO is skipped
    JsonNode api = arr.get(0);
    assertThat(api.get("slo_id").asText()).isEqualTo("api");
    // 43,200,000 events, 1,200 bad: SLI 99.99722..%, consumed 1200 / 43200 of budget.
    assertThat(api.get("current_sli").asDouble())
        .isEqualTo(100.0 * (43_200_000 - 1200) / 43_200_000);
    assertThat(api.get("error_budget_consumed").asDouble()).isEqualTo(1200.0 / 43_200);
    assertThat(api.get("error_budget_remaining").asDouble()).isEqualTo(1 - 1200.0 / 43_200);
    assertThat(api.get("burn_rate").asDouble()).isEqualTo(20.0);
    assertThat(api.get("burn_rates").get("5m").asDouble()).isEqualTo(20.0);
    assertThat(api.get("burn_rates").get("2h").asDouble()).isEqualTo(10.0);
    assertThat(api.get("status").asText()).isEqualTo("CRITICAL");
    assertThat(api.get("alerts").get(0).get("tier").asText()).isEqualTo("page_1h_5m");
    assertThat(api.get("error_budget").get("total_budget").asDouble()).isEqualTo(43_200.0);
    assertThat(api.get("error_budget").get("consumed_budget").asDouble()).isEqualTo(1200.0);
    assertThat(api.get("last_updated").asText()).isEqualTo("2026-11-20T12:00:00.000Z");
    // remaining 0.97222 x 30 days / 20 = 1.4583 days = 1d11h
    assertThat(api.get("time_to_exhaustion").asText()).isEqualTo("1d11h");
    assertThat(api.get("time_to_exhaustion_seconds").asDouble()).isEqualTo(126_000.0);
    for (String f :
        List.of(
            "slo_name",
            "service_name",
            "target_sli",
            "no_data",
            "recommendations",
            "error_budget")) {
      assertThat(api.has(f)).as(f).isTrue();
    }
    JsonNode web = arr.get(1);
    assertThat(web.get("status").asText()).isEqualTo("HEALTHY");
    assertThat(web.get("current_sli").asDouble()).isEqualTo(100.0);
    assertThat(web.get("time_to_exhaustion").isNull()).isTrue();
  }

  @Test
  void shouldPrintTableYamlAndMarkdown() {
    CliRun table = eval();
    assertThat(table.code()).isZero();
    assertThat(table.out())
        .contains("SLO")
        .contains("api")
        .contains("CRITICAL")
        .doesNotContain("off ");
    CliRun yaml = eval("--format", "yaml");
    assertThat(yaml.out()).contains("slo_id: \"api\"").contains("status: \"CRITICAL\"");
    CliRun md = eval("--format", "markdown");
    assertThat(md.out().lines().toList().get(1)).startsWith("| --- |");
    assertThat(md.out()).contains("| api | api | ROLLING_30D | 99.9% |");
  }

  @Test
  void shouldSelectSlosById() throws Exception {
    CliRun r = eval("--format", "json", "--slo", "web");
    assertThat(JSON.readTree(r.out())).hasSize(1);
    CliRun unknown = eval("--slo", "nope");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--slo nope: no such SLO").contains("known: api, web, off");
  }

  @Test
  void shouldAppendSeedShapedEvents() throws Exception {
    Path events = dir.resolve("events.jsonl");
    assertThat(eval("--events", events.toString()).code()).isZero();
    assertThat(eval("--events", events.toString()).code()).isZero();
    List<String> lines = Files.readAllLines(events);
    assertThat(lines).hasSize(4);
    JsonNode ev = JSON.readTree(lines.get(0));
    assertThat(ev.get("event_id").asText()).hasSize(36);
    assertThat(ev.get("timestamp").asText()).isEqualTo("2026-11-20T12:00:00.000Z");
    JsonNode u = ev.get("slo_status_update");
    assertThat(u.get("slo_id").asText()).isEqualTo("api");
    assertThat(u.get("slo_type").asText()).isEqualTo("AVAILABILITY");
    assertThat(u.get("target_percentage").asDouble()).isEqualTo(99.9);
    assertThat(u.get("alert_triggered").asBoolean()).isTrue();
    assertThat(u.get("recommendations").get(0).asText()).startsWith("High burn rate detected");
    List<String> names = new java.util.ArrayList<>();
    u.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "slo_id",
            "slo_name",
            "service_name",
            "slo_type",
            "target_percentage",
            "current_sli",
            "status",
            "error_budget_remaining",
            "error_budget_consumed",
            "burn_rate",
            "time_to_exhaustion",
            "alert_triggered",
            "recommendations");
  }

  @Test
  void shouldGateOnStatus() {
    String[] base = {"check", "--spec", spec.toString(), "--data", data.toString()};
    CliRun critical = CliRun.of(base);
    assertThat(critical.code()).isEqualTo(1);
    assertThat(critical.out())
        .contains("FAIL api: CRITICAL")
        .contains("page_1h_5m")
        .contains("ok   web: HEALTHY")
        .contains("1 passed, 1 failed");
    CliRun exhausted = CliRun.of(concat(base, "--fail-on", "exhausted"));
    assertThat(exhausted.code()).isZero();
    CliRun webOnly = CliRun.of(concat(base, "--slo", "web", "--fail-on", "warning"));
    assertThat(webOnly.code()).isZero();
  }

  @Test
  void shouldRejectBadInputWithExitTwoAndNoStackTrace() {
    assertBad(
        CliRun.of(
            "eval", "--spec", dir.resolve("missing.yaml").toString(), "--data", data.toString()),
        "missing.yaml: no such file");
    assertBad(CliRun.of("eval", "--spec", spec.toString()), "no source given");
    assertBad(eval("--at", "yesterday"), "--at yesterday: not a valid instant");
    assertBad(eval("--format", "xml"), "--format");
    assertBad(eval("--bogus"), "Unknown option");
    assertBad(
        CliRun.of(
            "check",
            "--spec",
            spec.toString(),
            "--data",
            data.toString(),
            "--fail-on",
            "sometimes"),
        "--fail-on");
    Path badData =
        Fixtures.write(
            dir,
            "bad.csv",
            "timestamp,slo_id,good_events,total_events\n2026-11-20T11:00:00Z,api,5,4\n");
    assertBad(
        CliRun.of("eval", "--spec", spec.toString(), "--data", badData.toString()),
        "bad.csv:2: good_events 5 exceeds total_events 4");
    Path badSpec =
        Fixtures.write(dir, "bad.yaml", "slos:\n  - slo_id: x\n    target_percentage: 100\n");
    assertBad(
        CliRun.of("eval", "--spec", badSpec.toString(), "--data", data.toString()), "bad.yaml:");
  }

  @Test
  void shouldWarnOnceAboutRowsForUnknownSlos() {
    Path extra =
        Fixtures.write(
            dir,
            "extra.csv",
            "timestamp,slo_id,good_events,total_events\n2026-11-20T11:00:00Z,ghost,1,1\n2026-11-20T11:01:00Z,ghost,1,1\n1795089600,zombie,1,1\n");
    CliRun r = CliRun.of("eval", "--spec", spec.toString(), "--data", extra.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err().lines().filter(l -> l.contains("warning")).toList())
        .containsExactly(
            "slo: warning: " + extra + ": skipped 3 rows for SLOs not in the spec: ghost, zombie");
  }

  @Test
  void shouldValidateSpecsWithOneLinePerProblem() {
    Path bad =
        Fixtures.write(
            dir,
            "bad.yaml",
            """
            slos:
              - slo_id: Bad Id
                slo_name: x
                service_name: y
                slo_type: SPEEDY
                target_percentage: 100
                time_period: ROLLING_30D
            """);
    CliRun r = CliRun.of("validate", spec.toString(), bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("slos.yaml: valid, 3 SLOs (2 enabled)");
    assertThat(r.err())
        .contains(
            bad
                + ":5: slos[0].slo_type: \"SPEEDY\" is not a valid slo_type; valid values: AVAILABILITY, LATENCY, THROUGHPUT, ERROR_RATE, CUSTOM");
    assertThat(r.err()).doesNotContain("Exception");
    assertThat(CliRun.of("validate", spec.toString()).code()).isZero();
  }

  @Test
  void shouldSkipSlosWithoutAPrometheusSliWhenWritingRules() {
    CliRun r = CliRun.of("rules", "--spec", spec.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("# Generated by slo rules").doesNotContain("record:");
    assertThat(r.err())
        .contains("slo: warning: api: skipped, no Prometheus SLI")
        .contains("slo: warning: web: skipped")
        .doesNotContain("off:");
  }

  private static void assertBad(CliRun r, String message) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
