package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The outbox's age and size bounds are settable within documented ranges. */
class OutboxBoundsTest {
  private static final OutboxSender.Limits DEFAULT = OutboxSender.Limits.DEFAULT;

  @Test
  void shouldDefaultTo24HoursAnd100000Events() {
    assertThat(DEFAULT.maxAge()).isEqualTo(Duration.ofHours(24));
    assertThat(DEFAULT.maxPending()).isEqualTo(100_000);
  }

  @Test
  void shouldReplaceAgeAndSizeAndKeepTheRest() {
    OutboxSender.Limits l = OutboxBounds.apply(DEFAULT, Duration.ofHours(2), 500);
    assertThat(l.maxAge()).isEqualTo(Duration.ofHours(2));
    assertThat(l.maxPending()).isEqualTo(500);
    assertThat(l.keepFinished()).isEqualTo(DEFAULT.keepFinished());
    assertThat(l.poll()).isEqualTo(DEFAULT.poll());
  }

  @Test
  void shouldAcceptTheEndsOfTheRanges() {
    assertThat(OutboxBounds.apply(DEFAULT, Duration.ofMinutes(1), 1).maxPending()).isEqualTo(1);
    assertThat(OutboxBounds.apply(DEFAULT, Duration.ofDays(365), 100_000_000).maxAge())
        .isEqualTo(Duration.ofDays(365));
  }

  @Test
  void shouldRefuseAnAgeOutside1MinuteTo365DaysNamingTheField() {
    for (Duration bad : new Duration[] {Duration.ofSeconds(59), Duration.ofDays(366)}) {
      assertThatThrownBy(() -> OutboxBounds.apply(DEFAULT, bad, 10))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("outbox_max_age")
          .hasMessageContaining("use 1m to 365d")
          .satisfies(
              e -> assertThat(((ValidationException) e).field()).isEqualTo("outbox_max_age"));
    }
  }

  @Test
  void shouldRefuseAnEventCountOutside1To100MillionNamingTheField() {
    for (int bad : new int[] {0, -5, 100_000_001}) {
      assertThatThrownBy(() -> OutboxBounds.apply(DEFAULT, Duration.ofHours(1), bad))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith(bad + " is not a valid outbox_max_events")
          .satisfies(
              e -> assertThat(((ValidationException) e).field()).isEqualTo("outbox_max_events"));
    }
  }

  @Test
  void shouldSetTheBoundsThroughTheMonitorBuilder() {
    assertThatThrownBy(() -> Monitor.builder().outboxBounds(Duration.ofHours(1), 0))
        .isInstanceOf(ValidationException.class);
    assertThat(Monitor.builder().outboxBounds(Duration.ofHours(1), 7)).isNotNull();
  }
}
