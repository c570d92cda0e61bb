package dev.slo.core.store;

import dev.slo.core.InvalidInputException;

/**
 * A write that clashes with what is stored, such as a second SLO with an existing slo_id. A user
 * mistake: the CLI exits with 2.
 */
public class ConflictException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message names the clashing value and where it is stored. */
  public ConflictException(String message) {
    super(message);
  }
}
