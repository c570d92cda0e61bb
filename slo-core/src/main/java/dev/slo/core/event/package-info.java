/** The {@code slo_status_updated} event (docs/events.md), built from an evaluation. */
package dev.slo.core.event;
