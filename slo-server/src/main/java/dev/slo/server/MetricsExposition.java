package dev.slo.server;

import java.util.List;

/**
 * Renders the SLOs' latest states for {@code GET /metrics}. Swap in another exporter by
 * implementing this. Implementations are thread-safe.
 */
interface MetricsExposition {

  /** The Content-Type of {@link #render}'s output. */
  String contentType();

  /** The whole exposition for the given states. */
  byte[] render(List<Snapshot> snapshots);
}
