package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sources a connection makes, and their refusal of a bad part before anything is sent. */
class PrometheusConnectionSourceTest {
  private static PrometheusConnection connection(String timeout) {
    return new PrometheusConnection("http://127.0.0.1:1", timeout, "256MiB", null, List.of());
  }

  @Test
  void shouldMakeASourceInEitherModeWithoutContactingTheServer() {
    for (PrometheusSource.Mode mode : PrometheusSource.Mode.values()) {
      assertThat(connection("30s").source(mode, List.of())).isInstanceOf(PrometheusSource.class);
      assertThat(connection("30s").servingSource(mode, List.of()))
          .isInstanceOf(PrometheusSource.class);
    }
  }

  @Test
  void shouldNameTheBadPartWhenMakingASource() {
    assertThatThrownBy(
            () -> connection("soon").servingSource(PrometheusSource.Mode.EXACT, List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("\"soon\" is not a duration; use a number and a unit, like 30s, 5m, 1h or 7d")
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("timeout"));
  }
}
