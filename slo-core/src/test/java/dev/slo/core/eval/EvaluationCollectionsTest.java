package dev.slo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's own collections behave like the copies they replace: recommendations formatted
 * when first read say what formatting them at once says, and per-window maps equal, hash and print
 * like ordered hash maps of the same entries.
 */
class EvaluationCollectionsTest {
  private static final Instant T = Data.T;

  // 99.9% over 30 days, 3% errors in the last 50 minutes: the page tier fires
  private static Evaluation burning() {
    Data d =
        Data.series()
            .every(
                Duration.ofMinutes(1),
                T.minus(Duration.ofDays(30)),
                T.minusSeconds(3000),
                1000,
                1000)
            .every(Duration.ofMinutes(1), T.minusSeconds(3000), T, 970, 1000);
    return Data.eval(Data.slo(99.9, TimePeriod.ROLLING_30D), d, T);
  }

  @Test
  void recommendationsReadLaterSayWhatFormattingThemAtOnceSays() {
    Evaluation e = burning();

    List<String> eager = Recommendations.of(e);

    assertThat(e.alerts()).isNotEmpty();
    assertThat(eager).anyMatch(s -> s.startsWith("High burn rate detected: 25.0x over 1h"));
    assertThat(e.recommendations()).isEqualTo(eager);
    assertThat(eager).isEqualTo(e.recommendations());
    assertThat(e.recommendations()).hasSameHashCodeAs(eager);
    assertThat(e.recommendations().toString()).isEqualTo(eager.toString());
    assertThatThrownBy(() -> e.recommendations().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anEvaluationWithCopiedCollectionsIsEqualAndPrintsTheSame() {
    Evaluation e = burning();
    Evaluation copy =
        new Evaluation(
            e.slo(),
            e.at(),
            e.period(),
            e.units(),
            e.noData(),
            e.currentSliPercent(),
            e.errorBudgetConsumed(),
            e.errorBudgetRemaining(),
            e.totalBudget(),
            e.consumedBudget(),
            e.remainingBudget(),
            new LinkedHashMap<>(e.burnRates()),
            e.periodBurnRate(),
            e.tiers(),
            e.alerts(),
            e.status(),
            e.timeToExhaustion(),
            e.projectedExhaustion(),
            new ArrayList<>(e.recommendations()),
            e.exclusion(),
            e.suppressed(),
            e.sliInterval(),
            new LinkedHashMap<>(e.windowSliIntervals()),
            e.components());

    assertThat(copy).isEqualTo(e);
    assertThat(e).isEqualTo(copy);
    assertThat(copy).hasSameHashCodeAs(e);
    assertThat(copy.toString()).isEqualTo(e.toString());
    assertThat(e.burnRates().keySet()).containsExactlyElementsOf(Evaluator.BURN_WINDOWS);
  }

  @Test
  void aCopyWithAnotherStatusKeepsTheRecommendationsOfTheOriginal() {
    Evaluation e = burning();

    Evaluation calmer = e.with(Status.WARNING, List.of(), e.recommendations());

    assertThat(calmer.recommendations()).isEqualTo(Recommendations.of(e));
  }

  @Test
  void windowMapsActLikeOrderedHashMaps() {
    WindowMap<Double> m = new WindowMap<>(3);
    m.add(Duration.ofHours(1), 2.5);
    m.add(Duration.ofMinutes(5), 0.0);
    Map<Duration, Double> h = new LinkedHashMap<>();
    h.put(Duration.ofHours(1), 2.5);
    h.put(Duration.ofMinutes(5), 0.0);

    assertThat(m).isEqualTo(h);
    assertThat(h).isEqualTo(m);
    assertThat(m).hasSameHashCodeAs(h);
    assertThat(m.toString()).isEqualTo(h.toString());
    assertThat(m.get(Duration.ofMinutes(60))).isEqualTo(2.5);
    assertThat(m.get(Duration.ofDays(1))).isNull();
    assertThat(m.containsKey(Duration.ofMinutes(5))).isTrue();
    assertThat(m.keySet()).containsExactly(Duration.ofHours(1), Duration.ofMinutes(5));
    assertThatThrownBy(() -> m.put(Duration.ofDays(1), 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.entrySet().iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void recommendationsReadFromManyThreadsAtOnceAreTheSame() throws Exception {
    Evaluation e = burning();
    List<String> eager = Recommendations.of(e);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<String>>> reads = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        reads.add(() -> List.copyOf(e.recommendations()));
      }
      for (Future<List<String>> f : pool.invokeAll(reads)) {
        assertThat(f.get()).isEqualTo(eager);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
