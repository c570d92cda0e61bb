package dev.slo.prometheus;

import dev.slo.core.SourceException;
import java.net.URI;

/** Turns a parsed reply into its result, or into the one-line error it deserves. Stateless. */
final class ReplyCheck {
  private ReplyCheck() {}

  /**
   * The result of a reply that is a complete success.
   *
   * @param base the server, for messages
   * @param status the HTTP status
   * @param head the reply's first bytes, for messages
   * @param query the query, already cut for messages
   * @throws SourceException when the reply is an error, not the API, partial or warned about
   */
  static QueryResult accept(
      URI base, int status, ReplyParser.Reply reply, String head, String query) {
    if (reply.status() == null) {
      throw new SourceException(
          base
              + ": HTTP "
              + status
              + ", the reply is not the Prometheus API"
              + " (expected JSON with a 'status' field): "
              + head);
    }
    if (!"success".equals(reply.status())) {
      throw new QueryRefusedException(
          base
              + ": query failed ("
              + (reply.errorType() == null ? "error" : reply.errorType())
              + "): "
              + (reply.error() == null ? "no message" : reply.error())
              + "; query: "
              + query);
    }
    if (reply.data() == null) {
      throw new SourceException(
          base + ": the reply is not the Prometheus API (no data.resultType/result)");
    }
    if (reply.partial()) {
      throw new SourceException(
          base
              + ": the server says its answer is partial (a storage node did not answer);"
              + " counts would be too low: "
              + query);
    }
    if (reply.warning() != null) {
      throw new SourceException(
          base
              + ": the server warned "
              + ReplyParser.cut(reply.warning())
              + "; counts could be incomplete: "
              + query);
    }
    return reply.data();
  }
}
