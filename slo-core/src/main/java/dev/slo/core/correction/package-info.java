/**
 * Budget corrections: time ranges (one-off or recurring by an RFC 5545 RRULE) whose events are
 * removed from an SLO's accounting, their expansion into merged intervals over a query range, and
 * an {@link dev.slo.core.source.EventSource} decorator that subtracts them exactly.
 */
@NullMarked
package dev.slo.core.correction;

import org.jspecify.annotations.NullMarked;
