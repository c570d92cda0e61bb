package dev.slo.core.tracker;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One SLO's event counts in fixed time steps. Step {@code i} covers {@code (i*step, (i+1)*step]} in
 * epoch milliseconds, left-open and right-closed like every window. The open step's events are
 * added to striped cells (one atomic add of a packed good/total pair per event, no lock, no
 * allocation); when time passes a step boundary the cells are drained into a ring of closed steps
 * (unsigned 32-bit good and total per step) with exact 64-bit prefix sums per block of {@value
 * #BLOCK} steps, so the sum of any range of closed steps costs at most {@code 2 * (BLOCK - 1)}
 * additions. Memory is fixed at creation.
 *
 * <p>Thread-safety: any number of threads may {@link #add} concurrently. Rolling to a new step,
 * flushing a nearly full cell and every read hold {@link #lock}; writers never wait for it (they
 * skip the roll when another thread holds it) except in the rare spill paths documented on {@link
 * #add}.
 */
final class BucketRing {
  /** Steps per prefix-sum block. */
  static final int BLOCK = 32;

  /** Largest total one call adds through the lock-free cells; larger ones take the lock. */
  static final long FAST_MAX = 0xFFFF;

  private static final long LOW = 0xFFFFFFFFL;
  private static final long FLUSH_AT = 1L << 31;
  private static final int STRIDE = 16; // longs per cell: 128 bytes, no false sharing
  private static final int WIDE = -1; // slot marker: the step's exact counts are in `huge`
  private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);

  final long stepMillis;
  final int size; // steps in the ring, a multiple of BLOCK
  private final int blocks;
  private final int[] good; // closed step i at i mod size, unsigned
  private final int[] total;
  private final long[] blockGood; // closed sums before block k's first step, at k mod blocks
  private final long[] blockTotal;
  private final long[] cells; // packed (good << 32 | total) of the open step, per stripe
  private final int stripeMask;
  final ReentrantLock lock = new ReentrantLock();

  private volatile long openEndMillis; // end of the open step: (open + 1) * step
  private long open; // the open step; guarded by lock
  private long lowest; // lowest step whose prefix is known (all steps before origin are zero)
  private long closedGood; // sums of all closed steps since the origin; guarded by lock
  private long closedTotal;
  private long wideGood; // open-step events that went around the cells; guarded by lock
  private long wideTotal;
  private @Nullable Map<Long, long[]> huge; // closed steps above 2^32 - 2 events; guarded by lock

  /**
   * A ring able to answer any range of closed steps reaching {@code reachSteps} back from the open
   * step.
   *
   * @param stepMillis the step length in milliseconds
   * @param reachSteps how many closed steps reads must reach back
   * @param stripes the number of cells, a power of two
   * @param nowMillis the current time; its step is the first open one
   */
  BucketRing(long stepMillis, long reachSteps, int stripes, long nowMillis) {
    if (Integer.bitCount(stripes) != 1) {
      throw new IllegalArgumentException(stripes + " is not a valid stripe count: use 2^k");
    }
    this.stepMillis = stepMillis;
    long n = (reachSteps + 1 + BLOCK + BLOCK - 1) / BLOCK * BLOCK;
    if (n > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException(
          reachSteps + " steps is not a valid ring size: use a longer step");
    }
    this.size = (int) n;
    this.blocks = size / BLOCK;
    this.good = new int[size];
    this.total = new int[size];
    this.blockGood = new long[blocks];
    this.blockTotal = new long[blocks];
    this.cells = new long[(stripes + 1) * STRIDE];
    this.stripeMask = stripes - 1;
    this.open = stepOf(nowMillis);
    this.lowest = Math.floorDiv(open, BLOCK) * BLOCK;
    this.openEndMillis = (open + 1) * stepMillis;
  }

  /** The step holding {@code millis}: {@code (i*step, (i+1)*step]}. */
  long stepOf(long millis) {
    return Math.floorDiv(millis - 1, stepMillis);
  }

  /**
   * Adds events at {@code nowMillis}; {@code 0 <= good <= total} is the caller's check. Lock-free
   * and allocation-free for {@code total <= FAST_MAX}; a larger total, and the flush of a cell
   * holding 2^31 events of one step, take the lock.
   */
  void add(long nowMillis, long good, long total) {
    if (nowMillis > openEndMillis) {
      tryRoll(nowMillis);
    }
    if (total > FAST_MAX) {
      addLocked(nowMillis, good, total);
      return;
    }
    int idx = stripeIndex();
    long delta = (good << 32) | total;
    long v = (long) CELLS.getAndAdd(cells, idx, delta) + delta;
    if ((v & LOW) >= FLUSH_AT) {
      flush(idx);
    }
  }

  private int stripeIndex() {
    long h = Thread.currentThread().getId() * 0x9E3779B97F4A7C15L;
    return ((int) (h >>> 54) & stripeMask) * STRIDE + STRIDE; // consecutive ids spread evenly
  }

  private void tryRoll(long nowMillis) {
    if (lock.tryLock()) {
      try {
        rollTo(nowMillis);
      } finally {
        lock.unlock();
      }
    }
  }

  private void addLocked(long nowMillis, long good, long total) {
    lock.lock();
    try {
      rollTo(nowMillis);
      wideGood = Math.addExact(wideGood, good);
      wideTotal = Math.addExact(wideTotal, total);
    } finally {
      lock.unlock();
    }
  }

  private void flush(int idx) {
    lock.lock();
    try {
      long v = (long) CELLS.getAndSet(cells, idx, 0L);
      wideGood += v >>> 32;
      wideTotal += v & LOW;
    } finally {
      lock.unlock();
    }
  }

  /** Closes every step before the one holding {@code nowMillis}. Caller holds the lock. */
  void rollTo(long nowMillis) {
    long target = stepOf(nowMillis);
    if (target <= open) {
      return;
    }
    long g = wideGood;
    long t = wideTotal;
    wideGood = 0;
    wideTotal = 0;
    for (int i = STRIDE; i < cells.length; i += STRIDE) {
      long v = (long) CELLS.getAndSet(cells, i, 0L);
      g += v >>> 32;
      t += v & LOW;
    }
    close(open, g, t);
    if (target - open > size) {
      // idle longer than the ring: every slot is an empty step
      java.util.Arrays.fill(good, 0);
      java.util.Arrays.fill(total, 0);
      java.util.Arrays.fill(blockGood, closedGood);
      java.util.Arrays.fill(blockTotal, closedTotal);
      if (huge != null) {
        huge.clear();
      }
    } else {
      for (long i = open + 1; i < target; i++) {
        close(i, 0, 0);
      }
    }
    open = target;
    openEndMillis = (target + 1) * stepMillis;
  }

  private void close(long step, long g, long t) {
    int slot = (int) Math.floorMod(step, (long) size);
    if (total[slot] == WIDE && huge != null) {
      huge.remove(step - size);
    }
    if (t > LOW - 1) {
      if (huge == null) {
        huge = new HashMap<>();
      }
      huge.put(step, new long[] {g, t});
      good[slot] = WIDE;
      total[slot] = WIDE;
    } else {
      good[slot] = (int) g;
      total[slot] = (int) t;
    }
    closedGood = Math.addExact(closedGood, g);
    closedTotal = Math.addExact(closedTotal, t);
    if (Math.floorMod(step + 1, (long) BLOCK) == 0) {
      int b = (int) Math.floorMod((step + 1) / BLOCK, (long) blocks);
      blockGood[b] = closedGood;
      blockTotal[b] = closedTotal;
    }
  }

  /** The open step. Caller holds the lock. */
  long open() {
    return open;
  }

  /** The lowest step whose prefix sums are known. Caller holds the lock. */
  long lowest() {
    return Math.max(lowest, (Math.floorDiv(open, BLOCK) - blocks + 1) * BLOCK);
  }

  /** The open step's events: {good, total}. Caller holds the lock. */
  long[] openCounts() {
    long g = wideGood;
    long t = wideTotal;
    for (int i = STRIDE; i < cells.length; i += STRIDE) {
      long v = (long) CELLS.getVolatile(cells, i);
      g += v >>> 32;
      t += v & LOW;
    }
    return new long[] {g, t};
  }

  /**
   * Events of the closed steps before {@code step} (clamped to {@code [lowest(), open()]}) since
   * the origin, good or total. Caller holds the lock.
   */
  long prefix(long step, boolean ofGood) {
    long i = Math.min(Math.max(step, lowest()), open);
    long blockStart = Math.floorDiv(i, BLOCK) * BLOCK;
    int b = (int) Math.floorMod(blockStart / BLOCK, (long) blocks);
    long sum = ofGood ? blockGood[b] : blockTotal[b];
    int[] arr = ofGood ? good : total;
    int slot = (int) Math.floorMod(blockStart, (long) size);
    for (long s = blockStart; s < i; s++, slot++) {
      int v = arr[slot];
      if (total[slot] == WIDE) {
        sum += hugeAt(s)[ofGood ? 0 : 1];
      } else {
        sum += Integer.toUnsignedLong(v);
      }
    }
    return sum;
  }

  /**
   * Events of closed steps {@code [from, to)}, good or total; both within {@code [lowest(),
   * open()]}. Caller holds the lock.
   */
  long rangeSum(long from, long to, boolean ofGood) {
    int[] arr = ofGood ? good : total;
    long sum = 0;
    int slot = (int) Math.floorMod(from, (long) size);
    for (long s = from; s < to; s++) {
      if (total[slot] == WIDE) {
        sum += hugeAt(s)[ofGood ? 0 : 1];
      } else {
        sum += Integer.toUnsignedLong(arr[slot]);
      }
      slot = slot + 1 == size ? 0 : slot + 1;
    }
    return sum;
  }

  private long[] hugeAt(long step) {
    Map<Long, long[]> h = Objects.requireNonNull(huge, "a WIDE cell has a huge entry");
    return Objects.requireNonNull(h.get(step), "a WIDE cell has a huge entry");
  }

  /** One closed step's events {good, total}, zero outside the known range. Caller holds lock. */
  long[] closed(long step) {
    if (step < lowest() || step >= open) {
      return new long[2];
    }
    int slot = (int) Math.floorMod(step, (long) size);
    if (total[slot] == WIDE) {
      return hugeAt(step).clone();
    }
    return new long[] {Integer.toUnsignedLong(good[slot]), Integer.toUnsignedLong(total[slot])};
  }

  /**
   * Replaces the empty history of a new ring with restored steps: those before the open step go to
   * the ring (steps beyond its reach are dropped), the rest join the open step. Caller holds the
   * lock; call before any add.
   */
  void load(long[] steps, long[] g, long[] t) {
    long low = (Math.floorDiv(open, BLOCK) - blocks + 1) * BLOCK;
    lowest = low;
    long[] sg = new long[(int) (open - low)];
    long[] st = new long[sg.length];
    for (int k = 0; k < steps.length; k++) {
      if (steps[k] >= open) {
        wideGood = Math.addExact(wideGood, g[k]);
        wideTotal = Math.addExact(wideTotal, t[k]);
      } else if (steps[k] >= low) {
        int j = (int) (steps[k] - low);
        sg[j] = Math.addExact(sg[j], g[k]);
        st[j] = Math.addExact(st[j], t[k]);
      }
    }
    closedGood = 0;
    closedTotal = 0;
    int b0 = (int) Math.floorMod(low / BLOCK, (long) blocks);
    blockGood[b0] = 0;
    blockTotal[b0] = 0;
    for (int j = 0; j < sg.length; j++) {
      close(low + j, sg[j], st[j]);
    }
  }

  /** Bytes held by this ring's arrays (excluding object headers and the lock). */
  long arrayBytes() {
    return 4L * good.length
        + 4L * total.length
        + 8L * blockGood.length
        + 8L * blockTotal.length
        + 8L * cells.length;
  }
}
