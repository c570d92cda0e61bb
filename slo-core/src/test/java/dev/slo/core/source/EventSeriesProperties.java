package dev.slo.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The compact series (grid or explicit times, int or long prefix sums, rows in or out of order)
 * answers exactly what a naive sum over the rows answers.
 */
class EventSeriesProperties {
  private static final long MIN = 60_000_000_000L;
  private static final long T0 = 1_780_272_000_000_000_000L;

  /** Rows {time, good, total}: a minute grid with gaps, jitter, duplicates, maybe shuffled. */
  private static List<long[]> rows(long seed, int n, int shape) {
    Random r = new Random(seed);
    List<long[]> out = new ArrayList<>();
    long t = T0 + (r.nextInt(100) - 50) * MIN;
    boolean huge = shape % 5 == 4;
    for (int i = 0; i < n; i++) {
      long total = huge ? (long) (r.nextDouble() * 4e9) : r.nextInt(1000);
      long good = total == 0 ? 0 : (long) (r.nextDouble() * (total + 1));
      out.add(new long[] {t, Math.min(good, total), total});
      int kind = r.nextInt(40);
      if (shape % 3 == 1 && kind == 0) {
        t += r.nextInt(5000) * MIN; // a long gap
      } else if (shape % 3 == 2 && kind == 1) {
        t += 1 + r.nextInt(59_000); // off the grid
      } else if (kind == 2) {
        t += 0; // a second row at the same instant
      } else {
        t += (1 + (kind == 3 ? r.nextInt(5) : 0)) * MIN;
      }
    }
    if (shape >= 6) {
      Collections.shuffle(out, r);
    }
    return out;
  }

  private static EventSeries build(List<long[]> rows) {
    EventSeries.Builder b = EventSeries.builder(8);
    rows.forEach(x -> b.add(x[0], x[1], x[2]));
    return b.build();
  }

  private static Instant at(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static EventCounts naive(List<long[]> rows, long start, long end) {
    long g = 0;
    long t = 0;
    for (long[] x : rows) {
      if (x[0] > start && x[0] <= end) {
        g += x[1];
        t += x[2];
      }
    }
    return new EventCounts(g, t);
  }

  @Property(tries = 400)
  void windowsCountWhatTheRowsHold(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 700) int n,
      @ForAll @IntRange(min = 0, max = 8) int shape,
      @ForAll @LongRange(min = -200, max = 20_000) long startMinutes,
      @ForAll @LongRange(min = 0, max = 20_000) long lengthSeconds) {
    List<long[]> rows = rows(seed, n, shape);
    EventSeries s = build(rows);
    long start = T0 + startMinutes * MIN + (seed % 7) * 1_000_000_000L;
    long end = start + lengthSeconds * 1_000_000_000L * 30;

    assertThat(s.counts(new Window(at(start), at(end)))).isEqualTo(naive(rows, start, end));
    TreeMap<Long, Boolean> distinct = new TreeMap<>();
    rows.forEach(x -> distinct.put(x[0], true));
    assertThat(s.size()).isEqualTo(distinct.size());
    assertThat(s.first()).isEqualTo(distinct.isEmpty() ? null : at(distinct.firstKey()));
    assertThat(s.last()).isEqualTo(distinct.isEmpty() ? null : at(distinct.lastKey()));
    assertThat(s.total()).isEqualTo(naive(rows, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  @Property(tries = 300)
  void slicesCountWhatTheRowsHold(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 500) int n,
      @ForAll @IntRange(min = 0, max = 8) int shape,
      @ForAll @LongRange(min = -300, max = 3_000) long fromMinutes,
      @ForAll @IntRange(min = 1, max = 400) int spanMinutes,
      @ForAll @IntRange(min = 1, max = 3_600) int stepSeconds) {
    List<long[]> rows = rows(seed, n, shape);
    EventSeries s = build(rows);
    // whole minutes (grid-aligned steps) half the time, any second otherwise
    int st = seed % 2 == 0 ? ((stepSeconds % 60) + 1) * 60 : stepSeconds;
    long from = T0 + fromMinutes * MIN + (seed % 3) * 1_000_000_000L;
    long to = from + spanMinutes * MIN + 7_000_000_000L;
    List<EventCounts> expected = new ArrayList<>();
    for (long a = from; a < to; a += st * 1_000_000_000L) {
      expected.add(naive(rows, a, Math.min(to, a + st * 1_000_000_000L)));
    }

    assertThat(s.slices(at(from), at(to), Duration.ofSeconds(st))).isEqualTo(expected);
  }

  @Property(tries = 50)
  void aRegularMonthOfMinutesTakesUnder400KB(
      @ForAll @IntRange(min = 0, max = 1000) int gaps, @ForAll long seed) {
    Random r = new Random(seed);
    EventSeries.Builder b = EventSeries.builder(1024);
    long t = T0;
    for (int i = 0; i < 43_200; i++) {
      long total = 200 + r.nextInt(50_000);
      b.add(t, total - r.nextInt(10), total);
      t += (r.nextInt(43_200) < gaps ? 2 : 1) * MIN;
    }
    EventSeries s = b.build();

    assertThat(s.size()).isEqualTo(43_200);
    assertThat(s.bytes()).isLessThan(400_000);
  }
}
