package dev.slo.server;

import dev.slo.core.InvalidInputException;
import dev.slo.core.SourceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The transport: our {@link HttpFront} reads whole requests, a fixed worker pool turns each into an
 * {@link Exchange} for {@link SloApi}, and every failure becomes a JSON error body, never a stack
 * trace or an HTML page. A store that cannot be reached (a {@link SourceException}) is a 503 with
 * {@code Retry-After}. Browser preflights ({@code OPTIONS}) of allowed origins are answered here.
 * Thread-safe.
 */
final class ApiServer {
  /** The largest request body accepted by default, in bytes. */
  static final int MAX_BODY = HttpLimits.DEFAULT.maxBodyBytes();

  /** Requests waiting for a worker at most; past it, 503. */
  private static final int QUEUE = 1024;

  private final HttpFront front;
  private final ExecutorService pool;
  private final SloApi api;
  private final Access access;
  private final PrintWriter log;

  /** Binds to {@code address} (port 0 picks a free one); serves after {@link #start}. */
  ApiServer(
      InetSocketAddress address,
      SloApi api,
      Access access,
      HttpLimits limits,
      int threads,
      PrintWriter log) {
    this.api = api;
    this.access = access;
    this.log = log;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "slo-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      this.front = new HttpFront(address, limits, this::handle, pool, log);
    } catch (IOException e) {
      pool.shutdown();
      throw new InvalidInputException(
          address.getHostString() + ":" + address.getPort() + ": cannot listen: " + e.getMessage(),
          e);
    }
  }

  void start() {
    front.start();
  }

  /** The bound port. */
  int port() {
    return front.address().getPort();
  }

  /** Open connections, for tests. */
  int connections() throws Exception {
    return front.connections();
  }

  /** Stops accepting, waits up to {@code seconds} for exchanges in flight, then stops the pool. */
  void stop(int seconds) {
    front.stop(TimeUnit.SECONDS.toMillis(seconds));
    pool.shutdown();
    try {
      pool.awaitTermination(seconds + 1L, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The JSON error response of {@code e}. */
  static Exchange.Response error(ApiException e) {
    return new Exchange.Response(e.status(), Exchange.Response.JSON, ApiJson.error(e), e.headers());
  }

  private Exchange.Response handle(RequestParser.Head head, byte[] body) {
    String origin = head.header("origin");
    boolean cors = origin != null && access.allowed(origin);
    Exchange.Response r;
    try {
      Exchange x =
          new Exchange(
              head.method().toUpperCase(Locale.ROOT),
              head.path(),
              query(head.rawQuery()),
              head.headers(),
              body);
      if (x.method().equals("OPTIONS") && origin != null) {
        r = preflight(cors, origin);
      } else {
        r = api.handle(x);
      }
    } catch (ApiException e) {
      r = error(e);
    } catch (SourceException e) {
      log.println("slo serve: the store is unavailable: " + e.getMessage());
      r =
          error(
              new ApiException(
                  503,
                  "store_unavailable",
                  "the store cannot be reached; retry later",
                  null,
                  Map.of("Retry-After", "5")));
    }
    if (cors) {
      Map<String, String> h = new LinkedHashMap<>(r.headers());
      h.put("Access-Control-Allow-Origin", origin);
      h.put("Vary", "Origin");
      r = new Exchange.Response(r.status(), r.contentType(), r.body(), h);
    }
    return r;
  }

  private static Exchange.Response preflight(boolean allowed, String origin) {
    if (!allowed) {
      throw new ApiException(
          403,
          "cross_origin",
          "Origin " + RequestParser.show(origin) + " is not allowed; see --allow-origin");
    }
    return new Exchange.Response(
        204,
        Exchange.Response.JSON,
        new byte[0],
        Map.of(
            "Access-Control-Allow-Methods", "GET, POST",
            "Access-Control-Allow-Headers", "Authorization, Content-Type",
            "Access-Control-Max-Age", "600"));
  }

  static Map<String, List<String>> query(@Nullable String raw) {
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
        throw new ApiException(
            400,
            "bad_request",
            RequestParser.show(part)
                + " is not a valid query parameter: % must be followed by two hex digits");
      }
    }
    return out;
  }
}
