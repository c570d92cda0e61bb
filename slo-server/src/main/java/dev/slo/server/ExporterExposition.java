package dev.slo.server;

import dev.slo.prometheus.SloMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;

/**
 * {@code /metrics} from the slo-prometheus exporter ({@link SloMetrics}, client_java): every
 * evaluated SLO's gauges plus {@code slo_stale}; SLOs never evaluated are left out. Thread-safe.
 */
final class ExporterExposition implements MetricsExposition {
  private final SloMetrics metrics = new SloMetrics(new PrometheusRegistry());

  @Override
  public String contentType() {
    return SloMetrics.textContentType();
  }

  @Override
  public synchronized byte[] render(List<Snapshot> snapshots) {
    for (Snapshot s : snapshots) {
      if (s.evaluation() != null) {
        metrics.update(s.evaluation());
        metrics.stale(s.slo(), s.stale());
      }
    }
    return metrics.text();
  }
}
