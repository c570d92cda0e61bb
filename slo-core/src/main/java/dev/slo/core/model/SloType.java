package dev.slo.core.model;

/** What an SLO measures, as in the seed's {@code SLOType}. */
public enum SloType {
  AVAILABILITY,
  LATENCY,
  THROUGHPUT,
  ERROR_RATE,
  CUSTOM
}
