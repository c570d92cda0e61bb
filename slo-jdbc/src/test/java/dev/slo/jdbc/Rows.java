package dev.slo.jdbc;

import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.store.SliMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated SLOs and SLI rows for tests. */
final class Rows {
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private Rows() {}

  static Slo slo(String id, String service) {
    return Slo.builder()
        .sloId(id)
        .sloName("Name of " + id)
        .serviceName(service)
        .sloType(SloType.AVAILABILITY)
        .targetPercentage(99.0)
        .timePeriod(TimePeriod.ROLLING_30D)
        .sliQuery("q")
        .description("d")
        .build();
  }

  /**
   * {@code n} rows at {@code step} from {@code start}, with pseudo-random counts from {@code seed}.
   */
  static List<SliMetric> minutes(String sloId, Instant start, int n, Duration step, long seed) {
    Random r = new Random(seed);
    List<SliMetric> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long total = r.nextInt(1000);
      long good = total - (total == 0 ? 0 : r.nextInt((int) Math.min(total, 20) + 1));
      out.add(SliMetric.ofCounts(sloId, start.plus(step.multipliedBy(i)), good, total));
    }
    return out;
  }

  static EventSeries series(List<SliMetric> rows) {
    EventSeries.Builder b = EventSeries.builder(rows.size());
    for (SliMetric m : rows) {
      b.add(m.timestamp(), m.goodEvents(), m.totalEvents());
    }
    return b.build();
  }

  static long sumTotal(List<SliMetric> rows) {
    return rows.stream().mapToLong(SliMetric::totalEvents).sum();
  }

  static long sumGood(List<SliMetric> rows) {
    return rows.stream().mapToLong(SliMetric::goodEvents).sum();
  }
}
