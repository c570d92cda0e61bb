package dev.slo.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard of a grouped SLO: a variable per group_by label, a row per value. */
class GroupedDashboardTest {
  private static Slo slo(String id, List<String> groupBy) {
    return Slo.builder()
        .sloId(id)
        .sloName("Shop")
        .sloType(SloType.AVAILABILITY)
        .serviceName("shop")
        .targetPercentage(99.9)
        .timePeriod(TimePeriod.ROLLING_30D)
        .groupBy(groupBy)
        .sli(
            new SliDefinition(null, "req_total{code=\"500\"}", "req_total", null, null, null, null))
        .build();
  }

  @Test
  void shouldRepeatTheRowPerRouteAndNarrowEveryQueryToTheChosenRoutes() throws Exception {
    JsonNode d =
        new ObjectMapper()
            .readTree(
                GrafanaDashboard.render(
                    List.of(slo("plain", List.of()), slo("shop", List.of("route", "tenant"))),
                    "SLOs"));
    JsonNode vars = d.get("templating").get("list");
    assertThat(vars).hasSize(3);
    assertThat(vars.get(1).get("name").asText()).isEqualTo("route");
    assertThat(vars.get(1).get("query").asText())
        .isEqualTo("label_values(slo:period_sli_error:ratio, route)");
    assertThat(vars.get(1).get("multi").asBoolean()).isTrue();
    assertThat(vars.get(1).get("includeAll").asBoolean()).isTrue();
    assertThat(vars.get(2).get("name").asText()).isEqualTo("tenant");
    List<JsonNode> panels = new ArrayList<>();
    d.get("panels").forEach(panels::add);
    assertThat(panels).hasSize(10);
    // the ungrouped SLO is as before
    assertThat(panels.get(0).has("repeat")).isFalse();
    assertThat(panels.get(1).get("targets").get(0).get("expr").asText())
        .isEqualTo("1 - slo:period_sli_error:ratio{slo_id=\"plain\"}");
    JsonNode row = panels.get(5);
    assertThat(row.get("repeat").asText()).isEqualTo("route");
    assertThat(row.get("title").asText()).isEqualTo("Shop (shop) route=$route tenant=$tenant");
    JsonNode sli = panels.get(6).get("targets").get(0);
    assertThat(sli.get("expr").asText())
        .isEqualTo(
            "1 - slo:period_sli_error:ratio{slo_id=\"shop\", route=~\"$route\","
                + " tenant=~\"$tenant\"}");
    assertThat(sli.get("legendFormat").asText())
        .isEqualTo("SLI over the period {{route}} {{tenant}}");
    assertThat(panels.get(7).get("targets").get(0).get("expr").asText())
        .startsWith("slo:period_error_budget_remaining:ratio{slo_id=\"shop\", route=~");
    assertThat(panels.get(8).get("targets").get(0).get("expr").asText())
        .isEqualTo(
            "slo:sli_error:ratio_rate5m{slo_id=\"shop\", route=~\"$route\", tenant=~\"$tenant\"}"
                + " / 0.001");
    assertThat(panels.get(9).get("targets").get(0).get("expr").asText())
        .isEqualTo(
            "sum by (alertname, severity, route, tenant) (ALERTS{slo_id=\"shop\","
                + " route=~\"$route\", tenant=~\"$tenant\", alertstate=\"firing\"})");
  }
}
