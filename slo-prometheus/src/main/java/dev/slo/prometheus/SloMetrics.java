package dev.slo.prometheus;

import dev.slo.core.alert.AlertTier;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.FiringAlert;
import dev.slo.core.model.Status;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Exposes evaluation results as Prometheus gauges, one series set per SLO: {@code slo_sli_ratio},
 * {@code slo_objective_ratio}, {@code slo_error_budget_remaining_ratio}, {@code
 * slo_error_budget_consumed_ratio}, {@code slo_burn_rate{window}}, {@code slo_status{status}} (1
 * for the current status, 0 for the others), {@code slo_alert_firing{tier,severity}}, {@code
 * slo_time_to_exhaustion_seconds}, {@code slo_no_data}, {@code slo_stale} and {@code
 * slo_last_evaluation_timestamp_seconds}. Thread-safe: any thread may call {@link #update}.
 */
public final class SloMetrics {
  private static final String[] BASE = {"slo_id", "service"};

  private final Gauge sli;
  private final Gauge objective;
  private final Gauge remaining;
  private final Gauge consumed;
  private final Gauge burn;
  private final Gauge status;
  private final Gauge firing;
  private final Gauge exhaustion;
  private final Gauge noData;
  private final Gauge lastEvaluation;
  private final Gauge stale;
  private final PrometheusRegistry registry;

  /** Registers the gauges with {@code registry}. */
  public SloMetrics(PrometheusRegistry registry) {
    this.registry = registry;
    sli = gauge("slo_sli_ratio", "Current SLI as a ratio (absent without data).", BASE);
    objective = gauge("slo_objective_ratio", "SLO target as a ratio, e.g. 0.999.", BASE);
    remaining =
        gauge("slo_error_budget_remaining_ratio", "Fraction of the error budget left.", BASE);
    consumed =
        gauge("slo_error_budget_consumed_ratio", "Fraction of the error budget spent.", BASE);
    burn = gauge("slo_burn_rate", "Burn rate per window.", "slo_id", "service", "window");
    status = gauge("slo_status", "1 for the SLO's current status.", "slo_id", "service", "status");
    firing =
        gauge(
            "slo_alert_firing",
            "1 when the multi-window burn-rate tier fires.",
            "slo_id",
            "service",
            "tier",
            "severity");
    exhaustion =
        gauge(
            "slo_time_to_exhaustion_seconds",
            "Seconds until the budget is spent at the 1h burn rate (absent when not burning).",
            BASE);
    noData = gauge("slo_no_data", "1 when the period holds no events.", BASE);
    lastEvaluation =
        gauge("slo_last_evaluation_timestamp_seconds", "When the SLO was last evaluated.", BASE);
    stale =
        gauge(
            "slo_stale",
            "1 when the last evaluation failed and the values are the last good.",
            BASE);
  }

  /** Gauges in the default registry. */
  public static SloMetrics withDefaultRegistry() {
    return new SloMetrics(PrometheusRegistry.defaultRegistry);
  }

  /** The registry the gauges live in. */
  public PrometheusRegistry registry() {
    return registry;
  }

  private Gauge gauge(String name, String help, String... labels) {
    return Gauge.builder().name(name).help(help).labelNames(labels).register(registry);
  }

  /** Sets every gauge of the evaluation's SLO. */
  public void update(Evaluation e) {
    String id = e.slo().sloId();
    String svc = e.slo().serviceName();
    if (e.currentSliPercent() == null) {
      sli.remove(id, svc);
    } else {
      sli.labelValues(id, svc).set(ratio(e.currentSliPercent()));
    }
    objective.labelValues(id, svc).set(ratio(e.slo().targetPercentage()));
    remaining.labelValues(id, svc).set(e.errorBudgetRemaining());
    consumed.labelValues(id, svc).set(e.errorBudgetConsumed());
    for (Map.Entry<String, Double> b : e.burnRateLabels().entrySet()) {
      burn.labelValues(id, svc, b.getKey()).set(b.getValue());
    }
    for (Status s : Status.values()) {
      status.labelValues(id, svc, s.name()).set(s == e.status() ? 1 : 0);
    }
    for (AlertTier t : e.tiers()) {
      boolean on = e.alerts().stream().map(FiringAlert::tier).anyMatch(t::equals);
      firing.labelValues(id, svc, t.name(), t.severity().label()).set(on ? 1 : 0);
    }
    if (e.timeToExhaustionSeconds() == null) {
      exhaustion.remove(id, svc);
    } else {
      exhaustion.labelValues(id, svc).set(e.timeToExhaustionSeconds());
    }
    noData.labelValues(id, svc).set(e.noData() ? 1 : 0);
    lastEvaluation.labelValues(id, svc).set(e.at().toEpochMilli() / 1000.0);
  }

  /** A percentage as a ratio without binary noise: 99.9 gives 0.999, not 0.9990000000000001. */
  private static double ratio(double percent) {
    return java.math.BigDecimal.valueOf(percent).movePointLeft(2).doubleValue();
  }

  /** Marks an SLO's values as stale (its source failed) or fresh. */
  public void stale(dev.slo.core.model.Slo slo, boolean isStale) {
    stale.labelValues(slo.sloId(), slo.serviceName()).set(isStale ? 1 : 0);
  }

  /** The Content-Type of {@link #text()}: Prometheus text format 0.0.4. */
  public static String textContentType() {
    return io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter.CONTENT_TYPE;
  }

  /** Every gauge in Prometheus text format 0.0.4, as {@code /metrics} serves it. */
  public byte[] text() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
    try {
      io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter.create()
          .write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Serves the registry on {@code /metrics} at {@code port} (0 picks a free one) until the server
   * is closed.
   */
  public HTTPServer serve(String host, int port) {
    try {
      return HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve /metrics on " + host + ":" + port, e);
    }
  }
}
