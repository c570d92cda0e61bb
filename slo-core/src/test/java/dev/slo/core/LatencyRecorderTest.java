package dev.slo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.source.EventCounts;
import dev.slo.core.source.LatencyRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

  @Test
  void shouldCountRequestsAtTheThresholdAsGood() {
    LatencyRecorder r = new LatencyRecorder(Duration.ofMillis(300), Duration.ofSeconds(60));
    r.record(Duration.ofMillis(300));
    r.record(Duration.ofMillis(299));
    r.record(Duration.ofNanos(300_000_001));
    r.record(Duration.ofSeconds(120));
    LatencyRecorder.Snapshot s = r.drain(T);
    assertThat(s.events()).isEqualTo(new EventCounts(2, 4));
    assertThat(s.percentile(50).toMillis()).isBetween(299L, 301L);
    assertThat(r.drain(T).events()).isEqualTo(EventCounts.ZERO);
  }

  @Test
  void shouldCountExactlyUnderConcurrentRecording() throws Exception {
    LatencyRecorder r = new LatencyRecorder(Duration.ofMillis(10), Duration.ofSeconds(1));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    for (int w = 0; w < 2; w++) {
      pool.submit(
          () -> {
            for (int i = 0; i < 50_000; i++) {
              r.record(Duration.ofMillis(i % 20));
            }
          });
    }
    long good = 0;
    long total = 0;
    pool.shutdown();
    while (!pool.awaitTermination(1, TimeUnit.MILLISECONDS)) {
      EventCounts c = r.drain(T).events();
      good += c.good();
      total += c.total();
    }
    EventCounts last = r.drain(T).events();
    assertThat(total + last.total()).isEqualTo(100_000);
    assertThat(good + last.good()).isEqualTo(55_000); // 0..10 ms of every 20
  }

  @Test
  void shouldRefuseNegativeLatencyAndBadThresholds() {
    LatencyRecorder r = new LatencyRecorder(Duration.ofMillis(1), Duration.ofSeconds(1));
    assertThatThrownBy(() -> r.record(Duration.ofMillis(-1))).hasMessageStartingWith("PT-0.001S");
    assertThatThrownBy(() -> new LatencyRecorder(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageStartingWith("PT0S");
    assertThatThrownBy(() -> new LatencyRecorder(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("below the threshold");
  }
}
