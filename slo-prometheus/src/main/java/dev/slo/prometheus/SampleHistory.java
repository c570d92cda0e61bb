package dev.slo.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Raw counter samples kept between evaluation passes, so that a long-running server reads each
 * sample from Prometheus about once: after the first read of a selector, a pass asks only for the
 * samples since the previous read plus {@link #DEFAULT_REFETCH} before it (samples that arrived
 * late, e.g. a slow scrape or an out-of-order write, replace what was kept there). What a read
 * returns is exactly what a full read of {@code [from, at]} would: the kept samples are cut to that
 * range, series by series (keyed by their labels), so the increases computed from them are the
 * same, counter resets included. A read for an instant before the last one, or reaching further
 * back than what is kept, is a full read. Keeps samples back to the longest range asked for, 16
 * bytes each, at most {@code maxBytes} of them: past that, the selectors read least recently are
 * forgotten (their next read is a full one). Thread-safe.
 */
final class SampleHistory {
  /** How far before the previous read each later read reaches again, for late samples. */
  static final Duration DEFAULT_REFETCH = Duration.ofMinutes(10);

  /** Samples kept at most by default, in bytes (16 a sample): 8M samples. */
  static final long DEFAULT_MAX_BYTES = 128L << 20;

  private final Duration refetch;
  private final long maxBytes;
  private final ConcurrentHashMap<String, Kept> bySelector = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong clock =
      new java.util.concurrent.atomic.AtomicLong();

  SampleHistory(Duration refetch, long maxBytes) {
    if (refetch.isNegative()) {
      throw new IllegalArgumentException(refetch + " is not a valid refetch span: use >= 0");
    }
    if (maxBytes < 0) {
      throw new IllegalArgumentException(maxBytes + " is not a valid size: use >= 0");
    }
    this.refetch = refetch;
    this.maxBytes = maxBytes;
  }

  /**
   * The series of {@code selector} with their samples in {@code [from, at]}.
   *
   * @param fetch reads {@code selector} over a range ending at {@code at}: the range, the instant
   */
  List<QueryResult.Series> read(
      String selector,
      Instant from,
      Instant at,
      BiFunction<Duration, Instant, List<QueryResult.Series>> fetch) {
    Kept k = bySelector.computeIfAbsent(selector, s -> new Kept());
    List<QueryResult.Series> out;
    synchronized (k) {
      k.used = clock.incrementAndGet();
      long fromMs = from.toEpochMilli();
      long atMs = at.toEpochMilli();
      if (k.readAt == Long.MIN_VALUE || atMs < k.readAt || fromMs < k.coverFrom) {
        k.replace(fetch.apply(Duration.between(from, at), at), fromMs);
      } else if (atMs > k.readAt) {
        long since = Math.max(fromMs, k.readAt - refetch.toMillis());
        k.merge(fetch.apply(Duration.ofMillis(atMs - since), at), since);
      }
      k.readAt = atMs;
      k.longest = Math.max(k.longest, atMs - fromMs);
      k.trim(atMs - k.longest);
      long n = 0;
      for (Series s : k.series.values()) {
        n += s.n;
      }
      k.samples = n;
      out = k.slice(fromMs, atMs);
    }
    forgetPast(k);
    return out;
  }

  /** Forgets the selectors read least recently (never {@code keep}) while over the limit. */
  private void forgetPast(Kept keep) {
    long total = 0;
    for (Kept k : bySelector.values()) {
      total += k.samples;
    }
    if (16 * total <= maxBytes) {
      return;
    }
    List<Map.Entry<String, Kept>> byUse = new ArrayList<>(bySelector.entrySet());
    byUse.sort(java.util.Comparator.comparingLong(e -> e.getValue().used));
    for (Map.Entry<String, Kept> e : byUse) {
      if (16 * total <= maxBytes) {
        break;
      }
      if (e.getValue() != keep && bySelector.remove(e.getKey(), e.getValue())) {
        total -= e.getValue().samples;
      }
    }
  }

  /** True when a read of {@code [from, at]} would send no request. */
  boolean covers(String selector, Instant from, Instant at) {
    Kept k = bySelector.get(selector);
    if (k == null) {
      return false;
    }
    synchronized (k) {
      return k.readAt == at.toEpochMilli() && k.coverFrom <= from.toEpochMilli();
    }
  }

  /** Samples kept, for tests and memory figures. */
  long samples() {
    long n = 0;
    for (Kept k : bySelector.values()) {
      synchronized (k) {
        for (Series s : k.series.values()) {
          n += s.n;
        }
      }
    }
    return n;
  }

  /** What is kept of one selector. */
  private static final class Kept {
    final Map<Map<String, String>, Series> series = new LinkedHashMap<>();
    long readAt = Long.MIN_VALUE; // the instant of the last read
    long coverFrom = Long.MAX_VALUE; // every sample at or after this (up to readAt) is kept
    long longest; // the longest range asked for, in milliseconds
    volatile long used; // when last read, on the history's counter
    volatile long samples; // samples kept, as of the last read

    void replace(List<QueryResult.Series> fetched, long fromMs) {
      series.clear();
      for (QueryResult.Series f : fetched) {
        Series s = new Series();
        s.append(f, Long.MIN_VALUE);
        series.put(f.labels(), s);
      }
      coverFrom = fromMs;
    }

    /** Keeps samples at or before {@code sinceMs}, takes the fetched ones after it. */
    void merge(List<QueryResult.Series> fetched, long sinceMs) {
      for (Series s : series.values()) {
        s.cutAfter(sinceMs);
      }
      for (QueryResult.Series f : fetched) {
        series.computeIfAbsent(f.labels(), l -> new Series()).append(f, sinceMs);
      }
    }

    void trim(long keepFromMs) {
      if (keepFromMs > coverFrom) {
        for (Series s : series.values()) {
          s.dropBefore(keepFromMs);
        }
        coverFrom = keepFromMs;
      }
    }

    List<QueryResult.Series> slice(long fromMs, long atMs) {
      List<QueryResult.Series> out = new ArrayList<>(series.size());
      for (Map.Entry<Map<String, String>, Series> e : series.entrySet()) {
        Series s = e.getValue();
        int a = s.firstAtOrAfter(fromMs);
        int b = s.firstAtOrAfter(atMs + 1);
        if (b > a) {
          out.add(
              new QueryResult.Series(
                  e.getKey(),
                  Arrays.copyOfRange(s.millis, s.start + a, s.start + b),
                  Arrays.copyOfRange(s.values, s.start + a, s.start + b)));
        }
      }
      return out;
    }
  }

  /** One series' samples in time order, in growable primitive arrays. */
  private static final class Series {
    long[] millis = new long[16];
    double[] values = new double[16];
    int start; // the first live sample
    int n; // live samples

    /** Appends the samples of {@code f} after {@code afterMs} (they come in time order). */
    void append(QueryResult.Series f, long afterMs) {
      long last = n == 0 ? Long.MIN_VALUE : millis[start + n - 1];
      for (int i = 0; i < f.size(); i++) {
        long t = f.millis()[i];
        if (t > afterMs && t > last) {
          if (start + n == millis.length) {
            grow();
          }
          millis[start + n] = t;
          values[start + n] = f.values()[i];
          n++;
          last = t;
        }
      }
    }

    void cutAfter(long ms) {
      n = firstAtOrAfter(ms + 1);
    }

    void dropBefore(long ms) {
      int k = firstAtOrAfter(ms);
      start += k;
      n -= k;
    }

    /** Index (from {@code start}) of the first sample at or after {@code ms}. */
    int firstAtOrAfter(long ms) {
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (millis[start + mid] < ms) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    private void grow() {
      // compact first when at least half the array is dropped samples, else double
      int cap = n * 2 <= millis.length ? millis.length : millis.length * 2;
      long[] m = new long[cap];
      double[] v = new double[cap];
      System.arraycopy(millis, start, m, 0, n);
      System.arraycopy(values, start, v, 0, n);
      millis = m;
      values = v;
      start = 0;
    }
  }
}
