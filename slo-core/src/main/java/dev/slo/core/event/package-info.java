/** The seed's {@code slo_status_updated} event, built from an evaluation. */
package dev.slo.core.event;
