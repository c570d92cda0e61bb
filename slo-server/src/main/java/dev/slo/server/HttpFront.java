package dev.slo.server;

import dev.slo.server.Connection.State;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 server on one selector thread: it reads every request head and body without
 * blocking, under the deadlines of {@link HttpLimits}, and only then hands the complete request to
 * the worker pool; it writes the response without blocking too. So a slow or half-sent request
 * holds a connection (closed at its deadline), never a worker. Thread-safe.
 */
final class HttpFront {
  /** Turns a complete request into a response; runs on a worker thread. */
  interface Handler {
    Exchange.Response handle(RequestParser.Head head, byte[] body);
  }

  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final HttpLimits limits;
  private final Handler handler;
  private final ExecutorService pool;
  private final PrintWriter log;
  private final Selector selector;
  private final ServerSocketChannel listener;
  private final Set<Connection> conns = new LinkedHashSet<>();
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);
  private final Thread thread;
  private volatile boolean stopping;
  private volatile long stopBy;

  /** Binds {@code address}; serves after {@link #start}. */
  HttpFront(
      InetSocketAddress address,
      HttpLimits limits,
      Handler handler,
      ExecutorService pool,
      PrintWriter log)
      throws IOException {
    this.limits = limits;
    this.handler = handler;
    this.pool = pool;
    this.log = log;
    this.selector = Selector.open();
    this.listener = ServerSocketChannel.open();
    try {
      listener.bind(address, 128);
      listener.configureBlocking(false);
      listener.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      listener.close();
      selector.close();
      throw e;
    }
    this.thread = new Thread(this::loop, "slo-http-io");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** The bound address. */
  InetSocketAddress address() {
    try {
      return (InetSocketAddress) listener.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops accepting, lets responses in progress finish for up to {@code millis}, then closes. */
  void stop(long millis) {
    stopBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    stopping = true;
    selector.wakeup();
    try {
      thread.join(millis + 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Number of open connections (for tests). */
  int connections() throws Exception {
    CompletableFuture<Integer> n = new CompletableFuture<>();
    tasks.add(() -> n.complete(conns.size()));
    selector.wakeup();
    return n.get(5, TimeUnit.SECONDS);
  }

  private void loop() {
    long nextSweep = System.nanoTime() + SWEEP_NANOS;
    try {
      while (true) {
        if (stopping && listener.isOpen()) {
          listener.close();
          for (Connection c : new ArrayList<>(conns)) {
            if (c.state != State.WORKING && c.state != State.WRITING) {
              close(c);
            }
          }
        }
        if (stopping && (conns.isEmpty() || System.nanoTime() - stopBy > 0)) {
          break;
        }
        selector.select(100);
        for (SelectionKey k : selector.selectedKeys()) {
          if (!k.isValid()) {
            continue;
          }
          if (k.isAcceptable()) {
            accept();
          } else {
            Connection c = (Connection) k.attachment();
            try {
              if (k.isReadable()) {
                read(c);
              }
              if (k.isValid() && k.isWritable()) {
                write(c);
              }
            } catch (CancelledKeyException e) {
              close(c);
            }
          }
        }
        selector.selectedKeys().clear();
        for (Runnable r; (r = tasks.poll()) != null; ) {
          r.run();
        }
        long now = System.nanoTime();
        if (now - nextSweep >= 0) {
          sweep(now);
          nextSweep = now + SWEEP_NANOS;
        }
      }
    } catch (IOException | RuntimeException e) {
      log.println("slo serve: the HTTP server stopped: " + e);
    } finally {
      for (Connection c : new ArrayList<>(conns)) {
        close(c);
      }
      try {
        listener.close();
        selector.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private void accept() throws IOException {
    for (SocketChannel ch; (ch = listener.accept()) != null; ) {
      if (conns.size() >= limits.maxConnections() && !evictOne()) {
        ch.configureBlocking(false);
        ch.write(ByteBuffer.wrap(Wire.bytes(ApiServer.error(busy()), false, "GET")));
        ch.close();
        continue;
      }
      ch.configureBlocking(false);
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Connection c = new Connection(ch);
      c.key = ch.register(selector, SelectionKey.OP_READ, c);
      c.expect(State.IDLE, limits.headerTimeout());
      conns.add(c);
    }
  }

  /** Closes the connection waiting longest without a request in progress; false if none. */
  private boolean evictOne() {
    Connection oldest = null;
    for (Connection c : conns) {
      if ((c.state == State.IDLE || c.state == State.HEAD || c.state == State.BODY)
          && (oldest == null || c.since - oldest.since < 0)) {
        oldest = c;
      }
    }
    if (oldest != null) {
      close(oldest);
    }
    return oldest != null;
  }

  private static ApiException busy() {
    return new ApiException(
        503,
        "too_many_connections",
        "the server has too many open connections; retry later",
        null,
        Map.of("Retry-After", "1"));
  }

  private void read(Connection c) {
    readBuffer.clear();
    int room = limits.maxHeaderBytes() + limits.maxBodyBytes() + 16 - c.len;
    if (c.state != State.DRAIN) {
      if (room <= 0) {
        close(c);
        return;
      }
      readBuffer.limit(Math.min(readBuffer.capacity(), room));
    }
    int n;
    try {
      n = c.ch.read(readBuffer);
    } catch (IOException e) {
      close(c);
      return;
    }
    if (n < 0) {
      close(c);
      return;
    }
    if (n == 0 || c.state == State.DRAIN) {
      return;
    }
    c.append(readBuffer.array(), n);
    if (c.state == State.IDLE) {
      if (c.served) {
        c.expect(State.HEAD, limits.headerTimeout());
      } else {
        c.state = State.HEAD; // a new connection's deadline runs from its accept
      }
    }
    advance(c);
  }

  /** Parses what has arrived and, once a request is complete, hands it to a worker. */
  private void advance(Connection c) {
    try {
      if (c.head == null) {
        int from = Math.max(0, c.scanned - 3);
        c.scanned = c.len;
        if (!hasBlankLine(c.in, from, c.len) && c.len < limits.maxHeaderBytes() + 16) {
          return;
        }
        c.head = RequestParser.parse(c.in, c.len, limits.maxHeaderBytes(), limits.maxBodyBytes());
        if (c.head == null) {
          return;
        }
        if (c.len < c.head.headEnd() + c.head.contentLength()) {
          c.expect(State.BODY, limits.bodyTimeout());
          if (c.head.expectsContinue()) {
            c.ch.write(ByteBuffer.wrap(CONTINUE));
          }
        }
      }
      RequestParser.Head head = c.head;
      int end = head.headEnd() + head.contentLength();
      if (c.len < end) {
        return;
      }
      byte[] body = Arrays.copyOfRange(c.in, head.headEnd(), end);
      c.consumed = end;
      c.state = State.WORKING;
      key(c).interestOps(0);
      try {
        pool.execute(() -> respond(c, head, body));
      } catch (RejectedExecutionException e) {
        fail(c, busy());
      }
    } catch (ApiException e) {
      fail(c, e);
    } catch (IOException e) {
      close(c);
    }
  }

  private static boolean hasBlankLine(byte[] b, int from, int to) {
    for (int i = from; i + 3 < to; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
        return true;
      }
    }
    return false;
  }

  private void respond(Connection c, RequestParser.Head head, byte[] body) {
    Exchange.Response r;
    try {
      r = handler.handle(head, body);
    } catch (RuntimeException e) {
      log.println("slo serve: internal error on " + head.path() + ": " + e);
      r = ApiServer.error(new ApiException(500, "internal_error", "internal error; see the log"));
    }
    boolean keep = head.keepAlive() && !stopping && !"close".equals(r.headers().get("Connection"));
    byte[] out = Wire.bytes(r, keep, head.method());
    tasks.add(() -> send(c, out, keep));
    selector.wakeup();
  }

  /** Answers a malformed or refused request with its JSON error, then closes. */
  private void fail(Connection c, ApiException e) {
    key(c).interestOps(0);
    send(c, Wire.bytes(ApiServer.error(e), false, "GET"), false);
  }

  private static SelectionKey key(Connection c) {
    return Objects.requireNonNull(c.key, "connection key");
  }

  private void send(Connection c, byte[] out, boolean keep) {
    if (!c.ch.isOpen()) {
      return;
    }
    c.out = ByteBuffer.wrap(out);
    c.keep = keep;
    c.expect(State.WRITING, limits.writeTimeout());
    write(c);
  }

  private void write(Connection c) {
    ByteBuffer out = Objects.requireNonNull(c.out, "out");
    try {
      c.ch.write(out);
    } catch (IOException e) {
      close(c);
      return;
    }
    if (out.hasRemaining()) {
      key(c).interestOps(SelectionKey.OP_WRITE);
      return;
    }
    if (!c.keep) {
      // Shut output, then read what the client still sends before closing: closing with unread
      // input would reset the connection and could destroy the answer before the client reads it.
      try {
        c.ch.shutdownOutput();
      } catch (IOException e) {
        close(c);
        return;
      }
      c.expect(State.DRAIN, java.time.Duration.ofSeconds(1));
      key(c).interestOps(SelectionKey.OP_READ);
      return;
    }
    c.next();
    c.served = true;
    c.expect(State.IDLE, limits.idleTimeout());
    key(c).interestOps(SelectionKey.OP_READ);
    if (c.len > 0) {
      c.expect(State.HEAD, limits.headerTimeout());
      advance(c);
    }
  }

  private void sweep(long now) {
    for (Connection c : new ArrayList<>(conns)) {
      if (c.state == State.WORKING || now - c.deadline < 0) {
        continue;
      }
      if (c.state == State.HEAD || c.state == State.BODY) {
        boolean head = c.state == State.HEAD;
        fail(
            c,
            new ApiException(
                408,
                "request_timeout",
                "the request "
                    + (head ? "headers" : "body")
                    + " did not arrive within "
                    + (head ? limits.headerTimeout() : limits.bodyTimeout()),
                null,
                Map.of()));
      } else {
        close(c);
      }
    }
  }

  private void close(Connection c) {
    conns.remove(c);
    if (c.key != null) {
      c.key.cancel();
    }
    try {
      c.ch.close();
    } catch (IOException e) {
      // closed anyway
    }
  }
}
