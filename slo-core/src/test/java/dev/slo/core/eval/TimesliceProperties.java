package dev.slo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.EventSource;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The fast slice paths agree with a naive count over explicit slice windows. */
class TimesliceProperties {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

  @Provide
  Arbitrary<List<int[]>> rows() {
    // {seconds ago, good, total}
    return Arbitraries.integers()
        .between(0, 5 * 86_400)
        .flatMap(
            ago ->
                Arbitraries.integers()
                    .between(0, 20)
                    .flatMap(
                        total ->
                            Arbitraries.integers()
                                .between(0, total)
                                .map(good -> new int[] {ago, good, total})))
        .list()
        .ofMaxSize(200);
  }

  private static EventSeries series(List<int[]> rows) {
    EventSeries.Builder b = EventSeries.builder(rows.size());
    rows.forEach(r -> b.add(T.minusSeconds(r[0]), r[1], r[2]));
    return b.build();
  }

  @Property(tries = 300)
  void sliceCountsEqualCountsOverTheGrid(
      @ForAll("rows") List<int[]> rows,
      @ForAll @IntRange(min = 1, max = 7200) int stepSeconds,
      @ForAll @IntRange(min = 0, max = 3 * 86_400) int spanSeconds) {
    EventSeries s = series(rows);
    Instant from = T.minusSeconds(spanSeconds);
    Duration step = Duration.ofSeconds(stepSeconds);
    List<EventCounts> fast = s.slices(from, T, step);
    List<Window> grid = EventSource.grid(from, T, step);
    assertThat(fast).hasSize(grid.size());
    for (int i = 0; i < grid.size(); i++) {
      assertThat(fast.get(i)).isEqualTo(s.counts(grid.get(i)));
    }
  }

  @Property(tries = 200)
  void timesliceEvaluationMatchesANaiveSliceCount(
      @ForAll("rows") List<int[]> rows,
      @ForAll @IntRange(min = 1, max = 180) int sliceMinutes,
      @ForAll @IntRange(min = 1, max = 100) int sliceTarget) {
    Slo slo =
        Slo.builder()
            .sloId("t")
            .sloName("Test SLO")
            .sloType(dev.slo.core.model.SloType.AVAILABILITY)
            .serviceName("svc")
            .targetPercentage(90)
            .timePeriod(TimePeriod.ROLLING_24H)
            .budgetingMethod(BudgetingMethod.TIMESLICES)
            .timesliceLength(Duration.ofMinutes(sliceMinutes))
            .timesliceTargetPercentage((double) sliceTarget)
            .build();
    EventSeries s = series(rows);
    Evaluation e = new Evaluator().evaluate(slo, new InMemoryEventSource(Map.of("t", s)), T);
    long good = 0;
    long withEvents = 0;
    Instant start = T.minus(Duration.ofHours(24));
    for (Window w : EventSource.grid(start, T, Duration.ofMinutes(sliceMinutes))) {
      EventCounts c = s.counts(w);
      if (c.total() > 0) {
        withEvents++;
        if (c.good() * 100L >= (long) sliceTarget * c.total()) {
          good++;
        }
      }
    }
    assertThat(e.units()).isEqualTo(new EventCounts(good, withEvents));
  }
}
