package dev.slo.core;

import org.jspecify.annotations.Nullable;

/**
 * An SLI source could not be read: a server down, a reply that is not what was expected, a file
 * that vanished. The message names the source and the problem.
 */
public class SourceException extends SloException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message names the source and the problem. */
  public SourceException(String message) {
    super(message);
  }

  /** An exception whose message names the source and the problem, with the cause kept. */
  public SourceException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
