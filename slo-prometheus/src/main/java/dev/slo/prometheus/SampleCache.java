package dev.slo.prometheus;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Raw counter samples that exact mode has read for one evaluation instant, so that SLOs sharing a
 * selector read it once. Holds at most {@link #MAX_BYTES} of samples (least recently used go
 * first), for one instant and at most {@link TermCache#MAX_AGE} of wall time. Thread-safe.
 */
final class SampleCache {
  /** Samples kept at most, in bytes (16 a sample). */
  static final long MAX_BYTES = 64L << 20;

  /**
   * Samples of one selector.
   *
   * @param from the samples cover {@code (from, at]}
   * @param series one per series
   */
  record Entry(Instant from, List<CounterIncrease> series, long bytes) {}

  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private @Nullable Instant at; // the instant the entries are for, null until the first use
  private long createdNanos;
  private long bytes;

  /** The samples of {@code selector} at {@code at} reaching back to {@code from}, or null. */
  synchronized @Nullable Entry get(String selector, Instant at, Instant from) {
    scope(at);
    Entry e = entries.get(selector);
    return e != null && !e.from().isAfter(from) ? e : null;
  }

  synchronized void put(String selector, Instant at, Entry e) {
    scope(at);
    Entry old = entries.put(selector, e);
    bytes += e.bytes() - (old == null ? 0 : old.bytes());
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (bytes > MAX_BYTES && it.hasNext()) {
      Map.Entry<String, Entry> first = it.next();
      if (first.getKey().equals(selector)) {
        continue;
      }
      bytes -= first.getValue().bytes();
      it.remove();
    }
  }

  private void scope(Instant at) {
    long now = System.nanoTime();
    if (!at.equals(this.at) || now - createdNanos > TermCache.MAX_AGE.toNanos()) {
      entries.clear();
      bytes = 0;
      this.at = at;
      createdNanos = now;
    }
  }
}
