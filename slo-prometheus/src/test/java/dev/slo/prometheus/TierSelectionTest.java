package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import dev.slo.core.spec.Spec;
import dev.slo.core.spec.SpecParser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SLO_ID=TIER[,TIER] entries become the tiers per SLO, checked against the SLO's own tiers. */
class TierSelectionTest {
  private static final Spec SPEC =
      SpecParser.parse(
          "spec.yaml",
          """
          slos:
            - slo_id: api
              slo_name: API
              service_name: api
              slo_type: AVAILABILITY
              target_percentage: 99.9
              time_period: ROLLING_30D
            - slo_id: own
              slo_name: Own tiers
              service_name: api
              slo_type: AVAILABILITY
              target_percentage: 99
              time_period: ROLLING_30D
              alert_tiers:
                - {name: fast, severity: page, burn_rate: 10, long_window: 1h}
          """);

  @Test
  void shouldKeepTheNamedTiersPerSloInTheirOrder() {
    assertThat(
            TierSelection.parse(
                List.of("api=ticket_1d_2h,page_1h_5m", "own=fast"), SPEC, "spec.yaml"))
        .containsOnlyKeys("api", "own")
        .containsEntry("own", Set.of("fast"))
        .extractingByKey("api")
        .satisfies(t -> assertThat(t).containsExactly("ticket_1d_2h", "page_1h_5m"));
    assertThat(TierSelection.parse(List.of(), SPEC, "spec.yaml")).isEmpty();
  }

  @Test
  void shouldRefuseLeadingWithTheEntry() {
    assertRefused("api", "api: not SLO_ID=TIER[,TIER]");
    assertRefused("web=page_1h_5m", "web=page_1h_5m: no SLO web in spec.yaml");
    assertRefused("own=page_1h_5m", "own=page_1h_5m: \"page_1h_5m\" is not a tier; use fast");
  }

  private static void assertRefused(String entry, String message) {
    assertThatThrownBy(() -> TierSelection.parse(List.of(entry), SPEC, "spec.yaml"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("tiers"))
        .hasMessage(message);
  }
}
