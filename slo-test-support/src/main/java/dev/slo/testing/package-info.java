/**
 * Test fixtures shared by the modules' tests: a PostgreSQL database per test class ({@link
 * dev.slo.testing.TestDatabase}), a real Prometheus backfilled with a known workload ({@link
 * dev.slo.testing.PrometheusServer}, {@link dev.slo.testing.Workload}) and a real VictoriaMetrics
 * loaded with the same samples ({@link dev.slo.testing.VictoriaMetricsServer}), a clock moved by
 * hand ({@link dev.slo.testing.MutableClock}), and the store contract every {@code SloStore} passes
 * ({@link dev.slo.testing.SloStoreContract}). Not for production use.
 */
@NullMarked
package dev.slo.testing;

import org.jspecify.annotations.NullMarked;
