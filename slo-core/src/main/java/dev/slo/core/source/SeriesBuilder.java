package dev.slo.core.source;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link EventSeries}. Rows that arrive in time order (the usual case: a data file, a
 * recorder) go straight into the compact prefix sums, on a regular grid while their timestamps
 * allow it; the first row out of order moves everything to plain row arrays, which are sorted and
 * replayed at {@link #build}. Sums are exact: overflow throws {@link ArithmeticException}. Not
 * thread-safe.
 */
final class SeriesBuilder {
  private final int capacity;

  // streaming state: positions 0..points-1, the last one still open for rows at the same instant
  private Cumulative.Builder good; // emptied once the rows went raw
  private Cumulative.Builder total;
  private long origin;
  private long step; // grid step; 0 until two distinct times are known, or when explicit
  private long @Nullable [] nanos; // explicit times; null while on the grid
  private long[] real = new long[1]; // bit i set when position i has rows (not a gap filler)
  private int points;
  private int size; // positions with rows
  private long last; // time of the open position
  private long sumGood; // running sums including the open position
  private long sumTotal;

  // rows out of order: plain arrays, sorted at build
  private boolean unsorted; // set once a row arrived out of order
  private long[] rawT = new long[0];
  private long[] rawG = new long[0];
  private long[] rawN = new long[0];
  private int raw;

  SeriesBuilder(int capacity) {
    this.capacity = Math.max(16, capacity);
    good = new Cumulative.Builder(this.capacity + 1);
    total = new Cumulative.Builder(this.capacity + 1);
    good.append(0);
    total.append(0);
  }

  void add(long t, long g, long n) {
    if (unsorted) {
      addRaw(t, g, n);
      return;
    }
    if (points > 0 && t == last) {
      sumGood = Math.addExact(sumGood, g);
      sumTotal = Math.addExact(sumTotal, n);
      return;
    }
    if (points > 0 && t < last) {
      toRaw();
      addRaw(t, g, n);
      return;
    }
    if (points > 0) {
      close();
      place(t);
    } else {
      origin = t;
    }
    mark(points);
    points++;
    size++;
    last = t;
    sumGood = Math.addExact(sumGood, g);
    sumTotal = Math.addExact(sumTotal, n);
  }

  // positions the new time t > last: on the grid (filling a short gap), or as an explicit time
  private void place(long t) {
    if (nanos == null) {
      long d = t - last;
      if (d == step && t - origin > 0) { // the usual next grid point; no division
        return;
      }
      if (d <= 0 || t - origin <= 0) { // overflowed
        explicit();
      } else if (step == 0) {
        step = d;
        return;
      } else if (d % step == 0 && d / step <= gapAllowance()) {
        for (long k = d / step; k > 1; k--) { // zero-filled positions for the gap
          points++;
          close();
        }
        return;
      } else if (gcd(step, d) < step && regrid(gcd(step, d), t)) {
        place(t);
        return;
      } else {
        explicit();
      }
    }
    long[] times = Objects.requireNonNull(nanos, "explicit times, set by explicit()");
    if (points == times.length) {
      times = Arrays.copyOf(times, points + (points >>> 1) + 16);
      nanos = times;
    }
    times[points] = t;
  }

  // positions a gap may fill: the grid stays at most about twice the rows it holds
  private long gapAllowance() {
    return (long) size + 1024 - (points - size);
  }

  /**
   * Moves the positions so far onto a finer grid (a first gap of two minutes, then one-minute
   * steps), when the grid up to {@code t} stays within bounds. The last position stays closed.
   */
  private boolean regrid(long finer, long t) {
    long positions = (t - origin) / finer + 1;
    if (positions > 2L * (size + 1) + 1024) {
      return false;
    }
    int n = 0;
    long[] ts = new long[size];
    long[] gs = new long[size];
    long[] ns = new long[size];
    for (int p = 0; p < points; p++) {
      if (isReal(p)) {
        ts[n] = origin + p * step;
        gs[n] = good.at(p + 1) - good.at(p);
        ns[n] = total.at(p + 1) - total.at(p);
        n++;
      }
    }
    int c = (int) Math.max(capacity, positions + 1);
    good = new Cumulative.Builder(c);
    total = new Cumulative.Builder(c);
    good.append(0);
    total.append(0);
    real = new long[1];
    points = 0;
    size = 0;
    sumGood = 0;
    sumTotal = 0;
    step = finer;
    for (int i = 0; i < n; i++) {
      add(ts[i], gs[i], ns[i]);
    }
    close();
    return true;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  private void explicit() {
    long[] n = new long[Math.max(capacity, points + (points >>> 1) + 16)];
    for (int i = 0; i < points; i++) {
      n[i] = origin + i * step;
    }
    nanos = n;
    step = 0;
  }

  private void close() {
    good.append(sumGood);
    total.append(sumTotal);
  }

  private void mark(int p) {
    int w = p >>> 6;
    if (w >= real.length) {
      real = Arrays.copyOf(real, Math.max(w + 1, real.length * 2));
    }
    real[w] |= 1L << p;
  }

  private boolean isReal(int p) {
    return (real[p >>> 6] & (1L << p)) != 0;
  }

  private void toRaw() {
    int c = Math.max(capacity, size * 2);
    unsorted = true;
    rawT = new long[c];
    rawG = new long[c];
    rawN = new long[c];
    close();
    for (int p = 0; p < points; p++) {
      if (isReal(p)) {
        long t = nanos != null ? nanos[p] : origin + p * step;
        addRaw(t, good.at(p + 1) - good.at(p), total.at(p + 1) - total.at(p));
      }
    }
    good = new Cumulative.Builder(0);
    total = new Cumulative.Builder(0);
    nanos = null;
  }

  private void addRaw(long t, long g, long n) {
    if (raw == rawT.length) {
      int c = raw + (raw >>> 1) + 16;
      rawT = Arrays.copyOf(rawT, c);
      rawG = Arrays.copyOf(rawG, c);
      rawN = Arrays.copyOf(rawN, c);
    }
    rawT[raw] = t;
    rawG[raw] = g;
    rawN[raw] = n;
    raw++;
  }

  EventSeries build() {
    if (unsorted) {
      int[] order = Sort.byKey(rawT, raw);
      SeriesBuilder sorted = new SeriesBuilder(raw);
      for (int i : order) {
        sorted.add(rawT[i], rawG[i], rawN[i]);
      }
      return sorted.build();
    }
    if (points > 0) {
      close();
    }
    boolean grid = nanos == null;
    return new EventSeries(
        origin,
        grid ? Math.max(step, 1) : 0,
        grid ? null : Arrays.copyOf(nanos, points),
        points,
        size,
        good.build(),
        total.build());
  }
}
