package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slo.core.InvalidInputException;
import dev.slo.core.SourceException;
import dev.slo.testing.PrometheusServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Error paths against a fake server speaking (or not) the Prometheus API. */
class PrometheusClientTest {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
  private static final String OK =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";

  private HttpServer server;
  private final List<String> requests = new ArrayList<>();

  private URI serve(Function<Integer, Reply> reply) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger n = new AtomicInteger();
    server.createContext(
        "/",
        ex -> {
          requests.add(
              ex.getRequestURI().getPath()
                  + " "
                  + ex.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          respond(ex, reply.apply(n.incrementAndGet()));
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private record Reply(int status, String body, long delayMs) {}

  private static void respond(HttpExchange ex, Reply r) throws IOException {
    try {
      Thread.sleep(r.delayMs());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(r.status(), b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static PrometheusClient client(URI u) {
    return PrometheusClient.builder(u)
        .readTimeout(Duration.ofSeconds(10))
        .backoff(Duration.ofMillis(10))
        .build();
  }

  @Test
  void shouldSendTheQueryTimeAndCredentials() throws IOException {
    URI u = serve(n -> new Reply(200, OK, 0));
    PrometheusClient c =
        PrometheusClient.builder(u).bearerToken("s3cret").header("X-Scope-OrgID", "t1").build();
    assertThat(c.query("up", T.plusMillis(250)).type()).isEqualTo(QueryResult.Type.VECTOR);
    assertThat(requests.get(0))
        .isEqualTo(
            "/api/v1/query Bearer s3cret query=up&time=1795176000.25&partial_response=false");
    PrometheusClient.builder(u).basicAuth("ann", "pw").build().query("up", T);
    assertThat(requests.get(1)).contains("Basic YW5uOnB3");
  }

  @Test
  void shouldRetryServerErrorsThenSucceed() throws IOException {
    URI u = serve(n -> n < 3 ? new Reply(503, "busy", 0) : new Reply(200, OK, 0));
    assertThat(client(u).query("up", T).series()).isEmpty();
    assertThat(requests).hasSize(3);
  }

  @Test
  void shouldGiveUpAfterBoundedRetries() throws IOException {
    URI u = serve(n -> new Reply(500, "{\"status\":\"error\",\"error\":\"boom\"}", 0));
    assertThatThrownBy(() -> client(u).query("up", T))
        .isInstanceOf(SourceException.class)
        .hasMessage(u + "/: HTTP 500: boom (after 3 attempts)");
  }

  @Test
  void shouldReportPromqlErrorsWithoutRetrying() throws IOException {
    URI u =
        serve(
            n ->
                new Reply(
                    400,
                    "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}",
                    0));
    assertThatThrownBy(() -> client(u).query("sum(", T))
        .isInstanceOf(SourceException.class)
        .hasMessage(u + "/: query failed (bad_data): parse error; query: sum(");
    assertThat(requests).hasSize(1);
  }

  @Test
  void shouldRejectRepliesThatAreNotThePrometheusApi() throws IOException {
    URI u = serve(n -> new Reply(200, "<html>Grafana login</html>", 0));
    assertThatThrownBy(() -> client(u).query("up", T))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("the reply is not the Prometheus API")
        .hasMessageContaining("<html>Grafana login</html>");
  }

  @Test
  void shouldTimeOutOnASlowServer() throws IOException {
    URI u = serve(n -> new Reply(200, OK, 2000));
    assertThatThrownBy(
            () ->
                PrometheusClient.builder(u)
                    .readTimeout(Duration.ofMillis(200))
                    .retries(0)
                    .build()
                    .query("up", T))
        .isInstanceOf(SourceException.class)
        .hasMessage(u + "/: no answer within 200 ms (after 1 attempts)");
  }

  @Test
  void shouldSayWhenTheServerIsDown() throws IOException {
    int port = PrometheusServer.freePort();
    URI u = URI.create("http://127.0.0.1:" + port);
    assertThatThrownBy(() -> client(u).query("up", T))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(u + "/: cannot connect")
        .hasMessageEndingWith("(after 3 attempts)");
  }

  @Test
  void shouldRefuseUrlsThatAreNotHttp() {
    assertThatThrownBy(() -> PrometheusClient.builder(URI.create("localhost:9090")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("\"localhost:9090\" is not a valid Prometheus URL");
  }

  @Test
  void shouldRejectNanAndMultiSeriesAnswersInTheSource() throws IOException {
    String nan =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"slo_term\":\"0\"},"
            + "\"value\":[1795176000,\"NaN\"]}]}}";
    URI u = serve(n -> new Reply(200, nan, 0));
    var slo = PrometheusSourceIT.counters("nan", dev.slo.core.model.TimePeriod.ROLLING_1H);
    assertThatThrownBy(
            () ->
                PrometheusSource.pushdown(client(u))
                    .counts(
                        slo, List.of(dev.slo.core.window.Window.ending(T, Duration.ofHours(1)))))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("nan: the query returned NaN: sum by (code) (increase(");
  }
}
