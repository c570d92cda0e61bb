package dev.slo.server;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request and its response, free of the transport. Immutable.
 *
 * @param method the request method, upper case
 * @param path the decoded path
 * @param query decoded query parameters, each with its values in order
 * @param headers header values by lower-case name, in order
 * @param body the request body, at most {@link HttpLimits#maxBodyBytes} bytes
 */
record Exchange(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    byte[] body) {

  /**
   * A response.
   *
   * @param status the HTTP status
   * @param contentType the Content-Type
   * @param body the body
   * @param headers extra headers
   */
  record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json";

    /** A JSON response without extra headers. */
    static Response json(int status, byte[] body) {
      return new Response(status, JSON, body, Map.of());
    }
  }

  /** The last value of a query parameter, or null. */
  @Nullable String param(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
  }

  /** The first value of a header (lower-case name), or null. */
  @Nullable String header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The Authorization header, or null. */
  @Nullable String authorization() {
    return header("authorization");
  }
}
