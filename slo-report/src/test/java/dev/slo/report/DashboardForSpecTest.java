package dev.slo.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.spec.Spec;
import dev.slo.core.spec.SpecParser;
import dev.slo.prometheus.PrometheusSlos;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link GrafanaDashboard#forSpec}: panels for a spec's SLOs with a Prometheus SLI only. */
class DashboardForSpecTest {
  private static final Spec SPEC =
      SpecParser.parse(
          "s.yaml",
          """
          slos:
            - {slo_id: api, slo_name: API, service_name: s, slo_type: AVAILABILITY,
               target_percentage: 99, time_period: ROLLING_7D, good_counter: ok_total,
               total_counter: all_total}
            - {slo_id: fileonly, slo_name: F, service_name: s, slo_type: AVAILABILITY,
               target_percentage: 99, time_period: ROLLING_7D}
            - {slo_id: off, slo_name: O, service_name: s, slo_type: AVAILABILITY,
               target_percentage: 99, time_period: ROLLING_7D, good_counter: ok_total,
               total_counter: all_total, enabled: false}
          """);

  @Test
  void shouldRenderTheEnabledSlosWithAPrometheusSliAndWarnOfTheOthers() {
    List<String> warnings = new ArrayList<>();
    String json = GrafanaDashboard.forSpec(SPEC, "SLOs", warnings::add);
    assertThat(warnings).singleElement().asString().startsWith("fileonly");
    assertThat(json)
        .isEqualTo(GrafanaDashboard.render(PrometheusSlos.select(SPEC.enabled(), w -> {}), "SLOs"))
        .contains("api")
        .doesNotContain("fileonly");
  }
}
