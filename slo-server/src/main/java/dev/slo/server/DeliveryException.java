package dev.slo.server;

/** An event that a sink's receiver did not accept ({@link EventSink#deliver}). Immutable. */
public final class DeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Whether trying again later may succeed (connection errors, 429, 5xx). */
  private final boolean retry;

  /** A failure described by {@code message}; {@code retry} when a later try may succeed. */
  public DeliveryException(String message, boolean retry) {
    super(message);
    this.retry = retry;
  }

  /** True when trying again later may succeed. */
  public boolean retry() {
    return retry;
  }
}
