package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slo rules} and {@code slo dashboard} on a spec with a grouped SLO. */
class GroupedRulesCliTest {
  static final String SPEC =
      """
      slos:
        - slo_id: shop
          slo_name: Shop availability
          service_name: shop
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_30D
          group_by: [route]
          min_events: 100
          bad_counter: 'shop_requests_total{code="500"}'
          total_counter: shop_requests_total
        - slo_id: journey
          slo_name: Journey
          service_name: shop
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_30D
          composite:
            components:
              - slo_id: shop
                weight: 1
      """;

  @Test
  void shouldKeepTheRouteInRulesAndDashboardAndLeaveOutACompositeOverIt(@TempDir Path dir)
      throws Exception {
    Path spec = Files.writeString(dir.resolve("slos.yaml"), SPEC);
    CliRun rules = CliRun.of("rules", "--spec", spec.toString());
    assertThat(rules.code()).as(rules.err()).isZero();
    assertThat(rules.out())
        .contains("sum by (route) (increase(shop_requests_total{code=\\\"500\\\"}[3600s]))")
        .contains(" and on(route) (sum by (route) (increase(shop_requests_total[3600s])) >= 100)")
        .doesNotContain("slo-journey");
    assertThat(rules.err())
        .contains("journey: skipped, a component of this composite is disabled or has no")
        .contains("grouped");
    CliRun dash = CliRun.of("dashboard", "--spec", spec.toString());
    assertThat(dash.code()).as(dash.err()).isZero();
    JsonNode d = new ObjectMapper().readTree(dash.out());
    assertThat(d.get("templating").get("list").get(1).get("name").asText()).isEqualTo("route");
    assertThat(d.get("panels").get(0).get("repeat").asText()).isEqualTo("route");
  }
}
