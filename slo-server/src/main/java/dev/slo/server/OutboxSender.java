package dev.slo.server;

import dev.slo.core.store.OutboxEvent;
import dev.slo.core.store.StatusOutbox;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends a fleet's outbox (docs/serve.md, "A fleet of replicas") on a thread of its own: the due
 * events of the shards this replica owns, oldest first, to every durable sink ({@link
 * EventSink#durable}); an event is marked delivered once every sink accepted it, retried with
 * backoff (1 s doubling to at most 60 s) when one failed in a way a retry may fix, and abandoned
 * when a receiver refused it (a 4xx other than 429). It also keeps the outbox bounded ({@link
 * Limits}) and counts its depth for {@code /metrics}. Thread-safe.
 */
final class OutboxSender {
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
  private static final int BATCH = 200;

  /**
   * Bounds of the outbox.
   *
   * @param maxAge undelivered events older than this are abandoned (counted as dropped)
   * @param maxPending undelivered events beyond this many, oldest first, are abandoned
   * @param keepFinished delivered or abandoned events are deleted this long after
   * @param poll pause between looks at the outbox when there is nothing to send
   */
  record Limits(Duration maxAge, int maxPending, Duration keepFinished, Duration poll) {
    /** 24 hours, 100,000 events, finished ones kept 1 hour, looking every 500 ms. */
    static final Limits DEFAULT =
        new Limits(Duration.ofHours(24), 100_000, Duration.ofHours(1), Duration.ofMillis(500));

    Limits {
      Objects.requireNonNull(maxAge, "maxAge");
      Objects.requireNonNull(keepFinished, "keepFinished");
      Objects.requireNonNull(poll, "poll");
      if (maxPending < 1) {
        throw new IllegalArgumentException(maxPending + " is not an outbox size: use at least 1");
      }
    }
  }

  private final StatusOutbox port;
  private final List<EventSink> sinks;
  private final Supplier<Set<Integer>> owned;
  private final Clock clock;
  private final PrintWriter log;
  private final Limits limits;
  private final Thread worker;
  private final Object signal = new Object();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong abandoned = new AtomicLong();
  private volatile long depth = -1;
  private volatile @Nullable Instant oldest;
  private volatile boolean closing;
  private boolean woken;
  private @Nullable String lastError;
  private Instant lastTrim = Instant.EPOCH;

  OutboxSender(
      StatusOutbox port,
      List<EventSink> sinks,
      Supplier<Set<Integer>> owned,
      Clock clock,
      PrintWriter log,
      Limits limits) {
    this.port = port;
    this.sinks = sinks.stream().filter(EventSink::durable).toList();
    this.owned = owned;
    this.clock = clock;
    this.log = log;
    this.limits = limits;
    this.worker = new Thread(this::run, "slo-outbox");
    worker.setDaemon(true);
  }

  void start() {
    worker.start();
  }

  /** Looks at the outbox now rather than after the poll pause (a pass committed events). */
  void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  /** Events delivered by this replica. */
  long delivered() {
    return delivered.get();
  }

  /** Events this replica abandoned: refused by a receiver, too old, or beyond the bound. */
  long abandoned() {
    return abandoned.get();
  }

  /** Undelivered events of the whole fleet at the last look, -1 before the first. */
  long depth() {
    return depth;
  }

  /** When the oldest undelivered event was created, null when there is none or not known. */
  @Nullable Instant oldest() {
    return oldest;
  }

  private void run() {
    while (!closing) {
      int sent = 0;
      try {
        sent = sendDue();
        housekeeping();
        lastError = null;
      } catch (RuntimeException e) {
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!why.equals(lastError)) {
          log.println("slo serve: outbox: " + why);
        }
        lastError = why;
      }
      if (sent == 0) {
        pause();
      }
    }
  }

  private void pause() {
    synchronized (signal) {
      if (!woken && !closing) {
        try {
          signal.wait(limits.poll().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          closing = true;
        }
      }
      woken = false;
    }
  }

  private void housekeeping() {
    Instant now = clock.instant();
    if (Duration.between(lastTrim, now).compareTo(Duration.ofSeconds(30)) >= 0) {
      lastTrim = now;
      int n =
          port.trim(
              now.minus(limits.maxAge()), limits.maxPending(), now.minus(limits.keepFinished()));
      if (n > 0) {
        abandoned.addAndGet(n);
        log.println(
            "slo serve: outbox: abandoned "
                + n
                + " undelivered events (older than "
                + limits.maxAge()
                + " or beyond "
                + limits.maxPending()
                + " waiting)");
      }
    }
    StatusOutbox.Depth d = port.depth();
    depth = d.pending();
    oldest = d.oldest().orElse(null);
  }

  /**
   * Sends one batch of due events.
   *
   * @return how many were delivered
   */
  int sendDue() {
    Set<Integer> shards = owned.get();
    if (shards.isEmpty()) {
      return 0;
    }
    List<OutboxEvent> due = port.due(shards, clock.instant(), BATCH);
    Set<String> blocked = new HashSet<>(); // keep each SLO's events in order within a batch
    int sent = 0;
    for (OutboxEvent e : due) {
      if (blocked.contains(e.sloId()) || !owned.get().contains(e.shard())) {
        continue;
      }
      if (send(e)) {
        sent++;
      } else {
        blocked.add(e.sloId());
      }
    }
    return sent;
  }

  private boolean send(OutboxEvent e) {
    byte[] body = e.body().getBytes(StandardCharsets.UTF_8);
    DeliveryException retry = null;
    DeliveryException refused = null;
    for (EventSink sink : sinks) {
      try {
        sink.deliver(body);
      } catch (DeliveryException x) {
        if (x.retry()) {
          retry = x;
        } else {
          refused = x;
        }
      } catch (RuntimeException x) {
        retry = new DeliveryException(String.valueOf(x.getMessage()), true);
      }
    }
    Instant now = clock.instant();
    if (retry != null) {
      Duration wait = backoff(e.attempts());
      port.failed(
          e.eventId(), now.plus(wait), Objects.requireNonNull(retry.getMessage(), "message"));
      log.println(
          "slo serve: outbox: event "
              + e.eventId()
              + " of "
              + e.sloId()
              + " not delivered ("
              + retry.getMessage()
              + "); retrying in "
              + wait.toMillis()
              + " ms");
      return false;
    }
    if (refused != null) {
      port.abandon(e.eventId(), now, Objects.requireNonNull(refused.getMessage(), "message"));
      abandoned.incrementAndGet();
      log.println("slo serve: outbox: event " + e.eventId() + " refused: " + refused.getMessage());
      return true;
    }
    port.delivered(e.eventId(), now);
    delivered.incrementAndGet();
    return true;
  }

  /** 1 s after the first failure, doubled after each, at most 60 s. */
  static Duration backoff(int attempts) {
    if (attempts >= 6) {
      return MAX_BACKOFF;
    }
    Duration d = Duration.ofSeconds(1L << attempts);
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  /** Stops looking; the due events of owned shards are sent until {@code deadline}. */
  void close(Instant deadline) {
    closing = true;
    wake();
    try {
      worker.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      while (Instant.now().isBefore(deadline) && sendDue() > 0) {
        // drain what is due
      }
    } catch (RuntimeException e) {
      log.println("slo serve: outbox: not drained at shutdown: " + e.getMessage());
    }
  }
}
