package dev.slo.server;

import java.time.Instant;
import java.util.List;

/**
 * Receives the server's events. Calls come from the evaluation thread and must not block on the
 * network; implementations are thread-safe.
 */
public interface EventSink {

  /** One SLO changed its reported status or firing tiers. */
  void publish(Notice notice);

  /** An evaluation pass ended; {@code all} holds every SLO's state. Default: nothing. */
  default void evaluated(Instant at, List<Snapshot> all) {}

  /**
   * True when the sink can {@link #deliver} one event at a time and report the outcome, so that a
   * fleet's outbox (docs/serve.md, "A fleet of replicas") sends its events instead of {@link
   * #publish}: webhooks, files and standard output. Default false: the sink keeps getting {@link
   * #publish} and {@link #evaluated} (Alertmanager, which deduplicates by labels).
   */
  default boolean durable() {
    return false;
  }

  /**
   * Delivers one event JSON now, in the caller's thread, and returns once the receiver accepted it.
   * Called only when {@link #durable}.
   *
   * @throws DeliveryException when it was not accepted, saying whether a retry may succeed
   */
  default void deliver(byte[] event) {
    throw new UnsupportedOperationException("this sink delivers only through publish");
  }

  /** Delivers what is still queued, waiting at most until {@code deadline}, then stops. */
  void close(Instant deadline);
}
