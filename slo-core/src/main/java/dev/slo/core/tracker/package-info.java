/**
 * SLOs tracked inside a service: {@link dev.slo.core.tracker.SloTracker} counts events in memory in
 * fixed steps with a lock-free hot path ({@link dev.slo.core.tracker.SloRecorder}), evaluates them
 * with the core evaluator, snapshots and restores its counts, and writes closed steps to an SLI
 * history store ({@link dev.slo.core.tracker.HistoryWriter}) and fills a new tracker from one
 * ({@link dev.slo.core.tracker.HistoryRestore}). No dependencies beyond the JDK and core; time
 * comes from an injected {@link java.time.Clock}.
 */
package dev.slo.core.tracker;
