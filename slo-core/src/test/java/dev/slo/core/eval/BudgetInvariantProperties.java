package dev.slo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BudgetInvariantProperties {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

  record Row(int minutesAgo, long good, long total) {}

  @Provide
  Arbitrary<Double> targets() {
    return Arbitraries.bigDecimals()
        .between(new BigDecimal("0.001"), new BigDecimal("99.999"))
        .ofScale(3)
        .map(BigDecimal::doubleValue);
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Row> row =
        Combinators.combine(
                Arbitraries.integers().between(0, 60 * 24 * 35),
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(0, 1_000_000))
            .as((m, a, b) -> new Row(m, Math.min(a, b), Math.max(a, b)));
    return row.list().ofMaxSize(60);
  }

  @Provide
  Arbitrary<TimePeriod> periods() {
    return Arbitraries.of(TimePeriod.NAMED);
  }

  private static Evaluation eval(Slo slo, List<Row> rows, Row extra) {
    EventSeries.Builder b = EventSeries.builder(rows.size() + 1);
    for (Row r : rows) {
      b.add(T.minus(Duration.ofMinutes(r.minutesAgo())), r.good(), r.total());
    }
    if (extra != null) {
      b.add(T.minus(Duration.ofMinutes(extra.minutesAgo())), extra.good(), extra.total());
    }
    return new Evaluator()
        .evaluate(slo, new InMemoryEventSource(Map.of(slo.sloId(), b.build())), T);
  }

  private static Slo slo(double target, TimePeriod period, NoDataPolicy noData) {
    return Slo.builder()
        .sloId("p")
        .sloName("Test SLO")
        .sloType(dev.slo.core.model.SloType.AVAILABILITY)
        .serviceName("svc")
        .targetPercentage(target)
        .timePeriod(period)
        .noData(noData)
        .build();
  }

  @Property
  void remainingPlusConsumedIsOne(
      @ForAll("targets") double target,
      @ForAll("periods") TimePeriod period,
      @ForAll("rows") List<Row> rows) {
    Evaluation e = eval(slo(target, period, NoDataPolicy.IGNORE), rows, null);
    double scale = Math.max(1, Math.abs(e.errorBudgetConsumed()));
    assertThat(e.errorBudgetRemaining() + e.errorBudgetConsumed())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12 * scale));
  }

  @Property
  void burningAtExactlyOneForTheWholePeriodSpendsExactlyTheBudget(
      @ForAll("targets") double target, @ForAll @IntRange(min = 1, max = 50) int perMinute) {
    // total per row = 100,000 x k makes (1 - target) x total a whole number of bad events
    long total = 100_000L * perMinute;
    long bad =
        BigDecimal.valueOf(100)
            .subtract(BigDecimal.valueOf(target))
            .multiply(BigDecimal.valueOf(total))
            .movePointLeft(2)
            .longValueExact();
    Slo slo = slo(target, TimePeriod.ROLLING_24H, NoDataPolicy.IGNORE);
    EventSeries.Builder b = EventSeries.builder(1440);
    for (int m = 0; m < 1440; m++) {
      b.add(T.minus(Duration.ofMinutes(m)), total - bad, total);
    }
    Evaluation e =
        new Evaluator().evaluate(slo, new InMemoryEventSource(Map.of("p", b.build())), T);
    assertThat(e.errorBudgetConsumed()).isEqualTo(1.0);
    assertThat(e.errorBudgetRemaining()).isEqualTo(0.0);
    assertThat(e.burnRateLabels().values()).containsOnly(1.0);
    assertThat(e.status()).isEqualTo(Status.EXHAUSTED);
    assertThat(e.remainingBudget()).isEqualTo(0.0);
  }

  @Property
  void addingBadEventsNeverRaisesTheRemainingBudget(
      @ForAll("targets") double target,
      @ForAll("periods") TimePeriod period,
      @ForAll("rows") List<Row> rows,
      @ForAll @IntRange(min = 0, max = 60 * 24 * 35) int minutesAgo,
      @ForAll @LongRange(min = 1, max = 1_000_000) long bad) {
    Slo slo = slo(target, period, NoDataPolicy.IGNORE);
    Evaluation before = eval(slo, rows, null);
    Evaluation after = eval(slo, rows, new Row(minutesAgo, 0, bad));
    if (before.noData() && !after.noData()) {
      assertThat(after.errorBudgetRemaining()).isLessThanOrEqualTo(before.errorBudgetRemaining());
      return;
    }
    assertThat(after.errorBudgetRemaining()).isLessThanOrEqualTo(before.errorBudgetRemaining());
    assertThat(after.status().isAtLeast(before.status()) || before.noData()).isTrue();
  }

  @Property
  void everyOutputIsFinite(
      @ForAll("targets") double target,
      @ForAll("periods") TimePeriod period,
      @ForAll("rows") List<Row> rows,
      @ForAll NoDataPolicy noData) {
    Evaluation e = eval(slo(target, period, noData), rows, null);
    List<Double> numbers =
        new java.util.ArrayList<>(
            List.of(
                e.errorBudgetConsumed(),
                e.errorBudgetRemaining(),
                e.totalBudget(),
                e.consumedBudget(),
                e.remainingBudget()));
    numbers.addAll(e.burnRateLabels().values());
    if (e.currentSliPercent() != null) {
      numbers.add(e.currentSliPercent());
    }
    if (e.timeToExhaustionSeconds() != null) {
      numbers.add(e.timeToExhaustionSeconds());
    }
    e.alerts().forEach(a -> numbers.addAll(List.of(a.burnRateLong(), a.burnRateShort())));
    assertThat(numbers).allMatch(Double::isFinite);
  }
}
