package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrections written in the spec, through eval, check, events and validation. */
class CorrectionsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The last hour of api (11:00, 12:00] holds all its bad events (Fixtures.data). */
  static final String DEPLOY =
      """
      corrections:
        - id: release-42
          service: api
          start: 2026-11-20T11:00:00Z
          duration: 1h
          category: deployment
          description: Release 42 rollout
      """;

  @TempDir Path dir;
  Path data;

  @BeforeEach
  void files() {
    data = Fixtures.write(dir, "events.csv", Fixtures.data());
  }

  private CliRun run(String command, String specText, String... extra) {
    Path spec = Fixtures.write(dir, "slos.yaml", specText);
    String[] base = {command, "--spec", spec.toString(), "--data", data.toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }

  @Test
  void shouldSilenceThePageAlertAndSayWhatWasExcluded() throws Exception {
    JsonNode without = JSON.readTree(run("eval", Fixtures.SPEC, "--format", "json").out()).get(0);
    assertThat(without.get("alerts").get(0).get("tier").asText()).isEqualTo("page_1h_5m");
    assertThat(without.get("corrections").get("excluded_events").asLong()).isZero();

    CliRun r = run("eval", Fixtures.SPEC + DEPLOY, "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode api = JSON.readTree(r.out()).get(0);
    assertThat(api.get("slo_id").asText()).isEqualTo("api");
    assertThat(api.get("alerts")).isEmpty();
    assertThat(api.get("status").asText()).isEqualTo("HEALTHY");
    assertThat(api.get("error_budget_consumed").asDouble()).isZero();
    assertThat(api.get("burn_rate").asDouble()).isZero();
    // 30 days of 1000 events a minute, less the last hour: 43,140,000 good of 43,140,000
    assertThat(api.get("total_units").asLong()).isEqualTo(43_140_000L);
    assertThat(api.get("current_sli").asDouble()).isEqualTo(100.0);
    JsonNode c = api.get("corrections");
    assertThat(c.get("excluded_events").asLong()).isEqualTo(60_000);
    assertThat(c.get("excluded_bad_events").asLong()).isEqualTo(1_200);
    assertThat(c.get("corrected_duration").asText()).isEqualTo("1h");
    assertThat(c.get("corrected_duration_seconds").asDouble()).isEqualTo(3600.0);
    JsonNode applied = c.get("applied").get(0);
    assertThat(applied.get("id").asText()).isEqualTo("release-42");
    assertThat(applied.get("category").asText()).isEqualTo("deployment");
    assertThat(applied.get("description").asText()).isEqualTo("Release 42 rollout");
    assertThat(applied.get("occurrences").asInt()).isEqualTo(1);
    // the web SLO is of another service: untouched
    JsonNode web = JSON.readTree(r.out()).get(1);
    assertThat(web.get("corrections").get("applied")).isEmpty();

    assertThat(run("check", Fixtures.SPEC).code()).isEqualTo(ExitCode.GATE_FAILED);
    assertThat(run("check", Fixtures.SPEC + DEPLOY).code()).isEqualTo(ExitCode.OK);
    assertThat(run("eval", Fixtures.SPEC + DEPLOY).out())
        .contains("api: corrections removed 60000 events over 1h of the period (release-42)");
  }

  @Test
  void shouldCarryTheExclusionInTheEvent() throws Exception {
    Path events = dir.resolve("events.jsonl");
    CliRun r = run("eval", Fixtures.SPEC + DEPLOY, "--events", events.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode ev = JSON.readTree(Files.readAllLines(events).get(0));
    JsonNode u = ev.get("slo_status_update");
    assertThat(u.get("alert_triggered").asBoolean()).isFalse();
    assertThat(u.get("corrections").get("excluded_events").asLong()).isEqualTo(60_000);
    assertThat(u.get("corrections").get("applied").get(0).get("id").asText())
        .isEqualTo("release-42");
  }

  @Test
  void shouldRefuseBadCorrectionsWithOneLineNamingTheField() {
    String bad =
        Fixtures.SPEC
            + """
            corrections:
              - slo_ids: [api]
                start: 2026-11-20T11:00:00Z
                duration: 1h
                rrule: FREQ=WEEKLY;BYDAY=SUNDAY
            """;
    CliRun r = run("eval", bad);
    assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err())
        .contains(":25: corrections[0].rrule: \"BYDAY=SUNDAY\" is not valid")
        .doesNotContain("Exception");

    Path two =
        Fixtures.write(
            dir,
            "two.yaml",
            Fixtures.SPEC
                + """
                corrections:
                  - slo_ids: [nope]
                    start: 2026-11-20T11:00:00Z
                    end: 2026-11-20T10:00:00Z
                """);
    CliRun unknown = CliRun.of("eval", "--spec", two.toString(), "--data", data.toString());
    assertThat(unknown.code()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(unknown.err())
        .contains(":22: corrections[0].slo_ids: \"nope\" is not a known slo_id")
        .contains("(and 1 more)");
    CliRun all = CliRun.of("validate", two.toString());
    assertThat(all.code()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(all.err())
        .contains(":22: corrections[0].slo_ids: \"nope\" is not a known slo_id")
        .contains(":24: corrections[0].end: \"2026-11-20T10:00:00Z\" is not after start");
  }

  @Test
  void shouldValidateTheExampleAndCountItsCorrections() {
    CliRun r = CliRun.of("validate", "../examples/corrections.yaml");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("valid, 2 SLOs (2 enabled), 3 corrections");
  }

  @Test
  void shouldSayWhatWasRemovedInTheGateLine() {
    CliRun r = run("check", Fixtures.SPEC + DEPLOY);
    assertThat(r.out())
        .contains(
            "ok   api: HEALTHY, SLI 100% vs target 99.9%, 100.0% of the error budget left,"
                + " corrections removed 60000 events over 1h of the period (release-42)");
  }

  @Test
  void shouldWriteRulesSilencingTheCorrectionsWithAHorizon() {
    CliRun plain = CliRun.of("rules", "--spec", "../examples/corrections.yaml");
    assertThat(plain.code()).as(plain.err()).isZero();
    assertThat(plain.err())
        .contains(
            "slo: warning: checkout-availability: correction sunday-maintenance is not silenced"
                + " in the rules: time_zone America/New_York changes its UTC offset");
    assertThat(plain.out())
        .contains("correction_id: \"release-42\"")
        .doesNotContain("correction_id: \"sunday-maintenance\"");
    // Sundays 02:00 New York (07:00Z in winter) from now (Nov 20 12:00Z) for 30 days: Nov 22,
    // Nov 29, Dec 6, Dec 13, Dec 20
    CliRun ahead = CliRun.of("rules", "--spec", "../examples/corrections.yaml", "--horizon", "30d");
    assertThat(ahead.err())
        .contains(
            "correction sunday-maintenance is written as its 5 occurrences until"
                + " 2026-12-20T12:00:00Z");
    assertThat(ahead.out()).contains("correction_id: \"sunday-maintenance\"");
    CliRun bad = CliRun.of("rules", "--spec", "../examples/corrections.yaml", "--horizon", "soon");
    assertThat(bad.code()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(bad.err()).contains("--horizon \"soon\" is not a duration");
  }
}
