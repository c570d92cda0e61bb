package dev.slo.testing;

import dev.slo.core.source.EventSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Thirty days of checkout traffic at a 60-second step with known per-minute counts: a counter reset
 * (process restart) on day 12, an incident (10% errors for 40 minutes) ending 3 hours before the
 * end, and a latency histogram. Writes OpenMetrics for backfill and the same counts as an in-memory
 * series, so both sources can be compared.
 */
public final class Workload {
  public static final Instant END = Instant.parse("2026-10-31T00:00:00Z");
  public static final int MINUTES =
      30 * 24 * 60 + 2 * 24 * 60; // 32 days, so 30-day windows have history
  public static final Instant START = END.minus(Duration.ofMinutes(MINUTES));

  public final long[] good =
      new long[MINUTES + 1]; // events of the minute ending at START + i minutes
  public final long[] bad = new long[MINUTES + 1];
  public final long[] fast = new long[MINUTES + 1]; // requests at or under 0.3 s

  public Workload() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 1; i <= MINUTES; i++) {
      long total = 800 + r.nextInt(400);
      long b = r.nextInt(100) < 30 ? 1 : 0;
      int minutesBeforeEnd = MINUTES - i;
      if (minutesBeforeEnd >= 180 && minutesBeforeEnd < 220) {
        b = total / 10;
      }
      bad[i] = b;
      good[i] = total - b;
      fast[i] = total - b - r.nextInt(5);
    }
  }

  public Instant at(int i) {
    return START.plus(Duration.ofMinutes(i));
  }

  /** The index of the counter reset: from here the counters restart at this minute's count. */
  public static final int RESET = 12 * 24 * 60;

  public String openMetrics() {
    StringBuilder sb = new StringBuilder();
    sb.append("# HELP http_requests Requests.\n# TYPE http_requests counter\n");
    counter(sb, "http_requests_total{code=\"200\",service=\"checkout\"}", good);
    counter(sb, "http_requests_total{code=\"500\",service=\"checkout\"}", bad);
    sb.append("# HELP http_request_duration_seconds Latency.\n");
    sb.append("# TYPE http_request_duration_seconds histogram\n");
    long[] all = new long[good.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = good[i] + bad[i];
    }
    counter(
        sb, "http_request_duration_seconds_bucket{le=\"0.1\",service=\"checkout\"}", half(fast));
    counter(sb, "http_request_duration_seconds_bucket{le=\"0.3\",service=\"checkout\"}", fast);
    counter(sb, "http_request_duration_seconds_bucket{le=\"+Inf\",service=\"checkout\"}", all);
    counter(sb, "http_request_duration_seconds_count{service=\"checkout\"}", all);
    sb.append("# EOF\n");
    return sb.toString();
  }

  private static long[] half(long[] x) {
    long[] h = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      h[i] = x[i] / 2;
    }
    return h;
  }

  private void counter(StringBuilder sb, String series, long[] perMinute) {
    counter(sb, series, perMinute, START, RESET);
  }

  /**
   * OpenMetrics sample lines of a counter of {@code perMinute} events, one a minute from {@code
   * start} (minute 0) on; at minute {@code resetAt} (or never, when -1) it restarts from that
   * minute's events, as a restarted process's counter does.
   */
  static void counter(
      StringBuilder sb, String series, long[] perMinute, Instant start, int resetAt) {
    long value = 0;
    for (int i = 0; i < perMinute.length; i++) {
      value = i == resetAt ? perMinute[i] : value + perMinute[i];
      sb.append(series)
          .append(' ')
          .append(value)
          .append(' ')
          .append(start.plus(Duration.ofMinutes(i)).getEpochSecond())
          .append('\n');
    }
  }

  public EventSeries series(long[] goodPerMinute, long[] badPerMinute) {
    EventSeries.Builder b = EventSeries.builder(MINUTES);
    for (int i = 1; i <= MINUTES; i++) {
      b.add(at(i), goodPerMinute[i], goodPerMinute[i] + badPerMinute[i]);
    }
    return b.build();
  }
}
