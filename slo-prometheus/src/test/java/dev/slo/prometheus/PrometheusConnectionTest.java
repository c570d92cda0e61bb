package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.slo.core.ValidationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connection as people write it becomes a client, and each bad part is named by its field. */
class PrometheusConnectionTest {
  @TempDir Path dir;

  private HttpServer server;
  private final Map<String, String> seen = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private int serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          ex.getRequestHeaders().forEach((k, v) -> seen.put(k.toLowerCase(), v.get(0)));
          seen.put("path", ex.getRequestURI().getPath());
          byte[] body =
              "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    return server.getAddress().getPort();
  }

  private static PrometheusConnection of(String url, String timeout, String maxReply, String... h) {
    return new PrometheusConnection(url, timeout, maxReply, null, List.of(h));
  }

  @Test
  void shouldSendCredentialsFromTheUrlAsBasicAuthAndHeadersAsGiven() throws IOException {
    int port = serve();
    PrometheusClient c =
        of("http://us%3Aer:p%40ss@127.0.0.1:" + port + "/prom/", "5s", "1MiB", "X-Scope-OrgID= t1")
            .client();
    assertThat(c.base().toString()).isEqualTo("http://127.0.0.1:" + port + "/prom/");
    assertThat(c.maxReplyBytes()).isEqualTo(1L << 20);
    c.query("up", Instant.parse("2026-11-20T12:00:00Z"));
    String basic =
        java.util.Base64.getEncoder().encodeToString("us:er:p@ss".getBytes(StandardCharsets.UTF_8));
    assertThat(seen).containsEntry("authorization", "Basic " + basic);
    assertThat(seen).containsEntry("x-scope-orgid", "t1");
    assertThat(seen.get("path")).startsWith("/prom/api/v1/query");
  }

  @Test
  void shouldSendTheTrimmedTokenOfTheFileAsBearer() throws IOException {
    int port = serve();
    Path token = Files.writeString(dir.resolve("token"), "abc123\n");
    new PrometheusConnection("http://127.0.0.1:" + port, "5s", "256MiB", token, List.of())
        .client()
        .query("up", Instant.parse("2026-11-20T12:00:00Z"));
    assertThat(seen).containsEntry("authorization", "Bearer abc123");
  }

  @Test
  void shouldNameTheFieldAndLeadWithTheBadValue() {
    assertRefused(of("http://a b", "5s", "1MiB"), "url", "\"http://a b\": not a valid URL: ");
    assertRefused(of("http://h", "soon", "1MiB"), "timeout", "\"soon\" is not a duration");
    assertRefused(of("http://h", "5s", "lots"), "max_reply", "\"lots\" is not a valid size");
    assertRefused(of("http://h", "5s", "1000"), "max_reply", "\"1000\": too small");
    assertRefused(of("http://h", "5s", "1MiB", "X-A"), "header", "\"X-A\": not NAME=VALUE");
  }

  @Test
  void shouldRefuseAControlCharacterWithoutEchoingTheValue() {
    assertThatThrownBy(() -> PrometheusConnection.checkOneLine("X-A=secret\r\nX-B: 1"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "\"X-A\": the value holds a CR, LF or other control character; give one line of text")
        .hasMessageNotContaining("secret");
  }

  private static void assertRefused(PrometheusConnection c, String field, String start) {
    assertThatThrownBy(c::client)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageStartingWith(start);
  }
}
