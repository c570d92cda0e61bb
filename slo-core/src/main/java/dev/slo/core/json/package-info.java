/**
 * The JSON shapes of the status, error budget, SLI metric and {@code slo_status_updated} objects
 * (docs/openapi.json, docs/events.md), shared by the CLI, the server and reports.
 */
@NullMarked
package dev.slo.core.json;

import org.jspecify.annotations.NullMarked;
