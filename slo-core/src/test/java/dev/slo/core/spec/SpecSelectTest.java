package dev.slo.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.Slo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Spec#select}: the enabled SLOs asked for, in spec order, or a one-line refusal. */
class SpecSelectTest {
  private static final Spec SPEC =
      SpecParser.parse(
          "s.yaml",
          """
          slos:
            - {slo_id: a, slo_name: A, service_name: s, slo_type: AVAILABILITY,
               target_percentage: 99, time_period: ROLLING_7D}
            - {slo_id: b, slo_name: B, service_name: s, slo_type: AVAILABILITY,
               target_percentage: 99, time_period: ROLLING_7D}
            - {slo_id: off, slo_name: Off, service_name: s, slo_type: AVAILABILITY,
               target_percentage: 99, time_period: ROLLING_7D, enabled: false}
          """);

  @Test
  void shouldSelectEveryEnabledSloWhenNoIdIsGiven() {
    assertThat(SPEC.select(List.of())).extracting(Slo::sloId).containsExactly("a", "b");
  }

  @Test
  void shouldKeepSpecOrderWhateverTheOrderAsked() {
    assertThat(SPEC.select(List.of("b", "a", "b")))
        .extracting(Slo::sloId)
        .containsExactly("a", "b");
  }

  @Test
  void shouldRefuseAnUnknownIdListingTheKnownOnes() {
    assertThatThrownBy(() -> SPEC.select(List.of("a", "nope")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("nope: no such SLO in s.yaml; known: a, b, off");
  }

  @Test
  void shouldRefuseADisabledSlo() {
    assertThatThrownBy(() -> SPEC.select(List.of("off")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("off: the SLO is disabled in s.yaml");
  }
}
