package dev.slo.testing;

import dev.slo.core.source.EventSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Eight days of shop traffic on three routes at a 60-second step, with known per-minute counts:
 * {@code /pay} has an incident (20% errors for the last 50 minutes), {@code /cart} about one error
 * in 2,000, {@code /search} never fails (it has no {@code code="500"} series at all) and its
 * counter resets on day 3; a latency histogram per route has a 0.3 s bucket. Writes OpenMetrics for
 * backfill and the same counts per route, so a grouped SLO read from Prometheus can be compared
 * with the same data from a file.
 */
public final class GroupedWorkload {
  public static final Instant END = Instant.parse("2026-11-20T00:00:00Z");
  public static final int MINUTES = 8 * 24 * 60;
  public static final Instant START = END.minus(Duration.ofMinutes(MINUTES));
  public static final List<String> ROUTES = List.of("/cart", "/pay", "/search");
  public static final int RESET = 3 * 24 * 60;

  /** Per route (in {@link #ROUTES} order), events of the minute ending at START + i minutes. */
  public final long[][] good = new long[3][MINUTES + 1];

  public final long[][] bad = new long[3][MINUTES + 1];

  /** Per route, requests of the minute served in 0.3 s or less (a latency histogram). */
  public final long[][] fast = new long[3][MINUTES + 1];

  public GroupedWorkload() {
    SplittableRandom r = new SplittableRandom(12);
    for (int i = 1; i <= MINUTES; i++) {
      for (int k = 0; k < 3; k++) {
        long total = 100 + r.nextInt(100) + 200L * k;
        long b =
            switch (ROUTES.get(k)) {
              case "/pay" -> MINUTES - i < 50 ? total / 5 : (r.nextInt(1000) < 2 ? 1 : 0);
              case "/cart" -> r.nextInt(10) == 0 ? 1 : 0;
              default -> 0;
            };
        bad[k][i] = b;
        good[k][i] = total - b;
        fast[k][i] = Math.max(0, total - b - r.nextInt(3));
      }
    }
  }

  public static Instant at(int i) {
    return START.plus(Duration.ofMinutes(i));
  }

  public String openMetrics() {
    StringBuilder sb = new StringBuilder();
    sb.append("# HELP shop_requests Requests.\n# TYPE shop_requests counter\n");
    for (int k = 0; k < 3; k++) {
      String route = ROUTES.get(k);
      counter(sb, series(route, "200"), good[k], route.equals("/search"));
      if (!route.equals("/search")) {
        counter(sb, series(route, "500"), bad[k], false);
      }
    }
    sb.append("# HELP shop_request_duration_seconds Latency.\n");
    sb.append("# TYPE shop_request_duration_seconds histogram\n");
    for (int k = 0; k < 3; k++) {
      String labels = "route=\"" + ROUTES.get(k) + "\",service=\"shop\"}";
      long[] all = new long[MINUTES + 1];
      for (int i = 0; i <= MINUTES; i++) {
        all[i] = good[k][i] + bad[k][i];
      }
      String h = "shop_request_duration_seconds";
      counter(sb, h + "_bucket{le=\"0.3\"," + labels, fast[k], false);
      counter(sb, h + "_bucket{le=\"+Inf\"," + labels, all, false);
      counter(sb, h + "_count{" + labels, all, false);
    }
    sb.append("# EOF\n");
    return sb.toString();
  }

  private static String series(String route, String code) {
    return "shop_requests_total{code=\"" + code + "\",route=\"" + route + "\",service=\"shop\"}";
  }

  private static void counter(StringBuilder sb, String series, long[] perMinute, boolean reset) {
    Workload.counter(sb, series, perMinute, START, reset ? RESET : -1);
  }

  /**
   * The same counts as a data file (docs/spec.md) with a {@code labels} column: one row per route
   * and minute, under {@code sloId}.
   */
  public String csv(String sloId) {
    return csv(sloId, good);
  }

  /** The latency counts (good: at most 0.3 s) as a data file with a {@code labels} column. */
  public String latencyCsv(String sloId) {
    return csv(sloId, fast);
  }

  private String csv(String sloId, long[][] goodCounts) {
    StringBuilder sb = new StringBuilder("timestamp,slo_id,good_events,total_events,labels\n");
    for (int i = 1; i <= MINUTES; i++) {
      for (int k = 0; k < 3; k++) {
        sb.append(at(i).getEpochSecond())
            .append(',')
            .append(sloId)
            .append(',')
            .append(goodCounts[k][i])
            .append(',')
            .append(good[k][i] + bad[k][i])
            .append(",\"{\"\"route\"\":\"\"")
            .append(ROUTES.get(k))
            .append("\"\"}\"\n");
      }
    }
    return sb.toString();
  }

  /** The counts of one route as a series. */
  public EventSeries series(int route) {
    EventSeries.Builder b = EventSeries.builder(MINUTES);
    for (int i = 1; i <= MINUTES; i++) {
      b.add(at(i), good[route][i], good[route][i] + bad[route][i]);
    }
    return b.build();
  }
}
