package dev.slo.core.eval;

import static dev.slo.core.Fixtures.T;
import static dev.slo.core.Fixtures.eval;
import static dev.slo.core.Fixtures.slo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the budget math over random SLOs and event rows. */
class BudgetProperties {
  private static final long MAX_BACK_SECONDS = Duration.ofDays(100).toSeconds();

  /** One row: seconds before the evaluation instant, good and bad events. */
  record Row(long secondsBack, long good, long bad) {}

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Row> row =
        Combinators.combine(
                Arbitraries.longs().between(-3_600, MAX_BACK_SECONDS),
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(0, 1_000))
            .as(Row::new);
    return row.list().ofMaxSize(60);
  }

  @Provide
  Arbitrary<Slo> slos() {
    Arbitrary<Double> target =
        Arbitraries.oneOf(
            Arbitraries.of(50.0, 90.0, 99.0, 99.5, 99.9, 99.95, 99.99, 99.999),
            Arbitraries.integers().between(1, 99_999).map(k -> k / 1000.0));
    Arbitrary<Duration> slice =
        Arbitraries.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1));
    return Combinators.combine(
            target,
            Arbitraries.of(TimePeriod.NAMED),
            Arbitraries.of(NoDataPolicy.class),
            Arbitraries.of("UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata"),
            slice.injectNull(0.6))
        .as(
            (t, p, nd, zone, s) -> {
              Slo.Builder b = slo(t, p).noData(nd).timeZone(ZoneId.of(zone));
              if (s != null && (p.isCalendar() || s.compareTo(Duration.ofHours(1)) <= 0)) {
                b.budgetingMethod(BudgetingMethod.TIMESLICES)
                    .timesliceLength(s)
                    .timesliceTargetPercentage(95.0);
              }
              return b.build();
            });
  }

  private static EventSeries series(List<Row> rows) {
    EventSeries.Builder b = EventSeries.builder(rows.size());
    for (Row r : rows) {
      b.add(T.minusSeconds(r.secondsBack()), r.good(), r.good() + r.bad());
    }
    return b.build();
  }

  @Property(tries = 300)
  void shouldKeepRemainingPlusConsumedAtOne(
      @ForAll("slos") Slo slo, @ForAll("rows") List<Row> rows) {
    Evaluation e = eval(slo, series(rows), T);

    assertThat(e.errorBudgetRemaining() + e.errorBudgetConsumed()).isCloseTo(1.0, within(1e-12));
  }

  @Property(tries = 300)
  void shouldKeepEveryOutputFinite(
      @ForAll("slos") Slo slo,
      @ForAll("rows") List<Row> rows,
      @ForAll @LongRange(min = 0, max = 400 * 86_400L) long shift) {
    Instant at = T.plusSeconds(shift);
    Evaluation e = eval(slo, series(rows), at);

    FiniteCheck.assertFinite(e);
    assertThat(e.errorBudgetRemaining() <= 0).isEqualTo(e.status() == Status.EXHAUSTED);
    assertThat(e.timeToExhaustion() == null || !e.timeToExhaustion().isNegative()).isTrue();
    if (e.projectedExhaustion() != null && slo.timePeriod().isCalendar()) {
      assertThat(e.projectedExhaustion()).isBeforeOrEqualTo(e.period().end());
    }
  }

  @Property(tries = 300)
  void shouldNeverRaiseRemainingBudgetWhenBadEventsAreAdded(
      @ForAll("slos") Slo slo,
      @ForAll("rows") List<Row> rows,
      @ForAll @LongRange(min = -3_600, max = 40 * 86_400L) long secondsBack,
      @ForAll @LongRange(min = 1, max = 100_000) long bad) {
    Evaluation before = eval(slo, series(rows), T);
    EventSeries.Builder b = EventSeries.builder(rows.size() + 1);
    for (Row r : rows) {
      b.add(T.minusSeconds(r.secondsBack()), r.good(), r.good() + r.bad());
    }
    b.add(T.minusSeconds(secondsBack), 0, bad);
    Evaluation after = eval(slo, b.build(), T);

    assertThat(after.errorBudgetRemaining())
        .isLessThanOrEqualTo(before.errorBudgetRemaining() + 1e-12);
    assertThat(after.status().isAtLeast(before.status())).isTrue();
  }

  @Property(tries = 200)
  void shouldSpendExactlyTheBudgetWhenBurningAtOneForTheWholePeriod(
      @ForAll @IntRange(min = 1, max = 99_999) int thousandths,
      @ForAll("periods") TimePeriod period,
      @ForAll @IntRange(min = 1, max = 200) int rowCount,
      @ForAll @LongRange(min = 1, max = 1_000) long scale) {
    // target = k/1000 %; bad/total = (100000 - k)/100000 = 1 - target in every row: burn 1
    Slo slo = slo(thousandths / 1000.0, period).build();
    Window p = period.periodAt(T, ZoneId.of("UTC"));
    long step = p.length().toSeconds() / rowCount;
    EventSeries.Builder b = EventSeries.builder(rowCount);
    for (int i = 0; i < rowCount; i++) {
      long m = scale + i % 7;
      b.add(p.end().minusSeconds(step * i), thousandths * m, 100_000L * m);
    }

    Evaluation e = eval(slo, b.build(), p.end());

    assertThat(e.errorBudgetConsumed()).isEqualTo(1.0);
    assertThat(e.errorBudgetRemaining()).isEqualTo(0.0);
    assertThat(e.remainingBudget()).isCloseTo(0.0, within(1e-6));
    assertThat(e.periodBurnRate()).isEqualTo(1.0);
    assertThat(e.status()).isEqualTo(Status.EXHAUSTED);
  }

  @Provide
  Arbitrary<TimePeriod> periods() {
    return Arbitraries.of(TimePeriod.NAMED);
  }
}
