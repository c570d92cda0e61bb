package dev.slo.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A series that tallies slices straight from its prefix sums counts exactly what the same tally
 * counts from blocks of slice counts: on grids and off them, with gaps, totals past the long
 * shortcut, ranges reaching before and after the rows, and marks anywhere.
 */
class SliceTallyDirectProperties {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

  @Property(tries = 300)
  void tallyingFromPrefixSumsCountsWhatBlocksCount(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 17) int sliceMinutes,
      @ForAll @IntRange(min = 0, max = 3) int targetKind,
      @ForAll @IntRange(min = 0, max = 2) int magnitude,
      @ForAll @IntRange(min = -300, max = 300) int fromShiftMinutes,
      @ForAll @IntRange(min = -300, max = 300) int toShiftMinutes) {
    Random r = new Random(seed);
    BigDecimal target = new BigDecimal(new String[] {"99", "99.9", "97.5", "100"}[targetKind]);
    long max = new long[] {10L, 1_000_000L, 1_000_000_000_000_000L}[magnitude];
    EventSeries.Builder b = EventSeries.builder(1000);
    int rows = 200 + r.nextInt(2000);
    boolean offGrid = r.nextInt(4) == 0;
    for (int m = 0; m < rows; m++) {
      if (r.nextInt(15) == 0) {
        continue; // a gap
      }
      long total = r.nextInt(5) == 0 ? 0 : 1 + (long) (r.nextDouble() * max);
      long bad = r.nextInt(3) == 0 ? (long) (r.nextDouble() * total * 0.05) : 0;
      Instant at = T.minus(Duration.ofMinutes(m));
      b.add(offGrid ? at.plusSeconds(r.nextInt(50)) : at, total - bad, total);
    }
    EventSeries s = b.build();
    Instant from = T.minus(Duration.ofMinutes(rows)).plus(Duration.ofMinutes(fromShiftMinutes));
    Instant to = T.plus(Duration.ofMinutes(toShiftMinutes)).plusSeconds(r.nextInt(60));
    if (!from.isBefore(to)) {
      return;
    }
    Duration step = Duration.ofMinutes(sliceMinutes);
    List<EventCounts> slices = s.slices(from, to, step);
    int n = slices.size();
    int[] marks = r.ints(6, 0, n + 1).sorted().distinct().toArray();
    marks = Arrays.copyOf(marks, marks.length + 1);
    marks[marks.length - 1] = n;
    marks = Arrays.stream(marks).sorted().distinct().toArray();

    SliceTally direct = new SliceTally(marks, target, null, 0);
    assertThat(s.forEachSlice(from, to, step, direct)).isEqualTo(n);
    direct.finish();

    SliceTally blocks = new SliceTally(marks, target, null, 0);
    long[] g = new long[Math.max(1, n)];
    long[] t = new long[g.length];
    for (int i = 0; i < n; i++) {
      g[i] = slices.get(i).good();
      t[i] = slices.get(i).total();
    }
    int at = 0;
    while (at < n) {
      int count = Math.min(n - at, 1 + r.nextInt(40));
      blocks.accept(
          Arrays.copyOfRange(g, at, at + count), Arrays.copyOfRange(t, at, at + count), count);
      at += count;
    }
    blocks.finish();

    assertThat(direct.slices()).isEqualTo(n);
    assertThat(direct.withEventsAt()).containsExactly(blocks.withEventsAt());
    assertThat(direct.goodAt()).containsExactly(blocks.goodAt());
  }
}
