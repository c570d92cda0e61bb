package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Composite SLOs through {@code slo eval}, {@code check} and {@code validate}. */
class CompositeCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SPEC =
      """
      slos:
        - slo_id: a
          slo_name: A
          service_name: svc-a
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_30D
        - slo_id: b
          slo_name: B
          service_name: svc-b
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_30D
        - slo_id: quiet
          slo_name: Quiet
          service_name: svc-q
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_30D
        - slo_id: journey
          slo_name: Checkout journey
          service_name: shop
          slo_type: AVAILABILITY
          target_percentage: 99.5
          time_period: ROLLING_30D
          composite:
            components:
              - slo_id: a
                weight: 3
              - slo_id: b
                weight: 1
              - slo_id: quiet
                weight: 2
      """;

  // a: 20 bad of 10000 at 99.9% -> burn 2; b: 5 bad of 1000 at 99% -> burn 0.5; quiet: no data
  private static final String DATA =
      """
      timestamp,slo_id,good_events,total_events
      2026-11-20T11:59:00Z,a,9980,10000
      2026-11-20T11:59:00Z,b,995,1000
      """;

  @TempDir Path dir;
  Path spec;
  Path data;

  @BeforeEach
  void files() {
    spec = Fixtures.write(dir, "slos.yaml", SPEC);
    data = Fixtures.write(dir, "events.csv", DATA);
  }

  @Test
  void shouldPrintTheCompositeWithItsComponentsAsJson() throws Exception {
    CliRun r =
        CliRun.of(
            "eval",
            "--spec",
            spec.toString(),
            "--data",
            data.toString(),
            "--slo",
            "journey",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out()).get(0);
    // (3 * 2 + 1 * 0.5) / 4 = 1.625; quiet drops out; SLI 1 - 0.005 * 1.625 = 99.1875%
    assertThat(j.get("slo_id").asText()).isEqualTo("journey");
    assertThat(j.get("burn_rate").asDouble()).isEqualTo(1.625);
    assertThat(j.get("current_sli").asDouble()).isEqualTo(99.1875);
    assertThat(j.get("status").asText()).isEqualTo("EXHAUSTED");
    JsonNode parts = j.get("components");
    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).get("slo_id").asText()).isEqualTo("a");
    assertThat(parts.get(0).get("weight").asInt()).isEqualTo(3);
    assertThat(parts.get(0).get("current_sli").asDouble()).isEqualTo(99.8);
    assertThat(parts.get(1).get("current_sli").asDouble()).isEqualTo(99.5);
    assertThat(parts.get(2).get("no_data").asBoolean()).isTrue();
    assertThat(parts.get(2).get("current_sli").isNull()).isTrue();
  }

  @Test
  void shouldGateOnTheComposite() {
    CliRun r =
        CliRun.of(
            "check", "--spec", spec.toString(), "--data", data.toString(), "--slo", "journey");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("journey: EXHAUSTED");
  }

  @Test
  void shouldRefuseACycleWithFileLineAndExitTwo() {
    Path bad =
        Fixtures.write(
            dir,
            "cycle.yaml",
            SPEC.replace("        - slo_id: quiet", "        - slo_id: journey"));
    for (String cmd : new String[] {"eval", "validate"}) {
      CliRun r =
          cmd.equals("eval")
              ? CliRun.of(cmd, "--spec", bad.toString(), "--data", data.toString())
              : CliRun.of(cmd, bad.toString());
      assertThat(r.code()).as(cmd + ": " + r.err()).isEqualTo(2);
      assertThat(r.err())
          .contains(
              "cycle.yaml:32: slos[3].composite.components[2].slo_id: \"journey\" is not a valid")
          .doesNotContain("Exception");
    }
  }

  @Test
  void shouldRefuseAMissingComponentWithExitTwo() {
    Path bad =
        Fixtures.write(
            dir, "missing.yaml", SPEC.replace("        - slo_id: quiet", "        - slo_id: gone"));
    CliRun r = CliRun.of("eval", "--spec", bad.toString(), "--data", data.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "missing.yaml:32: slos[3].composite.components[2].slo_id: \"gone\" is not an SLO");
  }

  @Test
  void shouldListTheComponentsInTheReport() {
    String[] base = {
      "report", "--spec", spec.toString(), "--data", data.toString(), "--at", "2026-11-20T12:00:00Z"
    };
    CliRun md = CliRun.of(concat(base, "--format", "markdown"));
    assertThat(md.code()).as(md.err()).isZero();
    assertThat(md.out())
        .contains(
            "- journey: a (weight 3): SLI 99.8%, 200.0% of its budget consumed; b (weight 1): SLI"
                + " 99.5%, 50.0% of its budget consumed; quiet (weight 2): no data, left out of the"
                + " weights");
    CliRun html = CliRun.of(concat(base, "--format", "html"));
    assertThat(html.code()).as(html.err()).isZero();
    assertThat(html.out())
        .contains("<h3>Components</h3>")
        .contains("<li>a (weight 3): SLI 99.8%, 200.0% of its budget consumed</li>");
  }

  @Test
  void shouldWriteCompositeRulesOnlyWhenEveryComponentHasThem() {
    CliRun fileOnly = CliRun.of("rules", "--spec", spec.toString());
    assertThat(fileOnly.code()).as(fileOnly.err()).isZero();
    assertThat(fileOnly.err())
        .contains(
            "journey: skipped, a component of this composite is disabled or has no Prometheus");
    Path prom =
        Fixtures.write(
            dir,
            "prom.yaml",
            SPEC.replace(
                    "    time_period: ROLLING_30D\n  - slo_id: b",
                    "    time_period: ROLLING_30D\n    bad_counter: e_total\n    total_counter: r_total\n"
                        + "  - slo_id: b")
                .replace(
                    "    time_period: ROLLING_30D\n  - slo_id: quiet",
                    "    time_period: ROLLING_30D\n    sli_query: avg(up)\n  - slo_id: quiet")
                .replace(
                    "    time_period: ROLLING_30D\n  - slo_id: journey",
                    "    time_period: ROLLING_30D\n    sli_query: avg(up)\n  - slo_id: journey"));
    CliRun r = CliRun.of("rules", "--spec", prom.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("journey");
    assertThat(r.out())
        .contains("name: \"slo-journey\"")
        .contains("(slo:period_sli_error:ratio{slo_id=\\\"quiet\\\"} >= 0) * 0 + 2");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
