package dev.slo.core.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.eval.ComponentStatus;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.json.StatusJson;
import dev.slo.core.model.Composite;
import dev.slo.core.model.CompositeComponent;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.EventSource;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.window.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed composites (docs/math.md, "Composite SLOs"). */
class CompositeEvaluatorTest {
  private static final Instant T = Instant.parse("2026-06-15T12:00:00Z");
  private static final Offset EPS = new Offset();

  /** within(1e-12) */
  private static final class Offset {
    org.assertj.core.data.Offset<Double> get() {
      return within(1e-12);
    }
  }

  static Slo leaf(String id, double target) {
    return Slo.builder()
        .sloId(id)
        .sloName(id)
        .serviceName("svc")
        .sloType(SloType.AVAILABILITY)
        .targetPercentage(target)
        .timePeriod(TimePeriod.ROLLING_30D)
        .build();
  }

  static Slo composite(String id, double target, Object... idsAndWeights) {
    List<CompositeComponent> parts = new ArrayList<>();
    for (int i = 0; i < idsAndWeights.length; i += 2) {
      parts.add(
          new CompositeComponent(
              (String) idsAndWeights[i], new BigDecimal(idsAndWeights[i + 1].toString())));
    }
    return leaf(id, target).toBuilder().composite(new Composite(parts)).build();
  }

  /** One row {@code ago} before T with the given bad and total events. */
  static EventSeries row(Duration ago, long bad, long total) {
    return EventSeries.builder(1).add(T.minus(ago), total - bad, total).build();
  }

  static Evaluation eval(Slo target, List<Slo> all, Map<String, EventSeries> data) {
    return new CompositeEvaluator()
        .evaluateAll(List.of(target), all, new InMemoryEventSource(data), T)
        .get(0);
  }

  @Test
  void shouldTakeTheWeightedMeanOfNormalisedBurnWithUnequalWeightsAndTargets() {
    // a: 20 bad of 10000 at 99.9% -> burn (0.002 / 0.001) = 2
    // b: 5 bad of 1000 at 99%     -> burn (0.005 / 0.01)  = 0.5
    // composite, weights 3 and 1: (3*2 + 1*0.5) / 4 = 1.625 in every window
    Slo a = leaf("a", 99.9);
    Slo b = leaf("b", 99.0);
    Slo c = composite("c", 99.5, "a", 3, "b", 1);
    Evaluation e =
        eval(
            c,
            List.of(a, b, c),
            Map.of(
                "a",
                row(Duration.ofMinutes(1), 20, 10_000),
                "b",
                row(Duration.ofMinutes(1), 5, 1000)));

    assertThat(e.burnRateLabels().values())
        .allSatisfy(v -> assertThat(v).isCloseTo(1.625, EPS.get()));
    assertThat(e.errorBudgetConsumed()).isCloseTo(1.625, EPS.get());
    assertThat(e.errorBudgetRemaining()).isCloseTo(-0.625, EPS.get());
    // SLI = 1 - 0.005 * 1.625 = 0.991875
    assertThat(e.currentSliPercent()).isCloseTo(99.1875, EPS.get());
    assertThat(e.status()).isEqualTo(Status.EXHAUSTED);
    assertThat(e.noData()).isFalse();
    assertThat(e.units()).isEqualTo(new EventCounts(9980 + 995, 11_000));
    assertThat(e.components())
        .extracting(ComponentStatus::sloId, ComponentStatus::weight, ComponentStatus::noData)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", new BigDecimal("3"), false),
            org.assertj.core.groups.Tuple.tuple("b", new BigDecimal("1"), false));
    assertThat(e.components().get(0).currentSliPercent()).isCloseTo(99.8, EPS.get());
    assertThat(e.components().get(1).currentSliPercent()).isCloseTo(99.5, EPS.get());
    assertThat(e.components().get(0).errorBudgetConsumed()).isCloseTo(2.0, EPS.get());
  }

  @Test
  void shouldDropAComponentWithoutDataFromTheWeights() {
    // c has no events: only a counts, so the composite burns like a: 2
    Slo a = leaf("a", 99.9);
    Slo quiet = leaf("quiet", 99.0);
    Slo c = composite("c", 99.9, "a", 1, "quiet", 3);
    Evaluation e =
        eval(c, List.of(a, quiet, c), Map.of("a", row(Duration.ofMinutes(1), 20, 10_000)));

    assertThat(e.burnRate()).isCloseTo(2.0, EPS.get());
    assertThat(e.errorBudgetConsumed()).isCloseTo(2.0, EPS.get());
    assertThat(e.components().get(1).noData()).isTrue();
    assertThat(e.components().get(1).currentSliPercent()).isNull();
    assertThat(e.components().get(1).errorBudgetConsumed()).isZero();
    assertThat(StatusJson.status(e).get("components").get(1).get("no_data").asBoolean()).isTrue();
  }

  @Test
  void shouldDropComponentsPerWindow() {
    // a: burn 2 in every window. b: burn 0.5, but its only row is 2 days old, so it is in the
    // 3d window and the period only. 1h: 2 (b drops out); 3d: (3*2 + 0.5) / 4 = 1.625.
    Slo a = leaf("a", 99.9);
    Slo b = leaf("b", 99.0);
    Slo c = composite("c", 99.5, "a", 3, "b", 1);
    Evaluation e =
        eval(
            c,
            List.of(a, b, c),
            Map.of(
                "a",
                row(Duration.ofMinutes(1), 20, 10_000),
                "b",
                row(Duration.ofDays(2), 5, 1000)));

    assertThat(e.burnRateLabels().get("1h")).isCloseTo(2.0, EPS.get());
    assertThat(e.burnRateLabels().get("1d")).isCloseTo(2.0, EPS.get());
    assertThat(e.burnRateLabels().get("3d")).isCloseTo(1.625, EPS.get());
    assertThat(e.burnRateLabels().get("period")).isCloseTo(1.625, EPS.get());
  }

  @Test
  void shouldCombineANestedCompositeByItsBurnNotItsTarget() {
    // x = composite of a (3) and b (1): burn 1.625, SLI at 99.5%: 99.1875%
    // e: 50 bad of 100000 at 99.9% -> burn 0.5
    // d = composite of x (1) and e (1): (1.625 + 0.5) / 2 = 1.0625; SLI 1 - 0.001*1.0625
    Slo a = leaf("a", 99.9);
    Slo b = leaf("b", 99.0);
    Slo x = composite("x", 99.5, "a", 3, "b", 1);
    Slo leafE = leaf("e", 99.9);
    Slo d = composite("d", 99.9, "x", 1, "e", 1);
    Evaluation e =
        eval(
            d,
            List.of(a, b, x, leafE, d),
            Map.of(
                "a", row(Duration.ofMinutes(1), 20, 10_000),
                "b", row(Duration.ofMinutes(1), 5, 1000),
                "e", row(Duration.ofMinutes(1), 50, 100_000)));

    assertThat(e.burnRate()).isCloseTo(1.0625, EPS.get());
    assertThat(e.currentSliPercent()).isCloseTo(99.89375, EPS.get());
    assertThat(e.components().get(0).composite()).isTrue();
    assertThat(e.components().get(0).currentSliPercent()).isCloseTo(99.1875, EPS.get());
    assertThat(e.components().get(0).errorBudgetConsumed()).isCloseTo(1.625, EPS.get());
    assertThat(e.units()).isEqualTo(new EventCounts(9980 + 995 + 99_950, 111_000));
  }

  @Test
  void shouldReadEachLeafOnceEvenWhenSharedByNestedComposites() {
    Slo a = leaf("a", 99.9);
    Slo x = composite("x", 99.9, "a", 1);
    Slo d = composite("d", 99.9, "x", 1, "a", 1);
    Map<String, Integer> reads = new HashMap<>();
    InMemoryEventSource inner =
        new InMemoryEventSource(Map.of("a", row(Duration.ofMinutes(1), 20, 10_000)));
    EventSource counting =
        (slo, windows) -> {
          reads.merge(slo.sloId(), 1, Integer::sum);
          return inner.counts(slo, windows);
        };
    Evaluation e =
        new CompositeEvaluator().evaluateAll(List.of(d), List.of(a, x, d), counting, T).get(0);

    assertThat(reads).containsExactly(Map.entry("a", 1));
    assertThat(e.burnRate()).isCloseTo(2.0, EPS.get());
  }

  @Test
  void shouldPageWhenTheCombinedBurnCrossesTheTierInBothWindows() {
    // a: 200 bad of 10000 at 99.9% -> burn 20 in 5m and 1h; b: no errors -> 0.
    // weights 3:1 -> 15 >= 14.4: the page tier fires. Weights 1:1 -> 10: it does not.
    Slo a = leaf("a", 99.9);
    Slo b = leaf("b", 99.9);
    Map<String, EventSeries> data =
        Map.of(
            "a",
            row(Duration.ofMinutes(1), 200, 10_000),
            "b",
            row(Duration.ofMinutes(1), 0, 10_000));
    Slo hot = composite("hot", 99.9, "a", 3, "b", 1);
    Slo mild = composite("mild", 99.9, "a", 1, "b", 1);

    Evaluation h = eval(hot, List.of(a, b, hot), data);
    Evaluation m = eval(mild, List.of(a, b, mild), data);

    assertThat(h.burnRate()).isCloseTo(15.0, EPS.get());
    assertThat(h.alerts()).anyMatch(f -> f.tier().severity().label().equals("page"));
    assertThat(h.status()).isEqualTo(Status.EXHAUSTED);
    assertThat(m.burnRate()).isCloseTo(10.0, EPS.get());
    assertThat(m.alerts())
        .noneMatch(f -> f.tier().factor().compareTo(BigDecimal.valueOf(14.4)) == 0);
  }

  @Test
  void shouldApplyTheCompositesNoDataPolicyWhenNoComponentHasData() {
    Slo a = leaf("a", 99.9);
    Slo ignore = composite("c", 99.0, "a", 1);
    Slo bad = ignore.toBuilder().noData(NoDataPolicy.BAD).build();

    Evaluation i = eval(ignore, List.of(a, ignore), Map.of());
    Evaluation b = eval(bad, List.of(a, bad), Map.of());

    assertThat(i.noData()).isTrue();
    assertThat(i.currentSliPercent()).isNull();
    assertThat(i.errorBudgetConsumed()).isZero();
    assertThat(i.status()).isEqualTo(Status.HEALTHY);
    assertThat(b.noData()).isTrue();
    assertThat(b.currentSliPercent()).isZero();
    assertThat(b.errorBudgetConsumed()).isCloseTo(100.0, EPS.get()); // 1 / 0.01
    assertThat(b.status()).isEqualTo(Status.EXHAUSTED);
  }

  @Test
  void shouldEvaluatePlainSlosAsTheEvaluatorDoes() {
    Slo a = leaf("a", 99.9);
    Map<String, EventSeries> data = Map.of("a", row(Duration.ofMinutes(1), 20, 10_000));
    Evaluation viaComposite = eval(a, List.of(a), data);
    Evaluation plain =
        new dev.slo.core.eval.Evaluator().evaluate(a, new InMemoryEventSource(data), T);

    assertThat(viaComposite).isEqualTo(plain);
    assertThat(StatusJson.status(viaComposite).has("components")).isFalse();
  }

  @Test
  void shouldNotAskTheSourceForTheCompositeItself() {
    Slo a = leaf("a", 99.9);
    Slo c = composite("c", 99.9, "a", 1);
    List<String> asked = new ArrayList<>();
    EventSource src =
        (slo, windows) -> {
          asked.add(slo.sloId());
          List<EventCounts> out = new ArrayList<>();
          for (Window w : windows) {
            out.add(new EventCounts(1, 1));
          }
          return out;
        };
    new CompositeEvaluator().evaluateAll(List.of(c), List.of(a, c), src, T);
    assertThat(asked).containsExactly("a");
  }

  @Test
  void shouldReadComponentsWithoutTheEventsInsideTheirCorrections() {
    // a: a clean row 1m ago (0 bad of 10000) and a bad burst 2h ago (20 bad of 10000).
    // A correction (2h05m ago, 1h55m ago] on a removes the burst: the composite burns 0 in every
    // window; without it the 1d window burns (20 / 20000) / 0.001 = 1.
    Slo a = leaf("a", 99.9);
    Slo c = composite("c", 99.9, "a", 1);
    EventSeries rows =
        EventSeries.builder(2)
            .add(T.minus(Duration.ofHours(2)), 9980, 10_000)
            .add(T.minus(Duration.ofMinutes(1)), 10_000, 10_000)
            .build();
    InMemoryEventSource source = new InMemoryEventSource(Map.of("a", rows));
    dev.slo.core.correction.Corrections cs =
        new dev.slo.core.correction.Corrections(
            List.of(
                new dev.slo.core.correction.Correction(
                    "deploy-1",
                    new dev.slo.core.correction.CorrectionScope(java.util.Set.of("a"), null),
                    T.minus(Duration.ofMinutes(125)),
                    Duration.ofMinutes(10),
                    null,
                    null,
                    null,
                    null)));

    Evaluation raw =
        new CompositeEvaluator().evaluateAll(List.of(c), List.of(a, c), source, T).get(0);
    Evaluation corrected =
        new CompositeEvaluator(new dev.slo.core.eval.Evaluator(cs), cs)
            .evaluateAll(List.of(c), List.of(a, c), source, T)
            .get(0);

    assertThat(raw.burnRate24h()).isCloseTo(1.0, EPS.get());
    assertThat(corrected.burnRate24h()).isZero();
    assertThat(corrected.errorBudgetConsumed()).isZero();
  }
}
