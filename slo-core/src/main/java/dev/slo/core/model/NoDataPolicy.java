package dev.slo.core.model;

/** What a period without any events means. */
public enum NoDataPolicy {
  /** No events: no SLI, budget untouched, status HEALTHY. */
  IGNORE,
  /** No events: the period counts as fully bad. */
  BAD
}
