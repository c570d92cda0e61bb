package dev.slo.core.model;

/** What an SLO measures, {@code slo_type} of docs/spec.md. */
public enum SloType {
  AVAILABILITY,
  LATENCY,
  THROUGHPUT,
  ERROR_RATE,
  CUSTOM
}
