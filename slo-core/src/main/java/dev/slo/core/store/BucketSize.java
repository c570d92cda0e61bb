package dev.slo.core.store;

import java.time.Duration;

/** The widths of bucketed SLI sums; buckets start at UTC multiples of their width. */
public enum BucketSize {
  MINUTE(Duration.ofMinutes(1)),
  HOUR(Duration.ofHours(1)),
  DAY(Duration.ofDays(1));

  private final Duration width;

  BucketSize(Duration width) {
    this.width = width;
  }

  /** The bucket width. */
  public Duration width() {
    return width;
  }
}
