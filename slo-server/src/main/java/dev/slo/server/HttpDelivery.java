package dev.slo.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs JSON bodies to one URL from a bounded queue on its own thread, so callers never block. A
 * body is retried on connection errors, 429 and 5xx with exponential backoff ({@code backoff},
 * doubled each time, at most 30 s) up to {@code attempts} tries; other 4xx replies drop it. When
 * the queue is full, new bodies are dropped and counted. Thread-safe.
 */
final class HttpDelivery {
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final String name;
  private final URI uri;
  private final DeliveryPolicy policy;
  private final PrintWriter log;
  private final BlockingQueue<byte[]> queue;
  private final HttpClient client;
  private final Thread worker;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closing;
  private volatile Instant deadline = Instant.MAX;

  /** Starts the delivery thread. */
  HttpDelivery(String name, URI uri, DeliveryPolicy policy, PrintWriter log) {
    this.name = name;
    this.uri = uri;
    this.policy = policy;
    this.log = log;
    this.queue = new ArrayBlockingQueue<>(policy.capacity());
    this.client = HttpClient.newBuilder().connectTimeout(policy.timeout()).build();
    this.worker = new Thread(this::run, "slo-" + name);
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues a body; false (and counted as dropped) when the queue is full or closing. */
  boolean offer(byte[] body) {
    if (closing || !queue.offer(body)) {
      dropped.incrementAndGet();
      log.println("slo serve: " + name + ": queue full or closing, dropped one delivery");
      return false;
    }
    return true;
  }

  /** Bodies delivered with a 2xx reply. */
  long delivered() {
    return delivered.get();
  }

  /** Bodies dropped: queue full, retries exhausted or refused. */
  long dropped() {
    return dropped.get();
  }

  /** Stops accepting, delivers what is queued until {@code deadline}, then stops the thread. */
  void close(Instant deadline) {
    this.deadline = deadline;
    closing = true;
    long wait = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
    try {
      worker.join(wait + 1);
      if (worker.isAlive()) {
        worker.interrupt();
        worker.join(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int left = queue.size();
    if (left > 0) {
      dropped.addAndGet(left);
      log.println("slo serve: " + name + ": " + left + " deliveries left undelivered at shutdown");
    }
  }

  /**
   * POSTs one body now, in the caller's thread, once; returns on a 2xx reply.
   *
   * @throws DeliveryException on a connection error, 429 or 5xx (retry) or another reply (do not)
   */
  void sendOnce(byte[] body) {
    int code;
    try {
      code =
          client
              .send(
                  HttpRequest.newBuilder(uri)
                      .timeout(policy.timeout())
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
    } catch (IOException e) {
      throw new DeliveryException(name + " " + uri + ": " + e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(name + " " + uri + ": interrupted", true);
    }
    if (code / 100 == 2) {
      delivered.incrementAndGet();
      return;
    }
    throw new DeliveryException(
        "HTTP " + code + " from " + name + " " + uri, code == 429 || code / 100 != 4);
  }

  private void run() {
    try {
      while (!closing || !queue.isEmpty()) {
        byte[] body = queue.poll(100, TimeUnit.MILLISECONDS);
        if (body != null) {
          deliver(body);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(byte[] body) throws InterruptedException {
    Duration backoff = policy.backoff();
    String last = "";
    for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(uri)
                    .timeout(policy.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        int code = r.statusCode();
        if (code / 100 == 2) {
          delivered.incrementAndGet();
          return;
        }
        last = "HTTP " + code;
        if (code != 429 && code / 100 == 4) {
          break;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      if (attempt < policy.attempts()) {
        if (Instant.now().plus(backoff).isAfter(deadline)) {
          break;
        }
        Thread.sleep(backoff.toMillis());
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
    dropped.incrementAndGet();
    log.println("slo serve: " + name + ": giving up on a delivery to " + uri + ": " + last);
  }
}
