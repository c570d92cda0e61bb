package dev.slo.jdbc;

import dev.slo.core.store.BucketSize;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A window {@code (start, end]} cut into pieces that together count every stored row exactly once:
 * raw rows at the ragged edges, whole hour buckets next to them and whole day buckets inside.
 * Bounds are first truncated to microseconds, the precision of stored timestamps, which keeps the
 * membership of every stored row. Immutable.
 *
 * @param raw raw pieces as {@code (from, to]} windows
 * @param hours hour-bucket pieces as {@code [from, to)} ranges of bucket starts
 * @param days day-bucket pieces as {@code [from, to)} ranges of bucket starts
 */
record WindowSplit(List<Window> raw, List<Window> hours, List<Window> days) {
  private static final Duration MICRO = Duration.ofNanos(1000);

  /** Copies the lists. */
  WindowSplit {
    raw = List.copyOf(raw);
    hours = List.copyOf(hours);
    days = List.copyOf(days);
  }

  /** Splits {@code w}. */
  static WindowSplit of(Window w) {
    Instant s = w.start().truncatedTo(ChronoUnit.MICROS);
    Instant e = w.end().truncatedTo(ChronoUnit.MICROS);
    List<Window> raw = new ArrayList<>(2);
    List<Window> hours = new ArrayList<>(2);
    List<Window> days = new ArrayList<>(1);
    // hour buckets [h, h + 1h) with s < h and h + 1h <= floorHour(e) lie wholly inside (s, e]
    Instant h0 = floor(s, BucketSize.HOUR).plus(BucketSize.HOUR.width());
    Instant h1 = floor(e, BucketSize.HOUR);
    if (!h0.isBefore(h1)) {
      if (s.isBefore(e)) {
        raw.add(new Window(s, e));
      }
      return new WindowSplit(raw, hours, days);
    }
    raw.add(new Window(s, h0.minus(MICRO))); // s < t < h0
    raw.add(new Window(h1.minus(MICRO), e)); // h1 <= t <= e
    Instant d0 = ceil(h0, BucketSize.DAY);
    Instant d1 = floor(h1, BucketSize.DAY);
    if (d0.isBefore(d1)) {
      addIfNotEmpty(hours, h0, d0);
      days.add(new Window(d0, d1));
      addIfNotEmpty(hours, d1, h1);
    } else {
      hours.add(new Window(h0, h1));
    }
    return new WindowSplit(raw, hours, days);
  }

  static Instant floor(Instant t, BucketSize size) {
    long w = size.width().getSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), w) * w);
  }

  private static Instant ceil(Instant t, BucketSize size) {
    Instant f = floor(t, size);
    return f.equals(t) ? t : f.plus(size.width());
  }

  private static void addIfNotEmpty(List<Window> out, Instant from, Instant to) {
    if (from.isBefore(to)) {
      out.add(new Window(from, to));
    }
  }
}
