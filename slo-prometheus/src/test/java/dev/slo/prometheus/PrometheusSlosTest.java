package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import dev.slo.core.spec.SpecParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PrometheusSlos}: the SLOs rules and dashboards are written for, and one warning each. */
class PrometheusSlosTest {
  private static final String SPEC =
      """
      slos:
        - slo_id: api
          slo_name: API
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_30D
          good_counter: ok_total
          total_counter: all_total
        - slo_id: fileonly
          slo_name: From a file
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_30D
        - slo_id: journey
          slo_name: Journey
          service_name: shop
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_30D
          composite:
            components:
              - slo_id: api
                weight: 1
              - slo_id: fileonly
                weight: 1
      """;

  @Test
  void shouldKeepPrometheusSlosAndWarnOncePerSkippedSloAndComposite() {
    List<Slo> slos = SpecParser.parse("spec.yaml", SPEC).slos();
    List<String> warnings = new ArrayList<>();
    List<Slo> kept = PrometheusSlos.select(slos, warnings::add);
    assertThat(kept).extracting(Slo::sloId).containsExactly("api");
    assertThat(warnings)
        .containsExactly(
            "fileonly: skipped, no Prometheus SLI (give counters, queries, latency or sli_query)",
            "journey: skipped, a component of this composite is disabled or has no Prometheus"
                + " SLI, so its recording rules are not written");
  }
}
