package dev.slo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver for tests: counts the events it accepted by {@code event_id}; while {@link
 * #refuse} is set it answers 503 and counts nothing. Thread-safe.
 */
final class EventReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean refuse;

  EventReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/events",
        x -> {
          byte[] body;
          try (InputStream in = x.getRequestBody()) {
            body = in.readAllBytes();
          }
          int code;
          if (refuse) {
            refused.incrementAndGet();
            code = 503;
          } else {
            String id = JSON.readTree(body).path("event_id").asText("");
            accepted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            code = 200;
          }
          x.sendResponseHeaders(code, -1);
          x.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
  }

  void refuse(boolean on) {
    refuse = on;
  }

  /** Accepted deliveries by event_id. */
  Map<String, Integer> counts() {
    Map<String, Integer> out = new java.util.HashMap<>();
    accepted.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  int refused() {
    return refused.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
