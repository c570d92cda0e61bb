package dev.slo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.EventSource;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.source.SliceTally;
import dev.slo.core.window.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The slice tally's integer shortcuts (branch-free good/bad tests, long rounding of slice ratios)
 * agree with exact decimal arithmetic, including totals large enough to leave the shortcut.
 */
class SliceTallyProperties {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

  private static long exactRatioUnits(long g, long t) {
    return BigDecimal.valueOf(g)
        .multiply(BigDecimal.valueOf(SliceCounts.RATIO_SCALE))
        .divide(BigDecimal.valueOf(t), 0, RoundingMode.HALF_EVEN)
        .longValueExact();
  }

  @Property(tries = 2000)
  void ratioUnitsRoundHalfEvenLikeDecimals(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long total,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long good,
      @ForAll boolean small) {
    long t = small ? 1 + total % 50_000 : total;
    long g = t == Long.MAX_VALUE ? good : good % (t + 1);
    assertThat(SliceTally.ratioUnits(g, t)).isEqualTo(exactRatioUnits(g, t));
  }

  @Example
  void ratioUnitsBreakTiesToEven() {
    // 1 / 2e9 = 0.5 units: down to 0; 3 / 2e9 = 1.5: up to 2; 5 / 2e9 = 2.5: down to 2
    assertThat(SliceTally.ratioUnits(1, 2_000_000_000L)).isZero();
    assertThat(SliceTally.ratioUnits(3, 2_000_000_000L)).isEqualTo(2);
    assertThat(SliceTally.ratioUnits(5, 2_000_000_000L)).isEqualTo(2);
    assertThat(SliceTally.ratioUnits(7, 7)).isEqualTo(SliceCounts.RATIO_SCALE);
  }

  @Property(tries = 150)
  void aMinuteGridCountsTheSlicesADecimalComparisonCounts(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 30) int sliceMinutes,
      @ForAll @IntRange(min = 0, max = 4) int targetKind,
      @ForAll @IntRange(min = 0, max = 3) int magnitude) {
    BigDecimal target =
        new BigDecimal(new String[] {"99", "99.9", "99.123", "95", "100"}[targetKind]);
    // per-minute totals up to 10, 1e6, 1e13 or 1e15: the last ones overflow the long shortcut
    long max = new long[] {10L, 1_000_000L, 10_000_000_000_000L, 1_000_000_000_000_000L}[magnitude];
    Random r = new Random(seed);
    EventSeries.Builder b = EventSeries.builder(2000);
    for (int m = 0; m < 2 * 1440; m++) {
      if (r.nextInt(20) == 0) {
        continue; // a gap
      }
      long total = r.nextInt(4) == 0 ? 0 : 1 + (long) (r.nextDouble() * max);
      long bad = r.nextInt(3) == 0 ? (long) (r.nextDouble() * r.nextDouble() * total * 0.05) : 0;
      b.add(T.minus(Duration.ofMinutes(m)), total - bad, total);
    }
    EventSeries s = b.build();
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
            .timesliceTargetPercentage(target.doubleValue())
            .build();
    Evaluation e = new Evaluator().evaluate(slo, new InMemoryEventSource(Map.of("t", s)), T);

    long good = 0;
    long withEvents = 0;
    Instant start = T.minus(Duration.ofHours(24));
    for (Window w : EventSource.grid(start, T, Duration.ofMinutes(sliceMinutes))) {
      EventCounts c = s.counts(w);
      if (c.total() > 0) {
        withEvents++;
        BigDecimal ratio = BigDecimal.valueOf(c.good()).movePointRight(2);
        if (ratio.compareTo(target.multiply(BigDecimal.valueOf(c.total()))) >= 0) {
          good++;
        }
      }
    }
    assertThat(e.units()).isEqualTo(new EventCounts(good, withEvents));
  }
}
