package dev.slo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts that no number an evaluation reports is NaN or infinite. */
final class FiniteCheck {
  private FiniteCheck() {}

  static void assertFinite(Evaluation e) {
    assertThat(e.errorBudgetConsumed()).isFinite();
    assertThat(e.errorBudgetRemaining()).isFinite();
    assertThat(e.totalBudget()).isFinite();
    assertThat(e.consumedBudget()).isFinite();
    assertThat(e.remainingBudget()).isFinite();
    if (e.currentSliPercent() != null) {
      assertThat(e.currentSliPercent()).isFinite();
    }
    if (e.timeToExhaustionSeconds() != null) {
      assertThat(e.timeToExhaustionSeconds()).isFinite().isGreaterThanOrEqualTo(0.0);
    }
    assertThat(e.burnRateLabels().values()).allSatisfy(v -> assertThat(v).isFinite());
    assertThat(e.alerts())
        .allSatisfy(
            a -> {
              assertThat(a.burnRateLong()).isFinite();
              assertThat(a.burnRateShort()).isFinite();
            });
  }
}
