package dev.slo.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slo.core.model.CompositeComponent;
import dev.slo.core.model.Slo;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code composite:} in a spec (docs/spec.md): parsed, and refused with line and field path. */
class CompositeSpecTest {

  private static String leaf(String id, String period) {
    return """
          - slo_id: %s
            slo_name: %s
            service_name: svc
            slo_type: AVAILABILITY
            target_percentage: 99.9
            time_period: %s
        """
        .formatted(id, id, period);
  }

  private static String composite(String id, String... idsAndWeights) {
    StringBuilder sb =
        new StringBuilder(
            """
              - slo_id: %s
                slo_name: Journey
                service_name: shop
                slo_type: AVAILABILITY
                target_percentage: 99.5
                time_period: ROLLING_30D
                composite:
                  components:
            """
                .formatted(id));
    for (int i = 0; i < idsAndWeights.length; i += 2) {
      sb.append("        - slo_id: ")
          .append(idsAndWeights[i])
          .append("\n          weight: ")
          .append(idsAndWeights[i + 1])
          .append('\n');
    }
    return sb.toString();
  }

  private static List<SpecProblem> problems(String text) {
    return catchThrowableOfType(SpecException.class, () -> SpecParser.parse("s.yaml", text))
        .problems();
  }

  @Test
  void shouldParseAComposite() {
    Spec spec =
        SpecParser.parse(
            "s.yaml",
            "slos:\n"
                + leaf("a", "ROLLING_30D")
                + leaf("b", "ROLLING_30D")
                + composite("journey", "a", "3", "b", "0.5"));
    Slo j = spec.find("journey").orElseThrow();
    assertThat(j.isComposite()).isTrue();
    assertThat(j.composite().components())
        .containsExactly(
            new CompositeComponent("a", new BigDecimal("3")),
            new CompositeComponent("b", new BigDecimal("0.5")));
    assertThat(spec.find("a").orElseThrow().isComposite()).isFalse();
  }

  @Test
  void shouldRefuseAMissingComponentWithItsLineAndPath() {
    // line 1 slos:, 2-7 a, 8-15 journey up to components:, 16 "- slo_id: a", 18 "- slo_id: ghost"
    List<SpecProblem> p =
        problems(
            "slos:\n" + leaf("a", "ROLLING_30D") + composite("journey", "a", "1", "ghost", "1"));
    assertThat(p).hasSize(1);
    assertThat(p.get(0).toString())
        .isEqualTo(
            "s.yaml:18: slos[1].composite.components[1].slo_id: \"ghost\" is not an SLO of this"
                + " spec: a composite's components must be SLOs defined beside it");
  }

  @Test
  void shouldRefuseAComponentWithAnotherPeriod() {
    List<SpecProblem> p =
        problems("slos:\n" + leaf("a", "ROLLING_7D") + composite("journey", "a", "1"));
    assertThat(p.get(0).toString())
        .startsWith(
            "s.yaml:16: slos[1].composite.components[0].slo_id: \"a\" has time_period ROLLING_7D"
                + " but the composite has ROLLING_30D: components must share");
  }

  @Test
  void shouldRefuseACycle() {
    List<SpecProblem> p = problems("slos:\n" + composite("x", "y", "1") + composite("y", "x", "1"));
    assertThat(p).hasSize(1);
    assertThat(p.get(0).toString())
        .isEqualTo(
            "s.yaml:10: slos[0].composite.components[0].slo_id: \"y\" closes a cycle of composites"
                + " (x -> y -> x): a composite cannot contain itself");
  }

  @Test
  void shouldRefuseSelfReferenceBadWeightAndAnSliBesideComposite() {
    List<SpecProblem> self = problems("slos:\n" + composite("x", "x", "1"));
    assertThat(self.get(0).toString())
        .startsWith("s.yaml:10: slos[0].composite.components[0].slo_id: \"x\" is not a valid")
        .contains("cycle");

    List<SpecProblem> weight =
        problems("slos:\n" + leaf("a", "ROLLING_30D") + composite("x", "a", "-1"));
    assertThat(weight.get(0).toString())
        .startsWith(
            "s.yaml:17: slos[1].composite.components[0].weight: \"-1\" is not a valid weight");

    List<SpecProblem> both =
        problems(
            "slos:\n"
                + leaf("a", "ROLLING_30D")
                + composite("x", "a", "1")
                    .replace(
                        "    composite:",
                        "    good_counter: g\n    total_counter: t\n    composite:"));
    assertThat(both.get(0).message()).contains("either an SLI").contains("or composite");
  }

  @Test
  void shouldRefuseAnUnknownComponentFieldAndAnEmptyList() {
    List<SpecProblem> unknown =
        problems(
            "slos:\n"
                + leaf("a", "ROLLING_30D")
                + composite("x", "a", "1").replace("weight: 1", "weight: 1\n          wieght: 2"));
    assertThat(unknown.get(0).field()).isEqualTo("slos[1].composite.components[0].wieght");

    List<SpecProblem> empty =
        problems("slos:\n" + composite("x").replace("components:", "components: []"));
    assertThat(empty.get(0).message()).contains("at least one");
  }
}
