/**
 * JMH benchmarks of the evaluator: one SLO over 30 days of one-minute data, and a fleet of 10,000
 * SLOs. Run them from the shaded jar {@code benchmarks/target/benchmarks.jar}; see {@code
 * benchmarks/README.md}.
 */
@NullMarked
package dev.slo.benchmarks;

import org.jspecify.annotations.NullMarked;
