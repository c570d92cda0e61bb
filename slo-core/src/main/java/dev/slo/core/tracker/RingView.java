package dev.slo.core.tracker;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One SLO's ring as the evaluator sees it at one instant: each closed step is a row at its end, the
 * open step a row at {@code at}. Valid only while the ring's lock is held and nothing rolls it;
 * {@link SloTracker} builds one per evaluation. Answers for the one SLO it was built for.
 */
final class RingView implements EventSource {
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final BucketRing ring;
  private final long stepNanos;
  private final long atNanos;
  private final long open;
  private final long openGood;
  private final long openTotal;

  RingView(BucketRing ring, long atMillis) {
    this.ring = ring;
    this.stepNanos = ring.stepMillis * NANOS_PER_MILLI;
    this.atNanos = Math.multiplyExact(atMillis, NANOS_PER_MILLI);
    this.open = ring.open();
    long[] c = ring.openCounts();
    this.openGood = c[0];
    this.openTotal = c[1];
  }

  @Override
  public List<EventCounts> counts(Slo slo, List<Window> windows) {
    List<EventCounts> out = new ArrayList<>(windows.size());
    for (Window w : windows) {
      out.add(count(nanos(w.start()), nanos(w.end())));
    }
    return out;
  }

  @Override
  public List<EventCounts> slices(Slo slo, Instant from, Instant to, Duration step) {
    List<EventCounts> out = new ArrayList<>();
    forEachSlice(
        slo,
        from,
        to,
        step,
        (good, total, count) -> {
          for (int i = 0; i < count; i++) {
            out.add(total[i] == 0 ? EventCounts.ZERO : new EventCounts(good[i], total[i]));
          }
        });
    return out;
  }

  @Override
  public int forEachSlice(Slo slo, Instant from, Instant to, Duration step, SliceSink sink) {
    long f = nanos(from);
    long t = nanos(to);
    long st = step.toNanos();
    if (st <= 0) {
      throw new IllegalArgumentException(step + " is not a valid slice step: it must be positive");
    }
    int n = t <= f ? 0 : Math.toIntExact((t - f + st - 1) / st);
    long[] good = new long[Math.max(1, Math.min(n, SliceSink.BLOCK))];
    long[] total = new long[good.length];
    int filled = 0;
    // walk the closed steps once: a slice's closed steps are those whose end lies in the slice
    long prevIdx = closedEnd(f);
    long prevGood = ring.prefix(prevIdx, true);
    long prevTotal = ring.prefix(prevIdx, false);
    for (int k = 0; k < n; k++) {
      long s = f + k * st;
      long e = k == n - 1 ? t : s + st;
      long idx = closedEnd(e);
      long g = prevGood;
      long tot = prevTotal;
      if (idx > prevIdx) {
        g = advance(prevIdx, idx, prevGood, true);
        tot = advance(prevIdx, idx, prevTotal, false);
      }
      long sliceGood = g - prevGood;
      long sliceTotal = tot - prevTotal;
      if (s < atNanos && atNanos <= e) {
        sliceGood += openGood;
        sliceTotal += openTotal;
      }
      good[filled] = sliceGood;
      total[filled] = sliceTotal;
      if (++filled == good.length) {
        sink.accept(good, total, filled);
        filled = 0;
      }
      if (idx > prevIdx) {
        prevIdx = idx;
        prevGood = g;
        prevTotal = tot;
      }
    }
    if (filled > 0) {
      sink.accept(good, total, filled);
    }
    return n;
  }

  // prefix at `to` from the prefix at `from`, adding steps one by one when that is cheaper
  private long advance(long from, long to, long prefixFrom, boolean ofGood) {
    if (to - from > BucketRing.BLOCK || from < ring.lowest()) {
      return ring.prefix(to, ofGood);
    }
    return prefixFrom + ring.rangeSum(from, to, ofGood);
  }

  /** Events in {@code (s, e]}: closed steps whose end lies in it, plus the open step at "at". */
  EventCounts count(long s, long e) {
    long lo = Math.floorDiv(s, stepNanos);
    long hi = closedEnd(e);
    long g = 0;
    long t = 0;
    if (hi > lo) {
      g = ring.prefix(hi, true) - ring.prefix(lo, true);
      t = ring.prefix(hi, false) - ring.prefix(lo, false);
    }
    if (s < atNanos && atNanos <= e) {
      g += openGood;
      t += openTotal;
    }
    return t == 0 ? EventCounts.ZERO : new EventCounts(g, t);
  }

  // one past the last closed step whose end (i+1)*step is at or before e
  private long closedEnd(long e) {
    return Math.min(Math.floorDiv(e, stepNanos), open);
  }

  private static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }
}
