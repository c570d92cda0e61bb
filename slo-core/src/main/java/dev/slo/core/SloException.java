package dev.slo.core;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception this library throws. Unchecked; the cause, when there is one, is kept.
 */
public class SloException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a one-line, user-readable message. */
  public SloException(String message) {
    super(message);
  }

  /** An exception with a one-line, user-readable message and the underlying cause. */
  public SloException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
