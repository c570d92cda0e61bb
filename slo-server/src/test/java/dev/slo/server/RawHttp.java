package dev.slo.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Sends raw bytes to a server and reads the answer until the server closes (at most 5 s). */
final class RawHttp {
  private RawHttp() {}

  /** The server's answer to {@code request}: status line, headers and body as text. */
  static String exchange(int port, String request) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      s.setSoTimeout(5000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      return readAll(s.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything until end of stream; what arrived so far when 5 s pass without a byte. */
  static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = new byte[4096];
    try {
      for (int n; (n = in.read(b)) >= 0; ) {
        out.write(b, 0, n);
      }
    } catch (SocketTimeoutException e) {
      // the server kept the connection open; return what it sent
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** The status code of a raw answer, or -1 when there is none. */
  static int status(String answer) {
    return answer.startsWith("HTTP/1.1 ") && answer.length() >= 12
        ? Integer.parseInt(answer.substring(9, 12))
        : -1;
  }

  /** The body of a raw answer. */
  static String body(String answer) {
    int i = answer.indexOf("\r\n\r\n");
    return i < 0 ? "" : answer.substring(i + 4);
  }
}
