package dev.slo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.Fixtures;
import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionScope;
import dev.slo.core.correction.Corrections;
import dev.slo.core.correction.Exclusion;
import dev.slo.core.correction.Intervals;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * For occurrences, evaluating with corrections gives exactly the evaluation of the same rows with
 * the corrected ones deleted: every figure (SLI, budget, burn rates, alerts, status, time to
 * exhaustion, forecast) agrees.
 */
class CorrectionProperties {
  private static final TimePeriod[] PERIODS = {
    TimePeriod.ROLLING_24H, TimePeriod.ROLLING_7D, TimePeriod.ROLLING_30D, TimePeriod.CALENDAR_MONTH
  };

  @Property(tries = 30)
  void shouldEqualTheEvaluationWithoutTheCorrectedRows(@ForAll long seed) {
    Random r = new Random(seed);
    Slo slo = Fixtures.slo(99 + r.nextInt(10) / 10.0, PERIODS[r.nextInt(PERIODS.length)]).build();
    Instant at = Fixtures.T.plusSeconds(r.nextInt(86_400));
    long span = Duration.ofDays(33).toSeconds();
    List<Correction> cs = new ArrayList<>();
    for (int i = 0; i < 1 + r.nextInt(8); i++) {
      cs.add(
          new Correction(
              "c" + i,
              CorrectionScope.slo(slo.sloId()),
              at.minusSeconds(r.nextLong(span)),
              Duration.ofMinutes(1 + r.nextInt(600)),
              null,
              null,
              null,
              null));
    }
    Corrections corrections = new Corrections(cs);
    Intervals cut =
        corrections.intervals(slo, new Window(at.minus(Duration.ofDays(70)), at.plusSeconds(1)));
    EventSeries.Builder all = EventSeries.builder(4096);
    EventSeries.Builder kept = EventSeries.builder(4096);
    for (int i = 0; i < 3000; i++) {
      Instant t = at.minusSeconds(r.nextLong(span)).plusSeconds(r.nextInt(2) * 3600L);
      long total = r.nextInt(100);
      long good = total - (total == 0 ? 0 : r.nextInt((int) Math.min(total, 5) + 1));
      all.add(t, good, total);
      if (!cut.overlaps(new Window(t.minusNanos(1), t))) {
        kept.add(t, good, total);
      }
    }
    InMemoryEventSource raw = new InMemoryEventSource(Map.of(slo.sloId(), all.build()));
    Evaluation corrected = new Evaluator(corrections).evaluate(slo, raw, at);
    Evaluation filtered =
        new Evaluator()
            .evaluate(slo, new InMemoryEventSource(Map.of(slo.sloId(), kept.build())), at);
    assertThat(corrected.with(corrected.status(), corrected.alerts(), corrected.recommendations()))
        .usingRecursiveComparison()
        .ignoringFields("exclusion")
        .isEqualTo(filtered);
    Exclusion x = corrected.exclusion();
    assertThat(x.events().total() + corrected.units().total())
        .isEqualTo(
            new Evaluator()
                .evaluate(slo, new InMemoryEventSource(Map.of(slo.sloId(), all.build())), at)
                .units()
                .total());
  }
}
