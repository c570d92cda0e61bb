/**
 * Prometheus as an SLI source ({@link dev.slo.prometheus.PrometheusSource}, pushdown or exact), the
 * rule files that Prometheus should run ({@link dev.slo.prometheus.RuleGenerator}), and a {@code
 * /metrics} exporter of evaluation results ({@link dev.slo.prometheus.SloMetrics}).
 */
@NullMarked
package dev.slo.prometheus;

import org.jspecify.annotations.NullMarked;
