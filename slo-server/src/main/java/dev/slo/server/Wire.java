package dev.slo.server;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An {@link Exchange.Response} written as HTTP/1.1: status line, headers, body. Stateless. */
final class Wire {
  private Wire() {}

  /** The response as bytes on the wire; without its body for HEAD. */
  static byte[] bytes(Exchange.Response r, boolean keepAlive, String method) {
    StringBuilder h = new StringBuilder(256);
    h.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
    h.append("Content-Type: ").append(r.contentType()).append("\r\n");
    h.append("Cache-Control: no-store\r\n");
    r.headers()
        .forEach(
            (k, v) -> {
              if (!k.equalsIgnoreCase("Connection")) {
                h.append(k).append(": ").append(v).append("\r\n");
              }
            });
    h.append("Content-Length: ").append(r.body().length).append("\r\n");
    if (!keepAlive) {
      h.append("Connection: close\r\n");
    }
    h.append("\r\n");
    byte[] head = h.toString().getBytes(StandardCharsets.ISO_8859_1);
    if ("HEAD".equals(method)) {
      return head;
    }
    byte[] out = Arrays.copyOf(head, head.length + r.body().length);
    System.arraycopy(r.body(), 0, out, head.length, r.body().length);
    return out;
  }

  private static String reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 201:
        return "Created";
      case 204:
        return "No Content";
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 405:
        return "Method Not Allowed";
      case 408:
        return "Request Timeout";
      case 409:
        return "Conflict";
      case 411:
        return "Length Required";
      case 413:
        return "Content Too Large";
      case 415:
        return "Unsupported Media Type";
      case 431:
        return "Request Header Fields Too Large";
      case 500:
        return "Internal Server Error";
      case 503:
        return "Service Unavailable";
      default:
        return "Status " + status;
    }
  }
}
