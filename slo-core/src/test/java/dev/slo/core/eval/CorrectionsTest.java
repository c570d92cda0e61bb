package dev.slo.core.eval;

import static dev.slo.core.eval.Data.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionCategory;
import dev.slo.core.correction.CorrectionScope;
import dev.slo.core.correction.Corrections;
import dev.slo.core.correction.Recurrence;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every correction rule of docs/math.md, with expected figures worked out by hand. */
class CorrectionsTest {
  private static final double EPS = 1e-9;

  static Correction once(String id, Instant start, Instant end) {
    return new Correction(
        id,
        CorrectionScope.slo("s"),
        start,
        Duration.between(start, end),
        null,
        CorrectionCategory.SCHEDULED_MAINTENANCE,
        "",
        null);
  }

  private static Instant at(String hhmm) {
    return Instant.parse("2026-11-20T" + hhmm + ":00Z");
  }

  private static Evaluation eval(Slo slo, Data data, Instant when, Correction... cs) {
    return new Evaluator(new Corrections(List.of(cs)))
        .evaluate(slo, data.source(slo.sloId()), when);
  }

  private static Data fourRows() {
    return Data.series()
        .row(at("10:00"), 90, 100)
        .row(at("10:30"), 50, 100)
        .row(at("11:00"), 0, 100)
        .row(at("11:30"), 100, 100);
  }

  @Test
  void shouldKeepTheRowAtTheStartAndRemoveTheRowAtTheEnd() {
    Slo slo = Data.slo(99, TimePeriod.ROLLING_30D);
    Evaluation before = Data.eval(slo, fourRows(), T);
    Evaluation after = eval(slo, fourRows(), T, once("c", at("10:00"), at("11:00")));

    // without: 240 good of 400, (160/400)/0.01 = 40 budgets; 2h window (10:00, 12:00] holds
    // 10:30, 11:00, 11:30: 150 bad of 300 -> 50
    assertThat(before.units()).isEqualTo(new EventCounts(240, 400));
    assertThat(before.burnRates().get(Duration.ofHours(2))).isCloseTo(50.0, within(EPS));
    // with (10:00, 11:00]: 10:00 stays (at the start), 10:30 and 11:00 (at the end) go
    assertThat(after.units()).isEqualTo(new EventCounts(190, 200));
    assertThat(after.currentSliPercent()).isCloseTo(95.0, within(EPS));
    assertThat(after.errorBudgetConsumed()).isCloseTo(5.0, within(EPS));
    assertThat(after.totalBudget()).isCloseTo(2.0, within(EPS));
    assertThat(after.consumedBudget()).isEqualTo(10.0);
    assertThat(after.burnRates().get(Duration.ofHours(2))).isZero(); // only 11:30, all good
    assertThat(after.exclusion().events()).isEqualTo(new EventCounts(50, 200));
    assertThat(after.exclusion().correctedDuration()).isEqualTo(Duration.ofHours(1));
    assertThat(after.exclusion().applied()).hasSize(1);
    assertThat(after.exclusion().applied().get(0).occurrences()).isEqualTo(1);
  }

  @Test
  void shouldRemoveEventsOfOverlappingCorrectionsOnce() {
    Slo slo = Data.slo(99, TimePeriod.ROLLING_30D);
    Evaluation e =
        eval(
            slo,
            fourRows(),
            T,
            once("a", at("10:00"), at("10:45")),
            once("b", at("10:15"), at("11:00")),
            once("c", at("10:20"), at("10:40")));
    assertThat(e.units()).isEqualTo(new EventCounts(190, 200));
    assertThat(e.exclusion().events()).isEqualTo(new EventCounts(50, 200));
    assertThat(e.exclusion().correctedDuration()).isEqualTo(Duration.ofHours(1));
    assertThat(e.exclusion().applied()).hasSize(3);
    assertThat(e.exclusion().applied().get(1).duration()).isEqualTo(Duration.ofMinutes(45));
  }

  @Test
  void shouldFollowTheNoDataPolicyWhenEverythingIsCorrected() {
    Slo slo = Data.slo(99, TimePeriod.ROLLING_30D);
    Correction all = once("all", T.minus(Duration.ofDays(31)), T);
    Evaluation ignore = eval(slo, fourRows(), T, all);
    assertThat(ignore.noData()).isTrue();
    assertThat(ignore.currentSliPercent()).isNull();
    assertThat(ignore.errorBudgetRemaining()).isEqualTo(1.0);
    assertThat(ignore.status()).isEqualTo(Status.HEALTHY);
    assertThat(ignore.burnRates().values()).allMatch(b -> b == 0.0);
    assertThat(ignore.exclusion().events()).isEqualTo(new EventCounts(240, 400));
    assertThat(ignore.exclusion().correctedDuration()).isEqualTo(Duration.ofDays(30));

    Evaluation bad = eval(slo.toBuilder().noData(NoDataPolicy.BAD).build(), fourRows(), T, all);
    assertThat(bad.noData()).isTrue();
    assertThat(bad.currentSliPercent()).isZero();
    assertThat(bad.status()).isEqualTo(Status.EXHAUSTED);
  }

  @Test
  void shouldSilenceThePageAlertDuringADeployment() {
    // 30 days of 1000/1000 every 5 minutes, then the last hour 900/1000: 10% bad burns at 100
    Slo slo = Data.slo(99.9, TimePeriod.ROLLING_30D);
    Data data =
        Data.series()
            .every(Duration.ofMinutes(5), T.minus(Duration.ofDays(31)), at("11:00"), 1000, 1000)
            .every(Duration.ofMinutes(5), at("11:00"), T, 900, 1000);
    Evaluation without = Data.eval(slo, data, T);
    assertThat(without.burnRates().get(Duration.ofHours(1))).isCloseTo(100.0, within(EPS));
    assertThat(without.alerts()).extracting(a -> a.tier().name()).contains("page_1h_5m");
    assertThat(without.status()).isEqualTo(Status.CRITICAL);

    Correction deploy =
        new Correction(
            "deploy",
            CorrectionScope.service("svc"),
            at("11:00"),
            Duration.ofHours(1),
            null,
            CorrectionCategory.DEPLOYMENT,
            "release 42",
            null);
    Evaluation with = eval(slo, data, T, deploy);
    assertThat(with.alerts()).isEmpty();
    assertThat(with.burnRates().get(Duration.ofHours(1))).isZero();
    assertThat(with.burnRates().get(Duration.ofMinutes(5))).isZero();
    assertThat(with.errorBudgetConsumed()).isZero();
    assertThat(with.status()).isEqualTo(Status.HEALTHY);
    assertThat(with.exclusion().events()).isEqualTo(new EventCounts(10_800, 12_000));
  }

  @Test
  void shouldExcludeWholeTimeslicesThatOverlapACorrection() {
    // 1h slices over (T-24h, T]; a row every 10 minutes, 100 events each. Slice (09:00, 10:00] is
    // all bad; slice (10:00, 11:00] has one bad row at 10:30 (500/600 < 95%): 22 of 24 good.
    Slo slo =
        Data.slo(99, TimePeriod.ROLLING_24H).toBuilder()
            .budgetingMethod(BudgetingMethod.TIMESLICES)
            .timesliceLength(Duration.ofHours(1))
            .timesliceTargetPercentage(95.0)
            .build();
    EventSeries.Builder b = EventSeries.builder(200);
    for (Instant t = T.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(10));
        !t.isAfter(T);
        t = t.plus(Duration.ofMinutes(10))) {
      boolean bad = (t.isAfter(at("09:00")) && !t.isAfter(at("10:00"))) || t.equals(at("10:30"));
      b.add(t, bad ? 0 : 100, 100);
    }
    EventSeries series = b.build();
    Evaluator none = new Evaluator();
    Evaluation before = none.evaluate(slo, new InMemoryEventSource(Map.of("s", series)), T);
    assertThat(before.units()).isEqualTo(new EventCounts(22, 24));

    // (09:00, 10:00] covers a slice exactly: its neighbours only touch it and stay;
    // (10:20, 10:25] holds no row but overlaps slice (10:00, 11:00]: excluded whole
    Evaluator corrected =
        new Evaluator(
            new Corrections(
                List.of(once("a", at("09:00"), at("10:00")), once("b", at("10:20"), at("10:25")))));
    Evaluation after = corrected.evaluate(slo, new InMemoryEventSource(Map.of("s", series)), T);
    assertThat(after.units()).isEqualTo(new EventCounts(22, 22));
    assertThat(after.currentSliPercent()).isEqualTo(100.0);
    assertThat(after.exclusion().slices()).isEqualTo(2);
    assertThat(after.exclusion().events()).isEqualTo(new EventCounts(500, 1200));
    assertThat(after.exclusion().correctedDuration()).isEqualTo(Duration.ofMinutes(65));
  }

  @Test
  void shouldRemoveAWeeklyNewYorkWindowAcrossTheSpringChange() {
    // Sundays 02:00-03:00 local: 07:00Z-08:00Z on Mar 1 and 8 (EST; on Mar 8 02:00 does not
    // exist and moves to 03:00 EDT = 07:00Z), 06:00Z-07:00Z on Mar 15 (EDT). One bad row inside
    // and one just outside each occurrence.
    Slo slo = Data.slo(99, TimePeriod.ROLLING_30D);
    Data data =
        Data.series()
            .row(Instant.parse("2026-03-10T00:00:00Z"), 997, 997)
            .row(Instant.parse("2026-03-01T07:30:00Z"), 0, 1)
            .row(Instant.parse("2026-03-08T07:30:00Z"), 0, 1)
            .row(Instant.parse("2026-03-15T06:30:00Z"), 0, 1)
            .row(Instant.parse("2026-03-01T06:30:00Z"), 0, 1)
            .row(Instant.parse("2026-03-08T08:30:00Z"), 0, 1)
            .row(Instant.parse("2026-03-15T07:30:00Z"), 0, 1);
    Correction weekly =
        new Correction(
            "sunday",
            CorrectionScope.slo("s"),
            Instant.parse("2026-03-01T07:00:00Z"),
            Duration.ofHours(1),
            ZoneId.of("America/New_York"),
            CorrectionCategory.SCHEDULED_MAINTENANCE,
            "",
            Recurrence.parse("FREQ=WEEKLY;BYDAY=SU;BYHOUR=2"));
    Evaluation e = eval(slo, data, Instant.parse("2026-03-20T00:00:00Z"), weekly);
    assertThat(e.units()).isEqualTo(new EventCounts(997, 1000));
    assertThat(e.exclusion().events()).isEqualTo(new EventCounts(0, 3));
    assertThat(e.exclusion().applied().get(0).occurrences()).isEqualTo(3);
    assertThat(e.exclusion().correctedDuration()).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void shouldIgnoreCorrectionsOfOtherSlos() {
    Slo slo = Data.slo(99, TimePeriod.ROLLING_30D);
    Correction other =
        new Correction(
            "x",
            CorrectionScope.service("other"),
            at("10:00"),
            Duration.ofHours(1),
            null,
            null,
            null,
            null);
    Evaluation e = eval(slo, fourRows(), T, other);
    assertThat(e.units()).isEqualTo(new EventCounts(240, 400));
    assertThat(e.exclusion().isEmpty()).isTrue();
  }
}
