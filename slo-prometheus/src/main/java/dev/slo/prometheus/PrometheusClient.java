package dev.slo.prometheus;

import dev.slo.core.SourceException;
import dev.slo.core.window.DurationText;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small client of the Prometheus HTTP API ({@code /api/v1/query} and {@code query_range}) that
 * also serves Thanos, Mimir and VictoriaMetrics: one deadline per call that covers the whole
 * exchange (a server trickling its body fails in time), bounded retries with exponential backoff on
 * 5xx and connection errors, a cap on the reply size with the reply parsed as a stream into
 * primitive arrays, basic auth, bearer token and extra headers. Errors are one line naming the
 * server. Thread-safe; build with {@link #builder(URI)}.
 */
public final class PrometheusClient {
  /** The default largest reply: 256 MiB. */
  public static final long DEFAULT_MAX_REPLY_BYTES = 256L << 20;

  private final URI base;
  private final HttpClient http;
  private final Duration readTimeout;
  private final int retries;
  private final Duration backoff;
  private final Map<String, String> headers;
  private final long maxReplyBytes;
  private final String extraParams;
  private final AtomicLong requests = new AtomicLong();

  private PrometheusClient(Builder b) {
    URI u = b.base;
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    String s =
        u.getScheme() + "://" + u.getRawAuthority() + (path.endsWith("/") ? path : path + "/");
    this.base = URI.create(s);
    // query parameters of the base URL (Thanos' dedup or max_source_resolution, VictoriaMetrics'
    // extra_label) go with every request; partial answers are refused unless the URL says otherwise
    String extra = u.getRawQuery() == null ? "" : u.getRawQuery();
    if (!extra.contains("partial_response=")) {
      extra = extra.isEmpty() ? "partial_response=false" : extra + "&partial_response=false";
    }
    this.extraParams = "&" + extra;
    this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
    this.readTimeout = b.readTimeout;
    this.retries = b.retries;
    this.backoff = b.backoff;
    b.headers.forEach(PrometheusClient::requireValidHeader);
    this.headers = Map.copyOf(b.headers);
    this.maxReplyBytes = b.maxReplyBytes;
  }

  private static final java.util.Set<String> RESTRICTED =
      java.util.Set.of("connection", "content-length", "expect", "host", "upgrade");

  /**
   * Refuses a header that would break the request or inject another: a name that is not an HTTP
   * token, one the HTTP client sets itself, or a value with CR, LF or another control character.
   * The value is never echoed (it may be a secret).
   */
  private static void requireValidHeader(String name, String value) {
    String shown = dev.slo.core.Printable.quote(name);
    if (name == null || name.isEmpty() || !name.chars().allMatch(PrometheusClient::isTokenChar)) {
      throw new dev.slo.core.InvalidInputException(
          "header "
              + shown
              + " is not a valid header name: use letters, digits and !#$%&'*+-.^_`|~");
    }
    if (RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
      throw new dev.slo.core.InvalidInputException(
          "header " + shown + " cannot be set: the HTTP client sends it itself");
    }
    if (value == null || value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
      throw new dev.slo.core.InvalidInputException(
          "header "
              + shown
              + ": its value holds a CR, LF or other control character; a header value is one"
              + " line of text");
    }
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  /** A builder for the server at {@code base}, e.g. {@code http://localhost:9090}. */
  public static Builder builder(URI base) {
    return new Builder(base);
  }

  /** The server's base URL, for messages. */
  public URI base() {
    return base;
  }

  /**
   * Evaluates an instant query at {@code time}, with the reply capped at {@link #maxReplyBytes()}.
   *
   * @throws SourceException when the server is down, slow, answers an error, answers more than the
   *     cap or is not Prometheus
   */
  public QueryResult query(String promql, Instant time) {
    return query(promql, time, maxReplyBytes);
  }

  /**
   * Evaluates an instant query at {@code time}; the reply may hold at most {@code maxBytes} (and at
   * most {@link #maxReplyBytes()}).
   */
  public QueryResult query(String promql, Instant time, long maxBytes) {
    String form =
        "query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8)
            + "&time="
            + URLEncoder.encode(timeParam(time), StandardCharsets.UTF_8);
    return post("api/v1/query", form + extraParams, promql, Math.min(maxBytes, maxReplyBytes));
  }

  /**
   * Evaluates a range query from {@code start} to {@code end} every {@code step}; the reply may
   * hold at most {@code maxBytes} (and at most {@link #maxReplyBytes()}).
   */
  public QueryResult queryRange(
      String promql, Instant start, Instant end, Duration step, long maxBytes) {
    String form =
        "query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8)
            + "&start="
            + URLEncoder.encode(timeParam(start), StandardCharsets.UTF_8)
            + "&end="
            + URLEncoder.encode(timeParam(end), StandardCharsets.UTF_8)
            + "&step="
            + URLEncoder.encode(timeParam(Instant.EPOCH.plus(step)), StandardCharsets.UTF_8)
            // VictoriaMetrics moves start and end of cached range queries onto the step grid
            + "&nocache=1";
    return post(
        "api/v1/query_range", form + extraParams, promql, Math.min(maxBytes, maxReplyBytes));
  }

  /** The largest reply accepted, in bytes. */
  public long maxReplyBytes() {
    return maxReplyBytes;
  }

  /** The number of HTTP requests sent so far (retries included), for benchmarks and tests. */
  public long requestCount() {
    return requests.get();
  }

  /** Prometheus' time parameter: epoch seconds with up to nanosecond decimals. */
  static String timeParam(Instant t) {
    return java.math.BigDecimal.valueOf(t.getEpochSecond())
        .add(java.math.BigDecimal.valueOf(t.getNano(), 9))
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * One call. Each attempt has {@code readTimeout} for the whole exchange: connecting, the headers
   * and the whole body. A timed-out attempt is not retried (a server that slow will not answer the
   * next one faster); 5xx answers and connection errors are.
   */
  private QueryResult post(String path, String form, String promql, long maxBytes) {
    URI uri = base.resolve(path);
    SourceException last = null;
    int attempts = 0;
    for (int attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        sleep(backoff.multipliedBy(1L << Math.min(attempt - 1, 10)));
      }
      attempts++;
      HttpRequest.Builder rb =
          // no HttpRequest.timeout: it would race the watchdog and cut the body short, which reads
          // as a truncated reply; the watchdog alone ends the attempt, whatever stage it is in
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(form));
      headers.forEach(rb::header);
      requests.incrementAndGet();
      Watchdog dog = Watchdog.start(readTimeout.toNanos());
      try {
        return exchange(rb.build(), promql, maxBytes, dog);
      } catch (Retry r) {
        last = r.error;
      } catch (InterruptedException e) {
        if (dog.finish()) {
          last = timeout(e);
          break;
        }
        Thread.currentThread().interrupt();
        throw new SourceException(base + ": interrupted", e);
      } catch (IOException e) {
        if (dog.finish() || e instanceof HttpTimeoutException) {
          last = timeout(e);
          break;
        }
        last = ioError(e);
      } finally {
        dog.finish();
      }
    }
    throw new SourceException(
        Objects.requireNonNull(last).getMessage() + " (after " + attempts + " attempts)",
        last.getCause());
  }

  private SourceException timeout(Exception cause) {
    return new SourceException(
        base + ": no answer within " + readTimeout.toMillis() + " ms", cause);
  }

  private SourceException ioError(IOException e) {
    if (e instanceof ConnectException) {
      String why =
          e.getMessage() == null || e.getMessage().isBlank()
              ? "connection refused"
              : e.getMessage();
      return new SourceException(base + ": cannot connect (" + why + ")", e);
    }
    return new SourceException(base + ": " + reason(e), e);
  }

  /** A failure worth another attempt. */
  private static final class Retry extends Exception {
    private static final long serialVersionUID = 1L;
    final transient SourceException error;

    Retry(SourceException error) {
      super(error.getMessage(), null, false, false);
      this.error = error;
    }
  }

  private QueryResult exchange(HttpRequest req, String promql, long maxBytes, Watchdog dog)
      throws IOException, InterruptedException, Retry {
    HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    dog.guard(resp.body());
    try (BoundedInputStream body = new BoundedInputStream(resp.body(), maxBytes)) {
      int status = resp.statusCode();
      ReplyParser.Reply reply;
      try {
        reply = ReplyParser.parse(body);
      } catch (ReplyTooLargeException e) {
        throw new QueryRefusedException(
            base
                + ": the reply is larger than "
                + Bytes.format(e.limit)
                + " (the limit for this query; raise --prometheus-max-reply or narrow the query): "
                + cut(promql));
      } catch (IOException e) {
        if (dog.expired() || e instanceof java.io.InterruptedIOException) {
          throw e;
        }
        if (!(e instanceof ReplyParser.MalformedReplyException)
            && !(e instanceof com.fasterxml.jackson.core.JacksonException)) {
          throw e;
        }
        reply = null;
        if (status >= 500 && status != 501) {
          throw new Retry(new SourceException(base + ": HTTP " + status));
        }
        throw new SourceException(
            base
                + ": HTTP "
                + status
                + ", the reply is not the Prometheus API"
                + " (expected JSON with a 'status' field): "
                + body.head());
      }
      if (status >= 500 && status != 501) {
        String why = reply.error() == null ? "" : ": " + reply.error();
        throw new Retry(new SourceException(base + ": HTTP " + status + why));
      }
      return ReplyCheck.accept(base, status, reply, body.head(), cut(promql));
    }
  }

  /** A query for a message: batched queries can be long, so only the start is shown. */
  static String cut(String promql) {
    return promql.length() > 300
        ? promql.substring(0, 300) + "... (" + promql.length() + " chars)"
        : promql;
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("interrupted while waiting to retry", e);
    }
  }

  /** Builder for {@link PrometheusClient}; not thread-safe. */
  public static final class Builder {
    private final URI base;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int retries = 2;
    private Duration backoff = Duration.ofMillis(200);
    private final Map<String, String> headers = new LinkedHashMap<>();
    private long maxReplyBytes = DEFAULT_MAX_REPLY_BYTES;

    private Builder(URI base) {
      Objects.requireNonNull(base, "base");
      String scheme = base.getScheme();
      if (scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))
          || base.getHost() == null) {
        throw new dev.slo.core.InvalidInputException(
            dev.slo.core.Printable.quote(String.valueOf(base))
                + " is not a valid Prometheus URL; use http://host:port or https://...");
      }
      this.base = base;
    }

    /** Time allowed to connect; default 5 s. */
    public Builder connectTimeout(Duration d) {
      connectTimeout = positive(d, "connect timeout");
      return this;
    }

    /**
     * Time allowed for one attempt's whole exchange: connecting, the headers and the whole body;
     * default 30 s. A timed-out attempt is not retried.
     */
    public Builder readTimeout(Duration d) {
      readTimeout = positive(d, "read timeout");
      return this;
    }

    /** Retries after a 5xx or connection error, 0 to 10; default 2. */
    public Builder retries(int n) {
      if (n < 0 || n > 10) {
        throw new IllegalArgumentException(n + " is not a valid retry count: use 0 to 10");
      }
      retries = n;
      return this;
    }

    /** The first backoff; it doubles on each retry; default 200 ms. */
    public Builder backoff(Duration d) {
      backoff = d;
      return this;
    }

    /**
     * The largest reply read, in bytes (default {@value PrometheusClient#DEFAULT_MAX_REPLY_BYTES});
     * a query may set a smaller limit sized from what it asks for.
     */
    public Builder maxReplyBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException(
            bytes + " is not a valid reply limit: use >= 1024 bytes");
      }
      maxReplyBytes = bytes;
      return this;
    }

    /** Sends {@code Authorization: Bearer <token>}. */
    public Builder bearerToken(String token) {
      return header("Authorization", "Bearer " + token.trim());
    }

    /** Sends HTTP basic auth. */
    public Builder basicAuth(String user, String password) {
      String raw = user + ":" + password;
      return header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends an extra header with every request (e.g. {@code X-Scope-OrgID} for Mimir). */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** The client. */
    public PrometheusClient build() {
      return new PrometheusClient(this);
    }

    private static Duration positive(Duration d, String what) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(
            DurationText.format(d) + " is not a valid " + what + ": use > 0");
      }
      return d;
    }
  }
}
