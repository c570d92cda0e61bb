package dev.slo.core.composite;

import static dev.slo.core.composite.CompositeEvaluatorTest.composite;
import static dev.slo.core.composite.CompositeEvaluatorTest.leaf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.FiringAlert;
import dev.slo.core.eval.SliInterval;
import dev.slo.core.eval.SuppressedAlert;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.StatusBasis;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forecast, recommendations, min_events and status_on of composites, hand-computed (docs/math.md,
 * "Composite SLOs").
 */
class CompositeOutlookTest {
  /** z² of the 95% Wilson interval. */
  private static final double Z2 = 1.959963984540054 * 1.959963984540054;

  private static Evaluation eval(
      Slo target, List<Slo> all, Map<String, EventSeries> data, Instant t) {
    return new CompositeEvaluator()
        .evaluateAll(List.of(target), all, new InMemoryEventSource(data), t)
        .get(0);
  }

  private static Slo monthly(Slo s) {
    return s.toBuilder().timePeriod(TimePeriod.CALENDAR_MONTH).build();
  }

  @Test
  void shouldForecastFromTheCompositeBurnAndGiveTimeToExhaustionAndRecommendations() {
    // June, from 00:00 UTC; evaluated at 02:00, so the forecast points after the start are 01:00
    // and 02:00. a (99%): 1 bad of 400 at 00:30, 3 bad of 400 at 01:30 -> burn 0.25 at 01:00
    // (0.0025 / 0.01), 0.5 at 02:00 (4 / 800 / 0.01). c (99.9%): 2 bad of 4000 at 00:30 and at
    // 01:30 -> 0.5 at both points. Weights a 1, c 3: B(01:00) = (0.25 + 1.5) / 4 = 0.4375,
    // B(02:00) = (0.5 + 1.5) / 4 = 0.5. The line rises 0.0625 an hour from 0.5 at 02:00 and
    // reaches 1 eight hours later: 10:00.
    Instant t = Instant.parse("2026-06-01T02:00:00Z");
    Slo a = monthly(leaf("a", 99));
    Slo c = monthly(leaf("c", 99.9));
    Slo journey = monthly(composite("journey", 99.5, "a", 1, "c", 3));
    Map<String, EventSeries> data =
        Map.of(
            "a",
            EventSeries.builder(2)
                .add(Instant.parse("2026-06-01T00:30:00Z"), 399, 400)
                .add(Instant.parse("2026-06-01T01:30:00Z"), 397, 400)
                .build(),
            "c",
            EventSeries.builder(2)
                .add(Instant.parse("2026-06-01T00:30:00Z"), 3998, 4000)
                .add(Instant.parse("2026-06-01T01:30:00Z"), 3998, 4000)
                .build());
    Evaluation e = eval(journey, List.of(a, c, journey), data, t);

    assertThat(e.errorBudgetRemaining()).isCloseTo(0.5, within(1e-12));
    assertThat(Duration.between(Instant.parse("2026-06-01T10:00:00Z"), e.projectedExhaustion()))
        .isLessThan(Duration.ofMillis(1))
        .isGreaterThan(Duration.ofMillis(-1));
    // 1h window (01:00, 02:00]: a 3/400 -> 0.75, c 2/4000 -> 0.5; B = (0.75 + 1.5) / 4 = 0.5625.
    // time to exhaustion = 0.5 x 720h (June) / 0.5625 = 640h
    assertThat(e.burnRate()).isCloseTo(0.5625, within(1e-12));
    assertThat(e.timeToExhaustion()).isEqualTo(Duration.ofHours(640));
    assertThat(e.status()).isEqualTo(Status.HEALTHY);
    assertThat(e.recommendations())
        .containsExactly("At the current 1h burn rate the budget runs out in 26d16h");
  }

  @Test
  void shouldRecommendLikeAPlainSloWhenTheCompositeBurnsFast() {
    // one component at the composite's target: the composite reports what the component does
    Slo a = leaf("a", 99.9);
    Slo c = composite("c", 99.9, "a", 1);
    Instant t = Instant.parse("2026-06-15T12:00:00Z");
    Map<String, EventSeries> data =
        Map.of("a", EventSeries.builder(1).add(t.minusSeconds(60), 980, 1000).build());
    Evaluation plain = eval(a, List.of(a, c), data, t);
    Evaluation comp = eval(c, List.of(a, c), data, t);
    assertThat(comp.status()).isEqualTo(plain.status()).isEqualTo(Status.EXHAUSTED);
    assertThat(comp.recommendations()).isEqualTo(plain.recommendations()).isNotEmpty();
    assertThat(comp.timeToExhaustion()).isEqualTo(plain.timeToExhaustion());
    assertThat(comp.projectedExhaustion()).isEqualTo(plain.projectedExhaustion());
  }

  /** a and b (99%), 30 bad of 60 and 20 bad of 40 one minute before t: burn 50 in every window. */
  private static Evaluation busy(long minEvents) {
    Instant t = Instant.parse("2026-06-15T12:00:00Z");
    Slo a = leaf("a", 99);
    Slo b = leaf("b", 99);
    Slo j = composite("j", 99, "a", 1, "b", 1).toBuilder().minEvents(minEvents).build();
    Map<String, EventSeries> data =
        Map.of(
            "a", EventSeries.builder(1).add(t.minusSeconds(60), 30, 60).build(),
            "b", EventSeries.builder(1).add(t.minusSeconds(60), 20, 40).build());
    return eval(j, List.of(a, b, j), data, t);
  }

  @Test
  void shouldFireWhenTheComponentsEventsInTheLongWindowReachMinEventsExactly() {
    Evaluation e = busy(100); // 60 + 40 = 100 events in every long window
    assertThat(e.alerts())
        .extracting(FiringAlert::tier)
        .extracting(x -> x.name())
        .containsExactly("page_1h_5m", "page_6h_30m", "ticket_1d_2h", "ticket_3d_6h");
    assertThat(e.suppressed()).isEmpty();
  }

  @Test
  void shouldNotFireOneEventShortOfMinEvents() {
    Evaluation e = busy(101);
    assertThat(e.alerts()).isEmpty();
    assertThat(e.suppressed())
        .extracting(SuppressedAlert::reason)
        .containsExactly(
            "not enough events (100 < 101) in 1h",
            "not enough events (100 < 101) in 6h",
            "not enough events (100 < 101) in 1d",
            "not enough events (100 < 101) in 3d");
    // the budget is spent whatever the guard says: status follows the budget
    assertThat(e.status()).isEqualTo(Status.EXHAUSTED);
  }

  @Test
  void shouldCombineTheComponentsWilsonBoundsAndDecideStatusOnTheUpperBound() {
    // a (99%): 98 good of 100, point burn 2. b (99%): 1000 of 1000, point burn 0.
    // Composite j (99%), weights 1 and 1: B = (2 + 0) / 2 = 1 -> remaining 0, EXHAUSTED on the
    // point estimate; ticket_3d_6h (factor 1) reached.
    // Wilson for a: centre (0.98 + z²/200) / (1 + z²/100), half z / (1 + z²/100) x
    // sqrt(0.98 x 0.02 / 100 + z² / 40000): [0.929988, 0.994498] -> burns [0.5502, 7.0012].
    // Wilson for b (all good): [1000 / (1000 + z²), 1] -> burns [0, z² / (1000 + z²) / 0.01 =
    // 0.38268]. Composite bounds: low (0.5502 + 0) / 2 = 0.2751, high (7.0012 + 0.38268) / 2 =
    // 3.6919; SLI interval [1 - 0.01 x 3.6919, 1 - 0.01 x 0.2751] = [96.308%, 99.7249%].
    Instant t = Instant.parse("2026-06-15T12:00:00Z");
    Slo a = leaf("a", 99);
    Slo b = leaf("b", 99);
    Slo j = composite("j", 99, "a", 1, "b", 1);
    Map<String, EventSeries> data =
        Map.of(
            "a", EventSeries.builder(1).add(t.minusSeconds(60), 98, 100).build(),
            "b", EventSeries.builder(1).add(t.minusSeconds(60), 1000, 1000).build());
    Evaluation point = eval(j, List.of(a, b, j), data, t);
    assertThat(point.status()).isEqualTo(Status.EXHAUSTED);
    assertThat(point.alerts()).extracting(x -> x.tier().name()).containsExactly("ticket_3d_6h");

    double highB = Z2 / (1000 + Z2) / 0.01;
    assertThat(highB).isCloseTo(0.38268, within(1e-5));
    SliInterval i = point.sliInterval();
    assertThat(i).isNotNull();
    assertThat(i.upperPercent()).isCloseTo(99.7249, within(1e-3));
    assertThat(i.lowerPercent()).isCloseTo(96.308, within(1e-3));
    assertThat(point.windowSliIntervals().get(Duration.ofHours(1))).isEqualTo(i);

    Slo upper = j.toBuilder().statusOn(StatusBasis.UPPER_BOUND).build();
    Evaluation e = eval(upper, List.of(a, b, upper), data, t);
    // status on the upper bound: remaining 1 - 0.2751 = 0.7249, above both thresholds
    assertThat(e.status()).isEqualTo(Status.HEALTHY);
    assertThat(e.alerts()).isEmpty();
    assertThat(e.suppressed())
        .extracting(SuppressedAlert::reason)
        .containsExactly("the SLI's upper bound burns at 0.28x over 3d and 0.28x over 6h (< 1x)");
    // the figures themselves stay the point estimates
    assertThat(e.errorBudgetRemaining()).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void shouldGiveAOneComponentCompositeTheComponentsOwnInterval() {
    Instant t = Instant.parse("2026-06-15T12:00:00Z");
    Slo a = leaf("a", 99.9);
    Slo c = composite("c", 99.9, "a", 1);
    Map<String, EventSeries> data =
        Map.of("a", EventSeries.builder(1).add(t.minusSeconds(60), 9990, 10000).build());
    SliInterval plain = eval(a, List.of(a, c), data, t).sliInterval();
    SliInterval comp = eval(c, List.of(a, c), data, t).sliInterval();
    assertThat(comp.lowerPercent()).isCloseTo(plain.lowerPercent(), within(1e-9));
    assertThat(comp.upperPercent()).isCloseTo(plain.upperPercent(), within(1e-9));
  }
}
