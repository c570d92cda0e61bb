package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests the HTTP layer must refuse with the API's JSON error, never an HTML page. */
@Timeout(60)
class MalformedRequestTest {
  private static Harness h;

  @BeforeAll
  static void start() {
    h = new Harness();
    h.server.evaluateNow();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Content-Length abc|POST /api/v1/slos HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: abc\\r\\n\\r\\n|400",
        "negative Content-Length|POST /api/v1/slos HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: -5\\r\\n\\r\\n|400",
        "Content-Length twice, different|POST /api/v1/slos HTTP/1.1\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\nxx|400",
        "Content-Length and Transfer-Encoding|POST /api/v1/slos HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 3\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n|400",
        "query %ZZ|GET /api/v1/slos?service_name=%ZZ HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n|400",
        "path %ZZ|GET /api/v1/slos/%ZZ/status HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n|400",
        "bad request line|GARBAGE\\r\\n\\r\\n|400",
        "two spaces in request line|GET  /healthz HTTP/1.1\\r\\n\\r\\n|400",
        "unknown protocol|GET /healthz HTTP/9.9\\r\\n\\r\\n|400",
        "absolute target|GET http://x/healthz HTTP/1.1\\r\\n\\r\\n|400",
        "header without colon|GET /healthz HTTP/1.1\\r\\nHost x\\r\\n\\r\\n|400",
        "space before colon|GET /healthz HTTP/1.1\\r\\nHost : x\\r\\n\\r\\n|400",
        "folded header|GET /healthz HTTP/1.1\\r\\nHost: x\\r\\n y\\r\\n\\r\\n|400",
        "bare LF|GET /healthz HTTP/1.1\\nHost: x\\r\\n\\r\\n|400",
        "chunked body|POST /api/v1/slos HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n|411",
        "huge Content-Length|POST /api/v1/slos HTTP/1.1\\r\\nContent-Length: 99999999999999999999\\r\\n\\r\\n|400",
        "body too large|POST /api/v1/slos HTTP/1.1\\r\\nContent-Length: 9999999\\r\\n\\r\\n|413",
      })
  void shouldAnswerAMalformedRequestWithAJsonErrorAndClose(String name, String request, int status)
      throws Exception {
    String answer =
        RawHttp.exchange(h.server.port(), request.replace("\\r", "\r").replace("\\n", "\n"));
    assertThat(RawHttp.status(answer)).as(answer).isEqualTo(status);
    assertThat(answer).contains("Content-Type: application/json\r\n").contains("Connection: close");
    assertThat(answer.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("<html")
        .doesNotContain("exception");
    JsonNode e =
        Harness.JSON.readTree(
            RawHttp.body(answer).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(e.get("error").asText()).isNotBlank();
    assertThat(e.get("message").asText()).isNotBlank();
  }

  @Test
  void shouldAnswerHeadersOverTheLimitWith431() {
    String answer =
        RawHttp.exchange(
            h.server.port(), "GET /healthz HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
    assertThat(RawHttp.status(answer)).as(answer).isEqualTo(431);
    assertThat(RawHttp.body(answer)).contains("\"error\":\"headers_too_large\"");
  }

  @Test
  void shouldServePipelinedRequestsInOrderOnOneConnection() {
    String answer =
        RawHttp.exchange(
            h.server.port(),
            "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(answer.split("HTTP/1.1 ", -1))
        .extracting(s -> s.length() >= 3 ? s.substring(0, 3) : s)
        .containsExactly("", "200", "404", "200");
  }

  @Test
  void shouldAnswerContinueBeforeTheBody() throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", h.server.port())) {
      s.setSoTimeout(5000);
      String body = "{}";
      s.getOutputStream()
          .write(
              ("POST /api/v1/slos HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      + "Expect: 100-continue\r\nConnection: close\r\nContent-Length: "
                      + body.length()
                      + "\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] first = new byte[25];
      int n = s.getInputStream().readNBytes(first, 0, first.length);
      assertThat(new String(first, 0, n, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      s.getOutputStream().write(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String rest = RawHttp.readAll(s.getInputStream());
      assertThat(RawHttp.status(rest)).as(rest).isEqualTo(400);
    }
  }
}
