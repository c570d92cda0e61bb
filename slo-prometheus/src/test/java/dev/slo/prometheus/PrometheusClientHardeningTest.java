package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slo.core.SourceException;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.window.Window;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slow bodies, huge replies, wrong result types and bad headers against a fake server. */
class PrometheusClientHardeningTest {
  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

  private HttpServer server;

  private interface Handler {
    void handle(HttpExchange ex) throws IOException, InterruptedException;
  }

  private URI serve(Handler h) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        ex -> {
          try {
            ex.getRequestBody().readAllBytes();
            h.handle(ex);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (IOException e) {
            // the client hung up: expected in these tests
          } finally {
            ex.close();
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void shouldFailWithinTheTimeoutWhenTheBodyTricklesOneByteASecond() throws IOException {
    URI u =
        serve(
            ex -> {
              // a valid start, then one byte of (valid) white space a second
              ex.sendResponseHeaders(200, 0);
              OutputStream out = ex.getResponseBody();
              out.write(
                  "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                      .getBytes(StandardCharsets.UTF_8));
              out.flush();
              for (int i = 0; i < 120; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(1000);
              }
            });
    PrometheusClient c = PrometheusClient.builder(u).readTimeout(Duration.ofSeconds(2)).build();
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> c.query("up", T))
        .isInstanceOf(SourceException.class)
        .hasMessage(u + "/: no answer within 2000 ms (after 1 attempts)");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void shouldStopReadingAtTheReplyLimitWithOneLine() throws Exception {
    AtomicLong written = new AtomicLong();
    CountDownLatch serverDone = new CountDownLatch(1);
    URI u =
        serve(
            ex -> {
              try {
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                out.write(
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":["
                        .getBytes(StandardCharsets.UTF_8));
                byte[] sample = "[1795176000,\"1\"],".getBytes(StandardCharsets.UTF_8);
                byte[] chunk = new byte[sample.length * 4096];
                for (int i = 0; i < 4096; i++) {
                  System.arraycopy(sample, 0, chunk, i * sample.length, sample.length);
                }
                for (int i = 0; i < 10_000; i++) { // about 700 MB if read to the end
                  out.write(chunk);
                  written.addAndGet(chunk.length);
                }
              } finally {
                serverDone.countDown();
              }
            });
    PrometheusClient c = PrometheusClient.builder(u).maxReplyBytes(4L << 20).build();
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> c.query("http_requests_total[30d]", T))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            u
                + "/: the reply is larger than 4 MiB (the limit for this query; raise"
                + " --prometheus-max-reply or narrow the query): http_requests_total[30d]");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    // the client hung up: the server's writes fail long before the 700 MB are sent
    assertThat(serverDone.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(written.get()).isLessThan(64L << 20);
  }

  @Test
  void shouldSizeTheLimitOfAPushdownReplyFromTheQuery() throws IOException {
    // a batch of two subqueries may answer 64 KiB + 1 KiB a subquery, not 256 MiB
    String big =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]},\"x\":\""
            + "a".repeat(200_000)
            + "\"}";
    URI u = serve(ex -> reply(ex, big));
    PrometheusSource push = PrometheusSource.pushdown(PrometheusClient.builder(u).build());
    assertThatThrownBy(
            () ->
                push.counts(
                    PrometheusSourceIT.counters("big", TimePeriod.ROLLING_1H),
                    List.of(Window.ending(T, Duration.ofHours(1)))))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(u + "/: the reply is larger than 66 KiB");
  }

  @Test
  void shouldRefuseAScalarWhereAVectorOfCountsBelongs() throws IOException {
    URI u =
        serve(
            ex ->
                reply(
                    ex,
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\","
                        + "\"result\":[1795176000,\"0\"]}}"));
    PrometheusSource push = PrometheusSource.pushdown(PrometheusClient.builder(u).build());
    assertThatThrownBy(
            () ->
                push.counts(
                    PrometheusSourceIT.counters("sc", TimePeriod.ROLLING_1H),
                    List.of(Window.ending(T, Duration.ofHours(1)))))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(
            u + "/: sc: the query returned a scalar, expected an instant vector")
        .hasMessageNotContaining("\n");
    PrometheusSource exact =
        new PrometheusSource(
            PrometheusClient.builder(u).build(),
            PrometheusSource.Mode.EXACT,
            Duration.ofMinutes(5));
    assertThatThrownBy(
            () ->
                exact.counts(
                    PrometheusSourceIT.counters("sc", TimePeriod.ROLLING_1H),
                    List.of(Window.ending(T, Duration.ofHours(1)))))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(u + "/: sc: the query returned a scalar, expected a range vector");
  }

  @Test
  void shouldRefuseAResultWhoseShapeContradictsItsType() throws IOException {
    URI u =
        serve(
            ex ->
                reply(
                    ex,
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                        + "\"result\":[1795176000,\"0\"]}}"));
    assertThatThrownBy(() -> PrometheusClient.builder(u).build().query("up", T))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("the reply is not the Prometheus API");
  }

  @Test
  void shouldRefusePartialAnswersAndWarnings() throws IOException {
    URI u =
        serve(
            ex ->
                reply(
                    ex,
                    ex.getRequestURI().getPath().endsWith("query")
                        ? "{\"status\":\"success\",\"isPartial\":true,"
                            + "\"data\":{\"resultType\":\"vector\",\"result\":[]}}"
                        : "{\"status\":\"success\",\"warnings\":[\"store 10.0.0.7 down\"],"
                            + "\"data\":{\"resultType\":\"matrix\",\"result\":[]}}"));
    PrometheusClient c = PrometheusClient.builder(u).build();
    assertThatThrownBy(() -> c.query("up", T))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            u
                + "/: the server says its answer is partial (a storage node did not answer);"
                + " counts would be too low: up");
    assertThatThrownBy(() -> c.queryRange("up", T, T, Duration.ofHours(1), 1 << 20))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            u + "/: the server warned \"store 10.0.0.7 down\"; counts could be incomplete: up");
  }

  @Test
  void shouldSendTheBaseUrlsParametersWithEveryQuery() throws IOException {
    List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          bodies.add(
              ex.getRequestURI().getPath()
                  + " "
                  + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          reply(ex, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
          ex.close();
        });
    server.start();
    URI u =
        URI.create(
            "http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/thanos?dedup=true&max_source_resolution=0s");
    PrometheusClient.builder(u).build().queryRange("up", T, T, Duration.ofHours(1), 1 << 20);
    assertThat(bodies)
        .containsExactly(
            "/thanos/api/v1/query_range query=up&start=1795176000&end=1795176000&step=3600"
                + "&nocache=1&dedup=true&max_source_resolution=0s&partial_response=false");
  }

  private static void reply(HttpExchange ex, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(200, b.length);
    ex.getResponseBody().write(b);
  }
}
