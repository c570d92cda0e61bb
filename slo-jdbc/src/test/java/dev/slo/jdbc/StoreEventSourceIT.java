package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSource;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.Window;
import dev.slo.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StoreEventSourceIT {
  private static JdbcStore store;
  private static InMemoryEventSource memory;
  private static List<SliMetric> rows;

  @AfterAll
  static void tearDown() {
    store.close();
  }

  @BeforeAll
  static void load() {
    store = JdbcStore.open(TestDatabase.freshSchema("slo_t_source"), Map.of());
    Random r = new Random(7);
    rows = new ArrayList<>();
    Instant t = Rows.T0.minus(Duration.ofDays(35));
    Instant end = Rows.T0.plus(Duration.ofDays(2));
    while (t.isBefore(end)) {
      long total = r.nextInt(50);
      rows.add(SliMetric.ofCounts("s", t, total - r.nextInt((int) total / 10 + 1), total));
      // irregular gaps, some on exact minute, hour and day boundaries
      t = t.plusSeconds(r.nextInt(4) == 0 ? 60 : 1 + r.nextInt(300)).plusNanos(r.nextInt(3) * 1000);
      t =
          r.nextInt(50) == 0
              ? t.plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS)
              : t;
    }
    store.ingest(rows.iterator(), n -> {}, 7_000, Duration.ofSeconds(10));
    memory = new InMemoryEventSource(Map.of("s", Rows.series(rows)));
  }

  @Test
  void shouldCountExactlyLikeTheRawRowsForAnyWindow() {
    Random r = new Random(11);
    Slo slo = Rows.slo("s", "svc");
    List<Window> windows = new ArrayList<>();
    Instant lo = Rows.T0.minus(Duration.ofDays(36));
    long span = Duration.ofDays(39).toSeconds();
    for (int i = 0; i < 400; i++) {
      Instant a =
          lo.plusSeconds((long) (r.nextDouble() * span)).plusNanos(r.nextInt(1_000_000_000));
      Instant b = a.plusSeconds((long) (r.nextDouble() * span / (1 + r.nextInt(200))));
      windows.add(new Window(a, b));
    }
    for (int i = 0; i < 100; i++) { // ends exactly on stored timestamps and bucket boundaries
      Instant a = rows.get(r.nextInt(rows.size())).timestamp();
      Instant b = rows.get(r.nextInt(rows.size())).timestamp();
      windows.add(a.isBefore(b) ? new Window(a, b) : new Window(b, a));
      Instant h = a.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
      windows.add(new Window(h, h.plus(Duration.ofHours(r.nextInt(24 * 40)))));
    }
    windows.add(new Window(Rows.T0, Rows.T0));
    assertThat(store.eventSource().counts(slo, windows)).isEqualTo(memory.counts(slo, windows));
    // the batched path (all windows of all SLOs from boundary prefix sums) answers the same
    BatchCounts batch = new BatchCounts(null, null, new ArrayList<>());
    Map<Window, dev.slo.core.source.EventCounts> answered =
        store
            .db()
            .call(
                "test",
                h ->
                    batch
                        .answer(h, Map.of("s", windows, "absent", windows.subList(0, 5)))
                        .get("s"));
    List<dev.slo.core.source.EventCounts> expected = memory.counts(slo, windows);
    for (int i = 0; i < windows.size(); i++) {
      assertThat(answered.get(windows.get(i)))
          .as(windows.get(i).toString())
          .isEqualTo(expected.get(i));
    }
  }

  @Test
  void shouldEvaluateLikeTheInMemorySource() {
    Evaluator evaluator = new Evaluator();
    Slo rolling = Rows.slo("s", "svc");
    Slo calendar =
        rolling.toBuilder()
            .timePeriod(TimePeriod.CALENDAR_MONTH)
            .budgetingMethod(BudgetingMethod.TIMESLICES)
            .timesliceLength(Duration.ofMinutes(5))
            .timesliceTargetPercentage(95.0)
            .build();
    EventSource db = store.eventSource();
    for (Slo slo : List.of(rolling, calendar)) {
      for (Instant at : List.of(Rows.T0, Rows.T0.plusSeconds(12_345).plusMillis(7))) {
        Evaluation fromDb = evaluator.evaluate(slo, db, at);
        Evaluation fromMemory = evaluator.evaluate(slo, memory, at);
        assertThat(fromDb).isEqualTo(fromMemory);
        List<String> notes = new ArrayList<>();
        EventSource batched = store.eventSource(List.of(slo), at, notes);
        assertThat(evaluator.evaluate(slo, batched, at)).isEqualTo(fromMemory);
        assertThat(notes).isEmpty();
      }
    }
  }
}
