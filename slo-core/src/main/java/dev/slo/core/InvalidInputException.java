package dev.slo.core;

/**
 * Input that a user can correct: an SLO definition, a spec file, a data file or a flag. The message
 * names what is wrong and where.
 */
public class InvalidInputException extends SloException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message names the bad value and where it came from. */
  public InvalidInputException(String message) {
    super(message);
  }

  /** An exception whose message names the bad value, with the cause kept. */
  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
