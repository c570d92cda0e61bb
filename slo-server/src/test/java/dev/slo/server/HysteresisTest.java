package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.model.Status;
import dev.slo.core.model.StatusThresholds;
import org.junit.jupiter.api.Test;

class HysteresisTest {
  private static final StatusThresholds T = StatusThresholds.DEFAULT;

  @Test
  void shouldRaiseEveryThresholdByTheMargin() {
    double m = Hysteresis.BUDGET_MARGIN;
    assertThat(Hysteresis.budgetStatus(0.005, T, m)).isEqualTo(Status.EXHAUSTED);
    assertThat(Hysteresis.budgetStatus(0.01, T, m)).isEqualTo(Status.CRITICAL);
    assertThat(Hysteresis.budgetStatus(0.105, T, m)).isEqualTo(Status.CRITICAL);
    assertThat(Hysteresis.budgetStatus(0.11, T, m)).isEqualTo(Status.WARNING);
    assertThat(Hysteresis.budgetStatus(0.255, T, m)).isEqualTo(Status.WARNING);
    assertThat(Hysteresis.budgetStatus(0.26, T, m)).isEqualTo(Status.HEALTHY);
  }

  @Test
  void shouldOrderStatuses() {
    assertThat(Hysteresis.worst(Status.WARNING, Status.CRITICAL)).isEqualTo(Status.CRITICAL);
    assertThat(Hysteresis.better(Status.WARNING, Status.CRITICAL)).isEqualTo(Status.WARNING);
  }

  @Test
  void shouldRejectANonPositiveResolveCount() {
    assertThatThrownBy(() -> new Hysteresis(0)).hasMessageStartingWith("0 is not a valid");
  }
}
