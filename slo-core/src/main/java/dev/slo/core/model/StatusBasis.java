package dev.slo.core.model;

/**
 * What an SLO's status and alert tiers are decided on: the observed SLI ({@code point}, the
 * default), or the upper bound of its 95% Wilson score interval ({@code upper_bound}), so that a
 * few errors among few requests do not make a low-traffic SLO CRITICAL by chance. The reported SLI,
 * budget and burn rates stay the observed ones either way.
 */
public enum StatusBasis {
  /** The observed SLI. */
  POINT,
  /** The upper bound of the SLI's 95% Wilson score interval. */
  UPPER_BOUND
}
