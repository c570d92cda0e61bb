package dev.slo.server;

import dev.slo.core.SourceException;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A source whose bad-event ratio tests set: {@code recent} for windows up to 6 hours, {@code
 * background} for longer ones; 1000 events per minute. Thread-safe.
 */
final class ScriptedSource implements EventSource {
  volatile double recent = 0.0001;
  volatile double background = 0.0001;
  volatile boolean down;
  volatile java.util.concurrent.CountDownLatch gate;
  final java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);

  /** Burn 20x over short windows on a 99.9% SLO: the page tiers fire. */
  void burn() {
    recent = 0.02;
  }

  /** Back to a low, steady error rate. */
  void calm() {
    recent = 0.0001;
  }

  @Override
  public List<EventCounts> counts(Slo slo, List<Window> windows) {
    java.util.concurrent.CountDownLatch g = gate;
    if (g != null) {
      entered.countDown();
      try {
        g.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (down) {
      throw new SourceException("scripted source: connection refused");
    }
    List<EventCounts> out = new ArrayList<>();
    for (Window w : windows) {
      long total = Math.max(1, w.length().toMinutes()) * 1000;
      double ratio = w.length().compareTo(Duration.ofHours(6)) <= 0 ? recent : background;
      long bad = Math.round(total * ratio);
      out.add(new EventCounts(total - bad, total));
    }
    return out;
  }
}
