package dev.slo.prometheus;

import dev.slo.core.SourceException;

/**
 * A query the server answered as failed ({@code "status": "error"}: a parse error, an execution
 * limit, a timeout) or whose reply passed the size allowed for it, as opposed to no answer at all.
 * A batched request can fail this way because of one SLO's subquery (or the size of all of them
 * together), so the SLOs are asked for again on their own.
 */
final class QueryRefusedException extends SourceException {
  private static final long serialVersionUID = 1L;

  QueryRefusedException(String message) {
    super(message);
  }
}
