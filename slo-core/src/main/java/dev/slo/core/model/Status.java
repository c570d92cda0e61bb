package dev.slo.core.model;

/**
 * The {@code status} enum of docs/openapi.json, ordered from best to worst: {@code
 * a.isWorseThan(b)} compares severity.
 */
public enum Status {
  HEALTHY,
  WARNING,
  CRITICAL,
  EXHAUSTED;

  /** True when this status is at least as bad as {@code other}. */
  public boolean isAtLeast(Status other) {
    return compareTo(other) >= 0;
  }
}
