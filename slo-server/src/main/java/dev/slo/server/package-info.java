/**
 * {@code slo serve}: a thin HTTP server over the library on the JDK's {@code HttpServer}. It
 * evaluates every enabled SLO on an interval ({@link dev.slo.server.Monitor}), serves the REST API
 * (docs/openapi.json) ({@link dev.slo.server.SloApi}), exposes Prometheus gauges and emits {@code
 * slo_status_updated} events to sinks. Storage sits behind {@link dev.slo.server.SloRegistry} and
 * {@link dev.slo.server.HistoryStore}; metrics behind {@link dev.slo.server.MetricsExposition}.
 */
package dev.slo.server;
