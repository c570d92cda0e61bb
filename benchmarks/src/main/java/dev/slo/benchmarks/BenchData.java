package dev.slo.benchmarks;

import dev.slo.core.data.DataRow;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic, realistic benchmark data: 30 days of one-minute rows (43,200 points) ending at
 * {@link #AT}, mostly good with a diurnal traffic shape, a low background error rate and a few
 * incidents. Which incidents a series gets depends on its variant, so that across a fleet some SLOs
 * page, some open tickets, some have spent much of their budget earlier and most are healthy.
 */
final class BenchData {
  /** The evaluation instant; late in a 31-day month so CALENDAR_MONTH covers ~24.5 days. */
  static final Instant AT = Instant.parse("2025-03-25T12:00:00Z");

  /** Rows per series: 30 days of one-minute data. */
  static final int POINTS = 43_200;

  private BenchData() {}

  /**
   * The rows of one series, oldest first, all with {@code sloId}.
   *
   * @param variant picks the incident pattern: 0 fast burn now (pages), 1 slow burn over the last
   *     two days (tickets), 2 a large outage ten days ago, otherwise a few short blips
   * @param seed random seed for traffic and errors
   */
  static List<DataRow> rows(String sloId, int variant, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<DataRow> out = new ArrayList<>(POINTS);
    Instant first = AT.minus(Duration.ofMinutes(POINTS - 1L));
    double baseRate = 0.00005 + rnd.nextDouble() * 0.0001; // 0.005% .. 0.015% background errors
    int baseTraffic = 200 + rnd.nextInt(800);
    // a few short blips anywhere in the month: start minute, length, error rate
    int blips = 2 + rnd.nextInt(3);
    int[] blipStart = new int[blips];
    int[] blipLen = new int[blips];
    double[] blipRate = new double[blips];
    for (int b = 0; b < blips; b++) {
      blipStart[b] = rnd.nextInt(POINTS - 60 * 24); // not in the last day
      blipLen[b] = 5 + rnd.nextInt(20);
      blipRate[b] = 0.01 + rnd.nextDouble() * 0.04;
    }
    for (int m = 0; m < POINTS; m++) {
      int minutesBeforeAt = POINTS - 1 - m;
      double hourOfDay = (m % 1440) / 60.0;
      double diurnal = 1.0 + 0.6 * Math.sin((hourOfDay - 9) / 24.0 * 2 * Math.PI);
      long total = Math.max(1, Math.round(baseTraffic * diurnal * (0.9 + 0.2 * rnd.nextDouble())));
      double rate = baseRate;
      for (int b = 0; b < blips; b++) {
        if (m >= blipStart[b] && m < blipStart[b] + blipLen[b]) {
          rate = Math.max(rate, blipRate[b]);
        }
      }
      switch (variant) {
        case 0 -> {
          if (minutesBeforeAt < 50) {
            rate = 0.03; // ~30x burn at 99.9%: page_1h_5m fires
          }
        }
        case 1 -> {
          if (minutesBeforeAt < 2 * 1440) {
            rate = 0.004; // ~4x burn at 99.9%: both ticket tiers fire
          }
        }
        case 2 -> {
          if (minutesBeforeAt >= 10 * 1440 && minutesBeforeAt < 10 * 1440 + 180) {
            rate = 0.08; // a three-hour outage ten days ago
          }
        }
        default -> {}
      }
      long bad = errors(rnd, total, rate);
      out.add(new DataRow(m + 2, first.plus(Duration.ofMinutes(m)), sloId, total - bad, total));
    }
    return out;
  }

  /** Bad events for one minute: the expected count, with the fraction rounded at random. */
  private static long errors(SplittableRandom rnd, long total, double rate) {
    double expected = total * rate;
    long whole = (long) expected;
    long bad = whole + (rnd.nextDouble() < expected - whole ? 1 : 0);
    return Math.min(total, bad);
  }

  /** The series of some rows, built the way the data file reader builds it. */
  static EventSeries series(List<DataRow> rows) {
    EventSeries.Builder b = EventSeries.builder(POINTS);
    for (DataRow r : rows) {
      b.add(r.timestamp(), r.goodEvents(), r.totalEvents());
    }
    return b.build();
  }

  /** An occurrences SLO. */
  static Slo slo(String id, double target, TimePeriod period) {
    return Slo.builder()
        .sloId(id)
        .sloName("Benchmark " + id)
        .serviceName("svc-" + id)
        .sloType(SloType.AVAILABILITY)
        .targetPercentage(target)
        .timePeriod(period)
        .build();
  }

  /** A timeslices SLO: 5-minute slices, good when at least {@code sliceTarget}% good. */
  static Slo timesliceSlo(String id, double target, TimePeriod period, double sliceTarget) {
    return slo(id, target, period).toBuilder()
        .budgetingMethod(BudgetingMethod.TIMESLICES)
        .timesliceLength(Duration.ofMinutes(5))
        .timesliceTargetPercentage(sliceTarget)
        .build();
  }
}
