package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow and half-sent requests hold connections, never the workers: a normal client keeps getting
 * fast answers while 200 slow clients are connected, and the slow ones are cut at their deadline.
 */
@Timeout(120)
class SlowClientsTest {
  private static final String HALF = "GET /healthz HTTP/1.1\r\n";
  private static final String SLOW = "GET /api/v1/slos HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";

  @Test
  void shouldAnswerANormalClientFastWhile200SlowClientsHoldConnections() throws Exception {
    try (Harness h = new Harness(c -> threads(c, 2))) {
      h.server.evaluateNow();
      int port = h.server.port();
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(2))
              .build();
      // warm the client up (class loading, its connection) before timing it
      assertThat(client.send(get(h, "/healthz"), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      List<Socket> slow = new ArrayList<>();
      ExecutorService drip = Executors.newSingleThreadExecutor();
      try {
        // 100 half-sent requests and 100 that send their headers one byte at a time
        for (int i = 0; i < 200; i++) {
          Socket s = new Socket();
          s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
          s.getOutputStream().write((i % 2 == 0 ? HALF : SLOW).getBytes(StandardCharsets.US_ASCII));
          slow.add(s);
        }
        drip.execute(
            () -> {
              long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
              while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                for (int i = 1; i < slow.size(); i += 2) {
                  try {
                    slow.get(i).getOutputStream().write('a');
                  } catch (IOException e) {
                    // closed by the server; fine
                  }
                }
                try {
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          String path = i % 2 == 0 ? "/healthz" : "/api/v1/slos/api/status";
          long t0 = System.nanoTime();
          HttpResponse<String> r = client.send(get(h, path), HttpResponse.BodyHandlers.ofString());
          millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        assertThat(h.server.connections()).as("slow clients still connected").isGreaterThan(200);
        System.out.println(
            "SlowClientsTest: 100 answers beside 200 slow clients, slowest "
                + millis.stream().mapToLong(Long::longValue).max().orElse(-1)
                + " ms");
        assertThat(millis).as("answer times in ms").allMatch(ms -> ms < 100);
      } finally {
        drip.shutdownNow();
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  @Test
  void shouldCloseAHalfSentRequestWith408AtTheHeaderDeadline() throws Exception {
    try (Harness h = new Harness(c -> c, b -> b.limits(fast(Duration.ofMillis(500))))) {
      try (Socket s = new Socket("127.0.0.1", h.server.port())) {
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write(HALF.getBytes(StandardCharsets.US_ASCII));
        long t0 = System.nanoTime();
        String answer = RawHttp.readAll(s.getInputStream());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(408);
        assertThat(RawHttp.body(answer)).contains("\"error\":\"request_timeout\"");
        assertThat(ms).isBetween(300L, 3000L);
      }
    }
  }

  @Test
  void shouldCloseAnIdleKeepAliveConnectionAtTheIdleDeadline() throws Exception {
    try (Harness h = new Harness(c -> c, b -> b.limits(fast(Duration.ofMillis(500))))) {
      try (Socket s = new Socket("127.0.0.1", h.server.port())) {
        s.setSoTimeout(5000);
        s.getOutputStream()
            .write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        long t0 = System.nanoTime();
        InputStream in = s.getInputStream();
        String answer = RawHttp.readAll(in);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(RawHttp.status(answer)).isEqualTo(200);
        assertThat(answer).doesNotContain("Connection: close");
        assertThat(ms).as("closed when idle").isBetween(300L, 3000L);
      }
    }
  }

  @Test
  void shouldCloseTheOldestIdleConnectionWhenTheLimitIsReached() throws Exception {
    HttpLimits small =
        new HttpLimits(
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            8,
            16 * 1024,
            64 * 1024);
    try (Harness h = new Harness(c -> c, b -> b.limits(small))) {
      List<Socket> held = new ArrayList<>();
      try {
        for (int i = 0; i < 20; i++) {
          Socket s = new Socket("127.0.0.1", h.server.port());
          s.getOutputStream().write(HALF.getBytes(StandardCharsets.US_ASCII));
          held.add(s);
        }
        String answer =
            RawHttp.exchange(
                h.server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(200);
        assertThat(h.server.connections()).isLessThanOrEqualTo(8);
      } finally {
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  private static Harness.Config threads(Harness.Config c, int n) {
    return new Harness.Config(
        c.bind(),
        c.interval(),
        c.schedule(),
        c.resolveAfter(),
        n,
        c.token(),
        c.eventsFile(),
        c.eventsStdout(),
        c.webhook(),
        c.alertmanager(),
        c.delivery(),
        c.grace());
  }

  private static HttpRequest get(Harness h, String path) {
    return HttpRequest.newBuilder(h.uri(path)).timeout(Duration.ofSeconds(2)).build();
  }

  private static HttpLimits fast(Duration d) {
    return new HttpLimits(d, d, d, d, 1000, 16 * 1024, 64 * 1024);
  }
}
