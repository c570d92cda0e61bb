/**
 * {@code slo serve} as a library. {@link dev.slo.server.SloServer} (built with {@link
 * dev.slo.server.SloServer#builder()}) serves the REST API of docs/openapi.json, {@code /metrics},
 * {@code /healthz} and {@code /readyz} over a {@link dev.slo.server.Monitor}, which evaluates every
 * enabled SLO of a {@link dev.slo.core.store.SloStore} on an interval and sends {@code
 * slo_status_updated} events (docs/events.md) to {@link dev.slo.server.EventSink}s made by {@link
 * dev.slo.server.EventSinks}. HTTP runs on a small non-blocking HTTP/1.1 front with deadlines and
 * size limits ({@link dev.slo.server.HttpLimits}). Everything else is internal.
 */
@NullMarked
package dev.slo.server;

import org.jspecify.annotations.NullMarked;
