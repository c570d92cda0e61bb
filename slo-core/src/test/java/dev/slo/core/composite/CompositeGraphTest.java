package dev.slo.core.composite;

import static dev.slo.core.composite.CompositeEvaluatorTest.composite;
import static dev.slo.core.composite.CompositeEvaluatorTest.leaf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole-spec checks of composites: missing components, other periods, cycles. */
class CompositeGraphTest {

  @Test
  void shouldAcceptComponentsThatExistAndShareThePeriod() {
    Slo a = leaf("a", 99.9);
    Slo b = leaf("b", 99.0);
    Slo x = composite("x", 99.5, "a", 1, "b", 2);
    Slo d = composite("d", 99.5, "x", 1, "a", 1);
    assertThat(CompositeGraph.problems(List.of(a, b, x, d))).isEmpty();
  }

  @Test
  void shouldRefuseAMissingComponent() {
    Slo c = composite("c", 99.5, "a", 1, "ghost", 1);
    List<CompositeProblem> p = CompositeGraph.problems(List.of(leaf("a", 99.9), c));
    assertThat(p)
        .containsExactly(
            new CompositeProblem(
                1,
                1,
                "composite.components[1].slo_id",
                "\"ghost\" is not an SLO of this spec: a composite's components must be SLOs"
                    + " defined beside it"));
  }

  @Test
  void shouldRefuseAComponentWithAnotherPeriodOrZone() {
    Slo weekly = leaf("w", 99.9).toBuilder().timePeriod(TimePeriod.ROLLING_7D).build();
    Slo berlin = leaf("z", 99.9).toBuilder().timeZone(ZoneId.of("Europe/Berlin")).build();
    Slo c = composite("c", 99.5, "w", 1, "z", 1);
    List<CompositeProblem> p = CompositeGraph.problems(List.of(weekly, berlin, c));
    assertThat(p).hasSize(2);
    assertThat(p.get(0).message())
        .startsWith("\"w\" has time_period ROLLING_7D but the composite has ROLLING_30D");
    assertThat(p.get(1).message())
        .startsWith("\"z\" has time_zone Europe/Berlin but the composite has UTC");
  }

  @Test
  void shouldRefuseATimesliceComponent() {
    Slo s =
        leaf("s", 99.9).toBuilder()
            .budgetingMethod(BudgetingMethod.TIMESLICES)
            .timesliceLength(Duration.ofMinutes(5))
            .timesliceTargetPercentage(95.0)
            .build();
    List<CompositeProblem> p = CompositeGraph.problems(List.of(s, composite("c", 99.5, "s", 1)));
    assertThat(p).singleElement().satisfies(x -> assertThat(x.message()).contains("TIMESLICES"));
  }

  @Test
  void shouldReportACycleOnceAtItsFirstComposite() {
    Slo a = leaf("a", 99.9);
    Slo x = composite("x", 99.5, "a", 1, "y", 1);
    Slo y = composite("y", 99.5, "z", 1);
    Slo z = composite("z", 99.5, "x", 2);
    List<CompositeProblem> p = CompositeGraph.problems(List.of(a, x, y, z));
    assertThat(p)
        .containsExactly(
            new CompositeProblem(
                1,
                1,
                "composite.components[1].slo_id",
                "\"y\" closes a cycle of composites (x -> y -> z -> x): a composite cannot"
                    + " contain itself"));
  }

  @Test
  void shouldRefuseACompositeListingItself() {
    assertThatThrownBy(() -> composite("c", 99.5, "a", 1, "c", 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("\"c\" is not a valid composite.components[1].slo_id")
        .hasMessageContaining("cycle");
  }

  @Test
  void shouldRefuseAZeroWeightAndADuplicateComponent() {
    assertThatThrownBy(() -> composite("c", 99.5, "a", 0))
        .hasMessageStartingWith("\"0\" is not a valid weight");
    assertThatThrownBy(() -> composite("c", 99.5, "a", 1, "a", 2))
        .hasMessageContaining("listed twice");
  }

  @Test
  void shouldAcceptMinEventsAndStatusOnUpperBoundOnAComposite() {
    Slo c = composite("c", 99.5, "a", 1);
    Slo guarded =
        c.toBuilder().minEvents(100).statusOn(dev.slo.core.model.StatusBasis.UPPER_BOUND).build();
    assertThat(guarded.minEvents()).isEqualTo(100);
    assertThat(guarded.statusOn()).isEqualTo(dev.slo.core.model.StatusBasis.UPPER_BOUND);
    assertThatThrownBy(() -> c.toBuilder().minEvents(-1).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("-1 is not a valid min_events");
  }
}
