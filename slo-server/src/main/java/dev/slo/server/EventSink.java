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

  /** Delivers what is still queued, waiting at most until {@code deadline}, then stops. */
  void close(Instant deadline);
}
