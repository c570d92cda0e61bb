package dev.slo.core.source;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A non-decreasing sequence of running sums (prefix sums of event counts), stored compactly: a long
 * base every {@value #BLOCK} positions plus an int offset per position, so 4 bytes a position
 * instead of 8. When a block's offsets do not fit in an int the whole sequence is kept as longs.
 * Exact either way. Immutable once built.
 */
final class Cumulative {
  static final int SHIFT = 6;
  static final int BLOCK = 1 << SHIFT;

  private final long[] base; // base[b] = value at position b << SHIFT; empty when wide
  private final int[] off; // value at p = base[p >>> SHIFT] + off[p]; empty when wide
  private final long @Nullable [] wide; // every value, when the offsets do not fit in ints

  private Cumulative(long[] base, int[] off, long @Nullable [] wide) {
    this.base = base;
    this.off = off;
    this.wide = wide;
  }

  /** The value at position {@code p}. */
  long at(int p) {
    return wide != null ? wide[p] : base[p >>> SHIFT] + off[p];
  }

  /** True when values are kept as block bases plus int offsets ({@link #base}, {@link #off}). */
  boolean compact() {
    return wide == null;
  }

  long[] base() {
    return base;
  }

  int[] off() {
    return off;
  }

  /** Bytes held by the arrays (headers excluded). */
  long bytes() {
    return wide != null ? 8L * wide.length : 8L * base.length + 4L * off.length;
  }

  /** Appends values in order; positions start at 0. Not thread-safe. */
  static final class Builder {
    private long[] base;
    private int[] off;
    private long @Nullable [] wide;
    private int size;

    Builder(int capacity) {
      int c = Math.max(BLOCK, capacity);
      off = new int[c];
      base = new long[(c >>> SHIFT) + 1];
    }

    int size() {
      return size;
    }

    long at(int p) {
      return wide != null ? wide[p] : base[p >>> SHIFT] + off[p];
    }

    void append(long value) {
      int p = size;
      if (wide != null) {
        if (p == wide.length) {
          wide = Arrays.copyOf(wide, grow(p));
        }
        wide[p] = value;
        size++;
        return;
      }
      if (p == off.length) {
        off = Arrays.copyOf(off, grow(p));
        base = Arrays.copyOf(base, (off.length >>> SHIFT) + 1);
      }
      int b = p >>> SHIFT;
      if ((p & (BLOCK - 1)) == 0) {
        base[b] = value;
      }
      long d = value - base[b];
      if (d > Integer.MAX_VALUE) {
        widen();
        append(value);
        return;
      }
      off[p] = (int) d;
      size++;
    }

    private void widen() {
      long[] w = new long[off.length];
      for (int i = 0; i < size; i++) {
        w[i] = base[i >>> SHIFT] + off[i];
      }
      wide = w;
      off = new int[0];
      base = new long[0];
    }

    private static int grow(int n) {
      int c = n + (n >>> 1) + 16;
      return c < 0 ? Integer.MAX_VALUE - 8 : c;
    }

    Cumulative build() {
      if (wide != null) {
        return new Cumulative(new long[0], new int[0], Arrays.copyOf(wide, size));
      }
      int blocks = size == 0 ? 0 : ((size - 1) >>> SHIFT) + 1;
      return new Cumulative(Arrays.copyOf(base, blocks), Arrays.copyOf(off, size), null);
    }
  }
}
