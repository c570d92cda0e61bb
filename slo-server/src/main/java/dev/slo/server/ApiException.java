package dev.slo.server;

import dev.slo.core.SloException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request the API refuses: the HTTP status, a stable error code and a one-line message, sent as
 * {@code {"error": code, "message": message}}. Immutable.
 */
public final class ApiException extends SloException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, String> headers;
  private final @Nullable String field;

  /** The longest message sent, in characters. */
  static final int MAX_MESSAGE = 500;

  /** An error without extra headers or field. */
  public ApiException(int status, String code, String message) {
    this(status, code, message, null, Map.of());
  }

  /** An error naming the request field at fault (may be null) and extra response headers. */
  public ApiException(
      int status,
      String code,
      String message,
      @Nullable String field,
      Map<String, String> headers) {
    super(oneLine(message));
    this.status = status;
    this.code = code;
    this.field = field;
    this.headers = Map.copyOf(headers);
  }

  /**
   * {@code message} as one short line: control characters (a request's decoded {@code %0a} or
   * {@code %1b}) escaped as a backslash, u and four hex digits, and cut to {@value #MAX_MESSAGE}
   * characters.
   */
  static String oneLine(String message) {
    StringBuilder b = new StringBuilder(Math.min(message.length(), MAX_MESSAGE + 16));
    for (int i = 0; i < message.length(); i++) {
      if (b.length() >= MAX_MESSAGE) {
        return b.append("... (cut)").toString();
      }
      char c = message.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** 400 naming a field. */
  static ApiException badField(String field, String message) {
    return new ApiException(400, "invalid_field", field + ": " + message, field, Map.of());
  }

  /** 404 for an unknown SLO. */
  static ApiException unknownSlo(String sloId) {
    return new ApiException(404, "not_found", "\"" + sloId + "\" is not a known slo_id");
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The stable error code, e.g. {@code invalid_field}. */
  public String code() {
    return code;
  }

  /** The request field at fault, or null. */
  public @Nullable String field() {
    return field;
  }

  /** Extra response headers, e.g. {@code Allow}. */
  public Map<String, String> headers() {
    return headers;
  }
}
