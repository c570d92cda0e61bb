package dev.slo.core.tracker;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand. Thread-safe. */
final class MutableClock extends Clock {
  private volatile long millis;

  MutableClock(Instant start) {
    this.millis = start.toEpochMilli();
  }

  void set(Instant t) {
    millis = t.toEpochMilli();
  }

  void setMillis(long ms) {
    millis = ms;
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("tests use UTC");
  }
}
