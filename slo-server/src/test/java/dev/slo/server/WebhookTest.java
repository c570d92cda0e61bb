package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest {
  private HttpServer sink;
  private final AtomicInteger attempts = new AtomicInteger();
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private volatile int failFirst;
  private volatile long delayMillis;

  @BeforeEach
  void startSink() throws IOException {
    sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    sink.createContext(
        "/hook",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          int n = attempts.incrementAndGet();
          try {
            Thread.sleep(delayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          int code = n <= failFirst ? 503 : 204;
          if (code == 204) {
            received.add(Harness.JSON.readTree(body));
          }
          ex.sendResponseHeaders(code, -1);
          ex.close();
        });
    sink.start();
  }

  @AfterEach
  void stopSink() {
    sink.stop(0);
  }

  private URI hook() {
    return URI.create("http://127.0.0.1:" + sink.getAddress().getPort() + "/hook");
  }

  private Harness harness() {
    return new Harness(
        c ->
            new Harness.Config(
                c.bind(),
                c.interval(),
                c.schedule(),
                c.resolveAfter(),
                c.threads(),
                null,
                null,
                false,
                hook(),
                null,
                new DeliveryPolicy(100, 4, Duration.ofMillis(50), Duration.ofSeconds(2)),
                Duration.ofSeconds(5)));
  }

  @Test
  void shouldRetryWithBackoffUntilTheWebhookAccepts() {
    failFirst = 3;
    try (Harness h = harness()) {
      h.server.evaluateNow(); // two events: api and web
    } // close flushes the queue
    assertThat(attempts.get()).isEqualTo(5); // 3 failures, then 2 deliveries
    assertThat(received).hasSize(2);
    assertThat(received.get(0).get("slo_status_update").get("slo_id").asText()).isEqualTo("api");
    assertThat(received.get(0).has("event_id")).isTrue();
  }

  @Test
  void shouldGiveUpAfterTheLastAttempt() {
    failFirst = Integer.MAX_VALUE;
    Harness h = harness();
    h.server.evaluateNow();
    h.close();
    assertThat(h.log.toString()).contains("giving up on a delivery").contains("HTTP 503");
    assertThat(attempts.get()).isEqualTo(8); // 4 attempts for each of the 2 events
    assertThat(received).isEmpty();
  }

  @Test
  void shouldNeverBlockTheEvaluationOnASlowWebhook() {
    delayMillis = 700;
    try (Harness h = harness()) {
      long start = System.nanoTime();
      h.server.evaluateNow();
      h.source.burn();
      h.tick();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(700));
    }
    assertThat(received).hasSize(4); // api and web, twice
  }
}
