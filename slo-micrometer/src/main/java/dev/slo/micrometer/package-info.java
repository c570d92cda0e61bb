/**
 * Micrometer integration: {@link dev.slo.micrometer.SloMeterBinder} publishes SLO status, SLI,
 * error budget, burn rates and firing tiers as gauges in any {@code MeterRegistry}; {@link
 * dev.slo.micrometer.MeterSliFeeder} feeds an in-process {@code SloTracker} from a service's own
 * timers and counters.
 */
@NullMarked
package dev.slo.micrometer;

import org.jspecify.annotations.NullMarked;
