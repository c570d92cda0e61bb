package dev.slo.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slo.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transport: the JDK's {@link HttpServer} on a fixed thread pool, turning each request into an
 * {@link Exchange} for {@link SloApi} and every failure into a JSON error body, never a stack
 * trace. Bodies over {@link #MAX_BODY} bytes get 413. Thread-safe.
 */
final class ApiServer {
  /** The largest request body accepted, in bytes. */
  static final int MAX_BODY = 64 * 1024;

  private static final String NODELAY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService pool;
  private final SloApi api;
  private final PrintWriter log;

  /** Binds to {@code address} (port 0 picks a free one); serves after {@link #start}. */
  ApiServer(InetSocketAddress address, SloApi api, int threads, PrintWriter log) {
    this.api = api;
    this.log = log;
    // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to every keep-alive
    // response. The JDK reads this property once, when its first HttpServer is created.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    try {
      this.server = HttpServer.create(address, 128);
    } catch (IOException e) {
      throw new InvalidInputException(
          address.getHostString() + ":" + address.getPort() + ": cannot listen: " + e.getMessage(),
          e);
    }
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "slo-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
  }

  /** The bound port. */
  int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting, waits up to {@code seconds} for exchanges in flight, then stops the pool. */
  void stop(int seconds) {
    server.stop(seconds);
    pool.shutdown();
    try {
      pool.awaitTermination(seconds + 1L, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange ex) {
    Exchange.Response r;
    try {
      r = api.handle(read(ex));
    } catch (ApiException e) {
      r = new Exchange.Response(e.status(), Exchange.Response.JSON, ApiJson.error(e), e.headers());
    } catch (RuntimeException e) {
      log.println("slo serve: internal error on " + ex.getRequestURI() + ": " + e);
      r =
          Exchange.Response.json(
              500,
              ApiJson.error(
                  new ApiException(500, "internal_error", "internal error; see the server log")));
    }
    try {
      send(ex, r);
    } catch (IOException e) {
      // the client went away; nothing to tell it
    } finally {
      ex.close();
    }
  }

  private static Exchange read(HttpExchange ex) {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      long n;
      try {
        n = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw new ApiException(400, "bad_request", length + " is not a valid Content-Length");
      }
      if (n > MAX_BODY) {
        throw tooLarge();
      }
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw new ApiException(400, "bad_request", "cannot read the request body: " + e.getMessage());
    }
    if (body.length > MAX_BODY) {
      throw tooLarge();
    }
    return new Exchange(
        ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT),
        ex.getRequestURI().getPath(),
        query(ex.getRequestURI().getRawQuery()),
        ex.getRequestHeaders().getFirst("Authorization"),
        body);
  }

  private static ApiException tooLarge() {
    return new ApiException(
        413,
        "payload_too_large",
        "the request body is larger than " + MAX_BODY + " bytes",
        null,
        Map.of("Connection", "close"));
  }

  static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String part : raw.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
        out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      } catch (IllegalArgumentException e) {
        throw new ApiException(400, "bad_request", part + " is not a valid query parameter");
      }
    }
    return out;
  }

  private static void send(HttpExchange ex, Exchange.Response r) throws IOException {
    ex.getResponseHeaders().set("Content-Type", r.contentType());
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
    if (r.body().length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(r.body());
      }
    }
  }
}
