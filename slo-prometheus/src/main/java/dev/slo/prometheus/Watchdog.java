package dev.slo.prometheus;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Ends a blocked exchange when a deadline passes: closes the guarded reply body and interrupts the
 * calling thread, so that a server that sends its headers and then trickles the body cannot hold
 * the caller past the deadline. Use from one thread: {@link #start}, do the work, then {@link
 * #finish}, which also clears an interrupt this watchdog caused.
 */
final class Watchdog {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "slo-prometheus-deadline");
            t.setDaemon(true);
            return t;
          });

  private enum State {
    RUNNING,
    FINISHED,
    EXPIRED,
    EXPIRED_AND_CLEARED
  }

  private final Thread thread = Thread.currentThread();
  private State state = State.RUNNING;
  private @Nullable ScheduledFuture<?> task;
  private java.io.@Nullable Closeable resource;

  private Watchdog() {}

  /** Starts watching the current thread; it is interrupted after {@code nanos}. */
  static Watchdog start(long nanos) {
    Watchdog w = new Watchdog();
    ScheduledFuture<?> f = TIMER.schedule(w::fire, nanos, TimeUnit.NANOSECONDS);
    synchronized (w) {
      w.task = f;
    }
    return w;
  }

  private synchronized void fire() {
    if (state == State.RUNNING) {
      state = State.EXPIRED;
      closeQuietly(resource);
      thread.interrupt();
    }
  }

  /**
   * Closes {@code r} when the deadline passes (at once if it has passed): the JDK's response body
   * stream ignores an interrupt while it waits for bytes, but a closed one ends the wait.
   */
  synchronized void guard(java.io.Closeable r) {
    resource = r;
    if (state == State.EXPIRED || state == State.EXPIRED_AND_CLEARED) {
      closeQuietly(r);
    }
  }

  private static void closeQuietly(java.io.@Nullable Closeable r) {
    if (r == null) {
      return;
    }
    try {
      r.close();
    } catch (java.io.IOException | RuntimeException e) {
      // closing is only a way to end the wait; the caller reports the timeout
    }
  }

  /** True when the deadline has passed. */
  synchronized boolean expired() {
    return state == State.EXPIRED || state == State.EXPIRED_AND_CLEARED;
  }

  /**
   * Stops watching. Returns true when the deadline passed first; the interrupt it caused is then
   * cleared. Safe to call more than once.
   */
  synchronized boolean finish() {
    switch (state) {
      case RUNNING:
        state = State.FINISHED;
        if (task != null) {
          task.cancel(false);
        }
        return false;
      case EXPIRED:
        Thread.interrupted();
        state = State.EXPIRED_AND_CLEARED;
        return true;
      case EXPIRED_AND_CLEARED:
        return true;
      default:
        return false;
    }
  }
}
