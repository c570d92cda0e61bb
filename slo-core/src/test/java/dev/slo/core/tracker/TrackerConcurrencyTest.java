package dev.slo.core.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrackerConcurrencyTest {
  @Test
  void concurrentWritersLoseNoEventsAcrossStepChanges() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-01T00:00:00Z"));
    Slo slo =
        Slo.builder()
            .sloName("test")
            .serviceName("svc")
            .sloType(SloType.AVAILABILITY)
            .sloId("c")
            .targetPercentage(99)
            .timePeriod(TimePeriod.ROLLING_24H)
            .build();
    SloTracker tracker = SloTracker.builder(clock).stripes(2).add(slo).build();
    SloRecorder r = tracker.recorder("c");
    int threads = 4;
    int perThread = 200_000;
    AtomicLong bad = new AtomicLong();
    AtomicLong sent = new AtomicLong();
    CountDownLatch done = new CountDownLatch(threads);
    List<Thread> workers = new ArrayList<>();
    for (int k = 0; k < threads; k++) {
      int id = k;
      Thread w =
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  if ((i + id) % 97 == 0) {
                    r.recordBad();
                    bad.incrementAndGet();
                    sent.incrementAndGet();
                  } else if (i % 1000 == 0) {
                    r.record(70_000, 70_001); // the locked path
                    bad.incrementAndGet();
                    sent.addAndGet(70_001);
                  } else {
                    r.recordGood();
                    sent.incrementAndGet();
                  }
                }
                done.countDown();
              });
      workers.add(w);
      w.start();
    }
    // meanwhile time moves a step every few hundred microseconds and evaluations read
    long t = clock.millis();
    int evaluations = 0;
    while (!done.await(200, TimeUnit.MICROSECONDS)) {
      t += 20_000;
      clock.setMillis(t);
      if (evaluations++ % 10 == 0) {
        tracker.evaluate("c");
      }
    }
    for (Thread w : workers) {
      w.join();
    }
    long good = 0;
    long total = 0;
    for (StepCount s : tracker.steps("c")) {
      assertThat(s.counts().good()).isLessThanOrEqualTo(s.counts().total());
      good += s.counts().good();
      total += s.counts().total();
    }
    assertThat(total).isEqualTo(sent.get()).isGreaterThan(threads * (long) perThread);
    assertThat(total - good).isEqualTo(bad.get());
    assertThat(tracker.steps("c").size()).isGreaterThan(1);
  }
}
