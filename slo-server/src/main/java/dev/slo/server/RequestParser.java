package dev.slo.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses the head of an HTTP/1.x request (request line and headers) from the bytes received so far.
 * Strict where leniency would let two parsers disagree (RFC 9112): one space between the parts of
 * the request line, no space before a header's colon, no line folding, one Content-Length of digits
 * only, and no Transfer-Encoding (411: bodies need a Content-Length). Every refusal is an {@link
 * ApiException} (400, 411, 413 or 431) whose message shows the bad value cut short and with control
 * characters escaped. Stateless; thread-safe.
 */
final class RequestParser {
  /** Headers at most in one request. */
  static final int MAX_HEADERS = 100;

  private RequestParser() {}

  /**
   * A request line and its headers.
   *
   * @param method the method as sent (a token)
   * @param path the percent-decoded path
   * @param rawQuery the query as sent, without {@code ?}, or null
   * @param headers header values by lower-case name, in order
   * @param headEnd the index just after the blank line that ends the head
   * @param contentLength the body length in bytes (0 without Content-Length)
   * @param keepAlive false when the connection closes after this request
   */
  record Head(
      String method,
      String path,
      @Nullable String rawQuery,
      Map<String, List<String>> headers,
      int headEnd,
      int contentLength,
      boolean keepAlive) {

    /** The first value of a header (lower-case name), or null. */
    @Nullable String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** True when the client waits for {@code 100 Continue} before sending the body. */
    boolean expectsContinue() {
      String e = header("expect");
      return e != null && e.equalsIgnoreCase("100-continue");
    }
  }

  /**
   * The head in {@code buf[0, len)}, or null while its end has not arrived.
   *
   * @throws ApiException when the head is malformed or over the limits
   */
  static @Nullable Head parse(byte[] buf, int len, int maxHeaderBytes, int maxBodyBytes) {
    int start = 0;
    // RFC 9112 2.2: ignore at least one empty line before the request line
    while (start + 1 < len && buf[start] == '\r' && buf[start + 1] == '\n' && start < 8) {
      start += 2;
    }
    int end = headEnd(buf, start, Math.min(len, maxHeaderBytes + start));
    if (end < 0) {
      if (len - start >= maxHeaderBytes) {
        throw new ApiException(
            431,
            "headers_too_large",
            "the request line and headers are longer than " + maxHeaderBytes + " bytes",
            null,
            Map.of("Connection", "close"));
      }
      return null;
    }
    List<String> lines = lines(buf, start, end);
    String[] line = requestLine(lines.get(0));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      header(lines.get(i), headers);
    }
    if (headers.size() > MAX_HEADERS) {
      throw bad("the request has more than " + MAX_HEADERS + " headers");
    }
    int length = contentLength(headers, maxBodyBytes);
    boolean http11 = line[2].equals("HTTP/1.1");
    String connection = String.join(",", headers.getOrDefault("connection", List.of()));
    boolean close = hasToken(connection, "close");
    boolean keepAlive = http11 ? !close : hasToken(connection, "keep-alive") && !close;
    String target = line[1];
    int q = target.indexOf('?');
    String path = decodePath(q < 0 ? target : target.substring(0, q));
    return new Head(
        line[0],
        path,
        q < 0 ? null : target.substring(q + 1),
        Collections.unmodifiableMap(headers),
        end,
        length,
        keepAlive);
  }

  /** The index after the first empty line, searching {@code [from, to)}, or -1. */
  private static int headEnd(byte[] buf, int from, int to) {
    for (int i = from; i + 3 < to; i++) {
      if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
        return i + 4;
      }
    }
    return -1;
  }

  private static List<String> lines(byte[] buf, int from, int end) {
    List<String> out = new ArrayList<>();
    int s = from;
    for (int i = from; i < end - 2; i++) {
      byte b = buf[i];
      if (b == '\r') {
        if (buf[i + 1] != '\n') {
          throw bad("a bare CR inside the request head");
        }
        out.add(new String(buf, s, i - s, StandardCharsets.ISO_8859_1));
        s = i + 2;
        i++;
      } else if (b == '\n') {
        throw bad("a bare LF inside the request head; lines end with CRLF");
      } else if (b == 0) {
        throw bad("a NUL byte inside the request head");
      }
    }
    return out;
  }

  private static String[] requestLine(String line) {
    String[] p = line.split(" ", -1);
    if (p.length != 3 || p[0].isEmpty() || p[1].isEmpty()) {
      throw bad(show(line) + " is not a request line; use METHOD /path HTTP/1.1");
    }
    if (!isToken(p[0])) {
      throw bad(show(p[0]) + " is not a method");
    }
    if (!p[2].equals("HTTP/1.1") && !p[2].equals("HTTP/1.0")) {
      throw bad(show(p[2]) + " is not a supported protocol; use HTTP/1.1");
    }
    if (p[1].charAt(0) != '/') {
      throw bad(show(p[1]) + " is not a path; the request target must start with /");
    }
    for (int i = 0; i < p[1].length(); i++) {
      char c = p[1].charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw bad(show(p[1]) + " is not a valid request target");
      }
    }
    return p;
  }

  private static void header(String line, Map<String, List<String>> headers) {
    if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
      throw bad(show(line) + " is a folded header line; send each header on one line");
    }
    int colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.substring(0, colon))) {
      throw bad(show(line) + " is not a header; use Name: value");
    }
    String value = line.substring(colon + 1).strip();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw bad(show(line) + " has a control character in its value");
      }
    }
    headers
        .computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
        .add(value);
  }

  private static int contentLength(Map<String, List<String>> headers, int maxBodyBytes) {
    List<String> te = headers.get("transfer-encoding");
    List<String> cl = headers.get("content-length");
    if (te != null && cl != null) {
      throw bad("both Content-Length and Transfer-Encoding are set; send one (Content-Length)");
    }
    if (te != null) {
      throw new ApiException(
          411,
          "length_required",
          "Transfer-Encoding "
              + show(String.join(", ", te))
              + " is not supported; send a"
              + " Content-Length",
          null,
          Map.of("Connection", "close"));
    }
    if (cl == null) {
      return 0;
    }
    String v = cl.get(0);
    for (String other : cl) {
      if (!other.equals(v)) {
        throw bad("Content-Length is set twice, to " + show(v) + " and " + show(other));
      }
    }
    if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw bad(show(v) + " is not a valid Content-Length; use a number of bytes, 0 or more");
    }
    long n = Long.parseLong(v);
    if (n > maxBodyBytes) {
      throw new ApiException(
          413,
          "payload_too_large",
          "the request body is larger than " + maxBodyBytes + " bytes",
          null,
          Map.of("Connection", "close"));
    }
    return (int) n;
  }

  private static String decodePath(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
        if (lo < 0) {
          throw bad(show(raw) + " is not a valid path: % must be followed by two hex digits");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        out.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw bad(show(raw) + " is not a valid path: it is not UTF-8");
    }
  }

  private static boolean hasToken(String list, String token) {
    for (String t : list.split(",", -1)) {
      if (t.strip().equalsIgnoreCase(token)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code s} quoted, cut to 60 characters, with control and non-ASCII characters escaped. */
  static String show(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length() && i < 60; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append(s.length() > 60 ? "...\"" : "\"").toString();
  }

  private static ApiException bad(String message) {
    return new ApiException(400, "bad_request", message, null, Map.of("Connection", "close"));
  }
}
