package dev.slo.core.correction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalsTest {
  private static Window w(int fromMinute, int toMinute) {
    Instant t0 = Instant.parse("2026-11-20T00:00:00Z");
    return new Window(t0.plusSeconds(60L * fromMinute), t0.plusSeconds(60L * toMinute));
  }

  @Test
  void shouldMergeOverlappingAndTouchingIntervalsOnce() {
    Intervals u = Intervals.union(List.of(w(60, 180), w(120, 240), w(300, 360), w(360, 400)));
    assertThat(u.windows()).containsExactly(w(60, 240), w(300, 400));
  }

  @Test
  void shouldCutAtTheWindowEdges() {
    Intervals u = Intervals.union(List.of(w(60, 240), w(300, 400)));
    assertThat(u.within(w(100, 350))).containsExactly(w(100, 240), w(300, 350));
    assertThat(u.lengthWithin(w(100, 350))).isEqualTo(Duration.ofMinutes(190));
    assertThat(u.within(w(240, 300))).isEmpty();
  }

  @Test
  void shouldNotOverlapWindowsThatOnlyTouch() {
    Intervals u = Intervals.union(List.of(w(60, 120)));
    assertThat(u.overlaps(w(0, 60))).isFalse();
    assertThat(u.overlaps(w(120, 180))).isFalse();
    assertThat(u.overlaps(w(0, 61))).isTrue();
    assertThat(u.overlaps(w(119, 180))).isTrue();
  }
}
