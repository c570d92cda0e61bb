package dev.slo.core.composite;

import static dev.slo.core.composite.CompositeEvaluatorTest.composite;
import static dev.slo.core.composite.CompositeEvaluatorTest.leaf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of composites over random events (docs/math.md, "Composite SLOs"). */
class CompositeProperties {
  private static final Instant T = Instant.parse("2026-06-15T12:00:00Z");

  /** One row: minutes before T, good and bad events. */
  record Row(int minutesBack, long good, long bad) {}

  @Provide
  Arbitrary<List<Row>> rows() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 40 * 24 * 60),
            Arbitraries.longs().between(0, 100_000),
            Arbitraries.longs().between(0, 1_000))
        .as(Row::new)
        .list()
        .ofMaxSize(20);
  }

  @Provide
  Arbitrary<Double> targets() {
    return Arbitraries.of(90.0, 99.0, 99.5, 99.9, 99.95, 99.99);
  }

  private static EventSeries series(List<Row> rows) {
    EventSeries.Builder b = EventSeries.builder(rows.size());
    for (Row r : rows) {
      b.add(T.minus(Duration.ofMinutes(r.minutesBack())), r.good(), r.good() + r.bad());
    }
    return b.build();
  }

  @Property(tries = 200)
  void aCompositeOfOneComponentWithItsTargetIsThatComponent(
      @ForAll("rows") List<Row> rows,
      @ForAll("targets") double target,
      @ForAll @IntRange(min = 1, max = 1000) int weight) {
    Slo a = leaf("a", target);
    Slo c = composite("c", target, "a", weight);
    InMemoryEventSource source = new InMemoryEventSource(Map.of("a", series(rows)));

    Evaluation plain = new Evaluator().evaluate(a, source, T);
    Evaluation comp =
        new CompositeEvaluator().evaluateAll(List.of(c), List.of(a, c), source, T).get(0);

    assertThat(comp.burnRates()).isEqualTo(plain.burnRates());
    assertThat(comp.errorBudgetConsumed()).isEqualTo(plain.errorBudgetConsumed());
    assertThat(comp.status()).isEqualTo(plain.status());
    assertThat(comp.alerts()).isEqualTo(plain.alerts());
    assertThat(comp.noData()).isEqualTo(plain.noData());
    if (plain.currentSliPercent() == null) {
      assertThat(comp.currentSliPercent()).isNull();
    } else {
      assertThat(comp.currentSliPercent())
          .isCloseTo(plain.currentSliPercent(), org.assertj.core.api.Assertions.within(1e-9));
    }
  }

  @Property(tries = 200)
  void theCompositeBurnNeverExceedsItsHottestComponent(
      @ForAll("rows") List<Row> a,
      @ForAll("rows") List<Row> b,
      @ForAll("targets") double ta,
      @ForAll("targets") double tb,
      @ForAll @IntRange(min = 1, max = 1000) int wa,
      @ForAll @IntRange(min = 1, max = 1000) int wb) {
    Slo sa = leaf("a", ta);
    Slo sb = leaf("b", tb);
    Slo c = composite("c", 99.0, "a", wa, "b", wb);
    InMemoryEventSource source = new InMemoryEventSource(Map.of("a", series(a), "b", series(b)));

    Evaluation ea = new Evaluator().evaluate(sa, source, T);
    Evaluation eb = new Evaluator().evaluate(sb, source, T);
    Evaluation ec =
        new CompositeEvaluator().evaluateAll(List.of(c), List.of(sa, sb, c), source, T).get(0);

    ec.burnRateLabels()
        .forEach(
            (w, burn) -> {
              double x = ea.burnRateLabels().getOrDefault(w, 0.0);
              double y = eb.burnRateLabels().getOrDefault(w, 0.0);
              // a component without events in the window reads 0 in its own evaluation but
              // leaves the composite's weights, so only the larger bound always holds
              assertThat(burn).isLessThanOrEqualTo(Math.max(x, y) * (1 + 1e-12));
              assertThat(burn).isGreaterThanOrEqualTo(0.0);
            });
  }
}
