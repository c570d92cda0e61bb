package dev.slo.core.store;

import dev.slo.core.InvalidInputException;

/** A write or read naming something that is not stored, such as an unknown slo_id. */
public class NotFoundException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message names the missing value and where it was looked for. */
  public NotFoundException(String message) {
    super(message);
  }
}
