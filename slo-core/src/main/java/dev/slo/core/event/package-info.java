/** The {@code slo_status_updated} event (docs/events.md), built from an evaluation. */
@NullMarked
package dev.slo.core.event;

import org.jspecify.annotations.NullMarked;
