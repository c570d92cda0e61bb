package dev.slo.core.eval;

import static dev.slo.core.eval.Data.T;
import static dev.slo.core.eval.Data.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RATIO_TIMESLICES: the SLI is the mean of the slices' ratios; figures worked out by hand. */
class RatioTimeslicesTest {

  private static Slo.Builder ratio(double target, TimePeriod period, Duration slice) {
    return Slo.builder()
        .sloType(dev.slo.core.model.SloType.AVAILABILITY)
        .sloId("r")
        .sloName("R")
        .serviceName("svc")
        .targetPercentage(target)
        .timePeriod(period)
        .budgetingMethod(BudgetingMethod.RATIO_TIMESLICES)
        .timesliceLength(slice);
  }

  @Test
  void shouldAverageTheSlicesRatiosWhateverTheirTraffic() {
    // ROLLING_1H in 15-minute slices: ratios 1.0 (10/10), 0.5 (500/1000), 0.9 (9/10), and one
    // empty slice that does not count. Mean = 2.4 / 3 = 0.8; occurrences would give 519/1020.
    Slo s = ratio(90, TimePeriod.ROLLING_1H, Duration.ofMinutes(15)).build();
    Instant start = T.minus(Duration.ofHours(1));
    Data d =
        series()
            .row(start.plus(Duration.ofMinutes(10)), 10, 10)
            .row(start.plus(Duration.ofMinutes(20)), 500, 1000)
            .row(start.plus(Duration.ofMinutes(59)), 9, 10);

    Evaluation e = Data.eval(s, d, T);

    assertThat(e.currentSliPercent()).isEqualTo(80.0, offset(1e-9));
    assertThat(e.units().total()).isEqualTo(3);
    // budget: 10% of 3 slices = 0.3; spent: (1 - 1) + (1 - 0.5) + (1 - 0.9) = 0.6 -> 200%
    assertThat(e.totalBudget()).isEqualTo(0.3, offset(1e-12));
    assertThat(e.consumedBudget()).isEqualTo(0.6, offset(1e-12));
    assertThat(e.errorBudgetConsumed()).isEqualTo(2.0, offset(1e-9));
    assertThat(e.periodBurnRate()).isEqualTo(2.0, offset(1e-9));
  }

  @Test
  void shouldGiveTheOccurrencesFigureWhenEverySliceHasEqualTraffic() {
    // 12 slices of 100 events in a rolling hour, 99 good in each but one with 90:
    // mean = (11 x 0.99 + 0.90) / 12 = 0.9825 = (11 x 99 + 90) / 1200
    Slo s = ratio(95, TimePeriod.ROLLING_1H, Duration.ofMinutes(5)).build();
    Instant start = T.minus(Duration.ofHours(1));
    Data d = series();
    for (int k = 0; k < 12; k++) {
      d.row(start.plus(Duration.ofMinutes(5L * k + 1)), k == 7 ? 90 : 99, 100);
    }

    Evaluation e = Data.eval(s, d, T);

    assertThat(e.currentSliPercent()).isEqualTo(98.25, offset(1e-9));
    assertThat(e.errorBudgetConsumed()).isEqualTo(0.0175 / 0.05, offset(1e-9));
  }

  @Test
  void shouldRefuseASliceTargetBecauseRatiosAreAveraged() {
    assertThatThrownBy(
            () ->
                ratio(99, TimePeriod.ROLLING_7D, Duration.ofMinutes(5))
                    .timesliceTargetPercentage(95.0)
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("95.0 is not a valid timeslice_target_percentage");
    assertThatThrownBy(() -> ratio(99, TimePeriod.ROLLING_7D, null).build())
        .hasMessageContaining("timeslice_length is missing");
  }
}
