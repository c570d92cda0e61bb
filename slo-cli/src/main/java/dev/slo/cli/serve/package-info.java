/**
 * {@code slo serve}: a thin HTTP server over the library on the JDK's {@code HttpServer}. It
 * evaluates every enabled SLO on an interval ({@link dev.slo.cli.serve.Monitor}), serves the seed's
 * REST API ({@link dev.slo.cli.serve.SloApi}), exposes Prometheus gauges and emits {@code
 * slo_status_updated} events to sinks. Storage sits behind {@link dev.slo.cli.serve.SloRegistry}
 * and {@link dev.slo.cli.serve.HistoryStore}; metrics behind {@link
 * dev.slo.cli.serve.MetricsExposition}.
 */
package dev.slo.cli.serve;
