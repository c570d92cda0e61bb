package dev.slo.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.json.StatusJson;
import dev.slo.core.model.Slo;
import dev.slo.core.store.SavedSnapshot;
import dev.slo.core.store.StatusOutbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Status and error-budget reads of a fleet replica (docs/serve.md, "A fleet of replicas"): the
 * bodies the SLO's owner saved, whichever replica owns it, marked {@code stale} with {@code
 * snapshot_age_seconds} when the owner has not saved a newer one for more than two intervals.
 * Stateless and thread-safe.
 */
final class SharedReads {
  private SharedReads() {}

  /**
   * The saved snapshot of {@code slo}, as a {@link Snapshot} holding the bodies to answer; empty
   * when none was saved.
   *
   * @throws dev.slo.core.SourceException when the store cannot be read
   */
  static Optional<Snapshot> snapshot(Monitor monitor, Slo slo, Instant now) {
    StatusOutbox port = monitor.outbox().orElseThrow();
    Optional<SavedSnapshot> saved = port.snapshot(slo.sloId());
    if (saved.isEmpty()) {
      return Optional.empty();
    }
    SavedSnapshot s = saved.get();
    Duration age = Duration.between(s.evaluatedAt(), now);
    byte[] status = s.statusJson().getBytes(StandardCharsets.UTF_8);
    byte[] budget = s.budgetJson().getBytes(StandardCharsets.UTF_8);
    boolean old = age.compareTo(monitor.interval().multipliedBy(2)) > 0;
    String error = null;
    if (old) {
      long seconds = Math.max(0, age.toSeconds());
      error =
          "the snapshot is "
              + seconds
              + "s old, more than two intervals: no replica has evaluated this SLO since";
      status = aged(status, seconds, error);
      budget = aged(budget, seconds, error);
    }
    return Optional.of(
        new Snapshot(slo, null, Map.of(), old, error, s.evaluatedAt(), status, budget));
  }

  private static byte[] aged(byte[] body, long seconds, String error) {
    try {
      ObjectNode o = (ObjectNode) StatusJson.MAPPER.readTree(body);
      o.put("stale", true);
      if (!o.hasNonNull("source_error")) {
        o.put("source_error", error);
      }
      o.put("snapshot_age_seconds", seconds);
      return ApiJson.bytes(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
