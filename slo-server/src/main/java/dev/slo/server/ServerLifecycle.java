package dev.slo.server;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * The life of a {@link SloServer} from start to close: starting the HTTP front and the monitor's
 * schedule once, the optional JVM shutdown hook, and the graceful, idempotent close (stop accepting
 * requests, finish the pass in flight, flush the sinks, close the companions in order) that {@link
 * #awaitClosed} waits for. Thread-safe.
 */
final class ServerLifecycle {
  private final ApiServer http;
  private final Monitor monitor;
  private final Duration grace;
  private final boolean schedule;
  private final List<AutoCloseable> companions;
  private final PrintWriter log;
  private final CountDownLatch closed = new CountDownLatch(1);
  private boolean started;
  private boolean closing;
  private @Nullable Thread shutdownHook;

  /**
   * @param grace how long closing waits for the pass in flight and the sinks
   * @param schedule false to evaluate only when asked
   * @param companions closed after the monitor, in this order
   * @param log where a companion that fails to close is reported, one line each
   */
  ServerLifecycle(
      ApiServer http,
      Monitor monitor,
      Duration grace,
      boolean schedule,
      List<AutoCloseable> companions,
      PrintWriter log) {
    this.http = http;
    this.monitor = monitor;
    this.grace = grace;
    this.schedule = schedule;
    this.companions = List.copyOf(companions);
    this.log = log;
  }

  /**
   * Starts serving, and evaluating every interval unless scheduling was turned off.
   *
   * @throws IllegalStateException when called twice
   */
  synchronized void start() {
    if (started) {
      throw new IllegalStateException("the server is already started");
    }
    started = true;
    http.start();
    if (schedule) {
      monitor.start();
    }
  }

  /** Closes when the JVM shuts down, then runs {@code then} in the same thread. */
  synchronized void closeOnShutdown(Runnable then) {
    Objects.requireNonNull(then, "then");
    Thread hook =
        new Thread(
            () -> {
              close();
              then.run();
            },
            "slo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    shutdownHook = hook;
  }

  /** Blocks until {@link #close} has finished. */
  void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /**
   * Stops accepting requests, closes the monitor within the grace, then the companions; removes the
   * shutdown hook unless it is the caller. Only the first call does anything.
   */
  void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
      Thread hook = shutdownHook;
      if (hook != null && hook != Thread.currentThread()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // shutting down already: the hook closes the server
        }
      }
    }
    try {
      http.stop(grace.compareTo(Duration.ofSeconds(1)) < 0 ? 0 : 1);
      monitor.close(grace);
      for (AutoCloseable c : companions) {
        try {
          c.close();
        } catch (Exception e) {
          log.println("slo serve: closing " + c + " failed: " + e.getMessage());
        }
      }
    } finally {
      closed.countDown();
    }
  }
}
