package dev.slo.prometheus;

import dev.slo.core.SourceException;

/**
 * The server answered that a query failed ({@code "status": "error"}: a parse error, an execution
 * limit, a timeout), as opposed to no answer at all. A batched request can fail this way for one
 * SLO's subquery, so the others are asked again on their own.
 */
final class QueryRefusedException extends SourceException {
  private static final long serialVersionUID = 1L;

  QueryRefusedException(String message) {
    super(message);
  }
}
