package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A composite with min_events and status_on from a spec file, through {@code slo eval}. */
class CompositeGuardsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String spec(String guards) {
    return """
        slos:
          - {slo_id: a, slo_name: A, service_name: s, slo_type: AVAILABILITY,
             target_percentage: 99, time_period: ROLLING_30D}
          - {slo_id: b, slo_name: B, service_name: s, slo_type: AVAILABILITY,
             target_percentage: 99, time_period: ROLLING_30D}
          - slo_id: j
            slo_name: Journey
            service_name: shop
            slo_type: AVAILABILITY
            target_percentage: 99
            time_period: ROLLING_30D
        """
        + guards
        + """
            composite:
              components:
                - {slo_id: a, weight: 1}
                - {slo_id: b, weight: 1}
        """;
  }

  // 60 + 40 events one minute before CliRun.NOW, half bad: burn 50 in every window
  private static final String DATA =
      """
      timestamp,slo_id,good_events,total_events
      2026-11-20T11:59:00Z,a,30,60
      2026-11-20T11:59:00Z,b,20,40
      """;

  @TempDir Path dir;

  private JsonNode eval(String guards) throws Exception {
    Path spec = Fixtures.write(dir, "slos.yaml", spec(guards));
    Path data = Fixtures.write(dir, "events.csv", DATA);
    CliRun r =
        CliRun.of(
            "eval",
            "--spec",
            spec.toString(),
            "--data",
            data.toString(),
            "--slo",
            "j",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out()).get(0);
  }

  @Test
  void shouldFireAtExactlyMinEventsAndSuppressOneAbove() throws Exception {
    JsonNode at = eval("    min_events: 100\n");
    assertThat(at.get("alerts")).hasSize(4);
    assertThat(at.get("suppressed_alerts")).isEmpty();

    JsonNode short1 = eval("    min_events: 101\n");
    assertThat(short1.get("alerts")).isEmpty();
    assertThat(short1.get("suppressed_alerts").get(0).get("reason").asText())
        .isEqualTo("not enough events (100 < 101) in 1h");
  }

  @Test
  void shouldCarryIntervalsForecastAndRecommendationsForAComposite() throws Exception {
    JsonNode j = eval("    status_on: upper_bound\n");
    assertThat(j.get("current_sli_lower").isNumber()).isTrue();
    assertThat(j.get("current_sli_upper").asDouble())
        .isGreaterThan(j.get("current_sli").asDouble());
    assertThat(j.get("sli_intervals").has("1h")).isTrue();
    assertThat(j.get("recommendations")).isNotEmpty();
  }
}
