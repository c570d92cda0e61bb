package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionCategory;
import dev.slo.core.correction.CorrectionScope;
import dev.slo.core.correction.Corrections;
import dev.slo.core.correction.Recurrence;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.store.SliMetric;
import dev.slo.testing.OwnDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same SLOs and corrections give the same evaluation from the PostgreSQL store as from the rows
 * in memory (a data file), across the 2026 daylight-saving changes of New York and Berlin. Uses its
 * own database, {@code slo_corr_test}.
 */
class CorrectionsStoreIT {
  private static final String DB = "slo_corr_test";
  private static JdbcStore store;
  private static InMemoryEventSource memory;

  @BeforeAll
  static void load() {
    store = JdbcStore.open(OwnDatabase.fresh(DB), Map.of());
    Random r = new Random(42);
    List<SliMetric> rows = new ArrayList<>();
    Instant t = Instant.parse("2026-02-20T00:00:00Z");
    Instant end = Instant.parse("2026-04-01T00:00:00Z");
    while (t.isBefore(end)) {
      long total = r.nextInt(40);
      long bad = total == 0 ? 0 : r.nextInt((int) total / 8 + 1);
      rows.add(SliMetric.ofCounts("s", t, total - bad, total));
      t = t.plusSeconds(r.nextInt(3) == 0 ? 60 : 1 + r.nextInt(240));
    }
    store.ingest(rows.iterator(), n -> {}, 10_000, Duration.ofSeconds(30));
    memory = new InMemoryEventSource(Map.of("s", Rows.series(rows)));
  }

  @AfterAll
  static void tearDown() {
    if (store != null) {
      store.close();
    }
  }

  private static Correction c(String id, String start, Duration length, String zone, String rule) {
    return new Correction(
        id,
        CorrectionScope.slo("s"),
        Instant.parse(start),
        length,
        zone == null ? null : ZoneId.of(zone),
        CorrectionCategory.SCHEDULED_MAINTENANCE,
        "",
        rule == null ? null : Recurrence.parse(rule));
  }

  private static final Corrections CORRECTIONS =
      new Corrections(
          List.of(
              // Sundays 02:00-04:00 New York, across 2026-03-08
              c(
                  "ny",
                  "2026-02-22T07:00:00Z",
                  Duration.ofHours(2),
                  "America/New_York",
                  "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2"),
              // Saturdays 22:00 Berlin for 5h, across 2026-03-29
              c(
                  "berlin",
                  "2026-02-21T21:00:00Z",
                  Duration.ofHours(5),
                  "Europe/Berlin",
                  "FREQ=WEEKLY;BYDAY=SA;BYHOUR=22"),
              // one-offs off the hour grid, two of them overlapping, one spanning days
              c("a", "2026-03-09T10:17:23.5Z", Duration.ofMinutes(95), null, null),
              c("b", "2026-03-09T11:00:00Z", Duration.ofMinutes(200), null, null),
              c("long", "2026-03-02T13:13:13Z", Duration.ofHours(50), null, null),
              c("late", "2026-03-30T06:59:00Z", Duration.ofMinutes(13), null, null)));

  @Test
  void shouldEvaluateLikeTheRowsInMemory() {
    Evaluator evaluator = new Evaluator(CORRECTIONS);
    Slo rolling = Rows.slo("s", "svc");
    Slo calendar =
        rolling.toBuilder()
            .timePeriod(TimePeriod.CALENDAR_MONTH)
            .timeZone(ZoneId.of("America/New_York"))
            .budgetingMethod(BudgetingMethod.TIMESLICES)
            .timesliceLength(Duration.ofMinutes(5))
            .timesliceTargetPercentage(95.0)
            .build();
    Slo week = rolling.toBuilder().timePeriod(TimePeriod.ROLLING_7D).build();
    int compared = 0;
    for (Slo slo : List.of(rolling, calendar, week)) {
      for (Instant at :
          List.of(
              Instant.parse("2026-03-10T12:00:00Z"),
              Instant.parse("2026-03-09T12:31:07.250Z"),
              Instant.parse("2026-03-30T07:05:00Z"))) {
        Evaluation fromDb = evaluator.evaluate(slo, store.eventSource(), at);
        Evaluation fromMemory = evaluator.evaluate(slo, memory, at);
        assertThat(fromDb).as("%s at %s", slo.timePeriod(), at).isEqualTo(fromMemory);
        assertThat(fromDb.exclusion().events().total()).isPositive();
        assertThat(fromDb.units()).isNotEqualTo(new Evaluator().evaluate(slo, memory, at).units());
        compared++;
      }
    }
    assertThat(compared).isEqualTo(9);
  }
}
