package dev.slo.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slo.core.SourceException;
import dev.slo.core.window.DurationText;
import java.io.IOException;
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

/**
 * A small client of the Prometheus HTTP API ({@code /api/v1/query}) that also serves Thanos, Mimir
 * and VictoriaMetrics: timeouts, bounded retries with exponential backoff on 5xx and connection
 * errors, basic auth, bearer token and extra headers. Errors are one line naming the server.
 * Thread-safe; build with {@link #builder(URI)}.
 */
public final class PrometheusClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private final Duration readTimeout;
  private final int retries;
  private final Duration backoff;
  private final Map<String, String> headers;

  private PrometheusClient(Builder b) {
    String s = b.base.toString();
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
    this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
    this.readTimeout = b.readTimeout;
    this.retries = b.retries;
    this.backoff = b.backoff;
    b.headers.forEach(PrometheusClient::requireValidHeader);
    this.headers = Map.copyOf(b.headers);
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
   * Evaluates an instant query at {@code time} and returns the API's {@code data} object ({@code
   * resultType} and {@code result}).
   *
   * @throws SourceException when the server is down, slow, answers an error or is not Prometheus
   */
  public JsonNode query(String promql, Instant time) {
    String form =
        "query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8)
            + "&time="
            + URLEncoder.encode(timeParam(time), StandardCharsets.UTF_8);
    return post("api/v1/query", form, promql);
  }

  /** Prometheus' time parameter: epoch seconds with up to nanosecond decimals. */
  static String timeParam(Instant t) {
    return java.math.BigDecimal.valueOf(t.getEpochSecond())
        .add(java.math.BigDecimal.valueOf(t.getNano(), 9))
        .stripTrailingZeros()
        .toPlainString();
  }

  private JsonNode post(String path, String form, String promql) {
    URI uri = base.resolve(path);
    SourceException last = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        sleep(backoff.multipliedBy(1L << Math.min(attempt - 1, 10)));
      }
      HttpRequest.Builder rb =
          HttpRequest.newBuilder(uri)
              .timeout(readTimeout)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(form));
      headers.forEach(rb::header);
      HttpResponse<String> resp;
      try {
        resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        last =
            new SourceException(base + ": no answer within " + readTimeout.toMillis() + " ms", e);
        continue;
      } catch (ConnectException e) {
        String why =
            e.getMessage() == null || e.getMessage().isBlank()
                ? "connection refused"
                : e.getMessage();
        last = new SourceException(base + ": cannot connect (" + why + ")", e);
        continue;
      } catch (IOException e) {
        last = new SourceException(base + ": " + reason(e), e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SourceException(base + ": interrupted", e);
      }
      if (resp.statusCode() >= 500 && resp.statusCode() != 501) {
        last = new SourceException(base + ": HTTP " + resp.statusCode() + apiError(resp.body()));
        continue;
      }
      return parse(resp, promql);
    }
    throw new SourceException(
        Objects.requireNonNull(last).getMessage() + " (after " + (retries + 1) + " attempts)",
        last.getCause());
  }

  private JsonNode parse(HttpResponse<String> resp, String promql) {
    JsonNode body;
    try {
      body = JSON.readTree(resp.body());
    } catch (JsonProcessingException e) {
      body = null;
    }
    if (body == null || !body.isObject() || !body.has("status")) {
      throw new SourceException(
          base
              + ": HTTP "
              + resp.statusCode()
              + ", the reply is not the Prometheus API"
              + " (expected JSON with a 'status' field): "
              + snippet(resp.body()));
    }
    if (!"success".equals(body.path("status").asText())) {
      throw new SourceException(
          base
              + ": query failed ("
              + body.path("errorType").asText("error")
              + "): "
              + body.path("error").asText("no message")
              + "; query: "
              + promql);
    }
    JsonNode data = body.path("data");
    if (!data.has("resultType") || !data.has("result")) {
      throw new SourceException(
          base + ": the reply is not the Prometheus API (no data.resultType/result)");
    }
    return data;
  }

  private static String apiError(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      if (n != null && n.has("error")) {
        return ": " + n.get("error").asText();
      }
    } catch (JsonProcessingException e) {
      // not JSON: the status line says enough
    }
    return "";
  }

  private static String snippet(String s) {
    String one = s == null ? "" : s.replaceAll("\\s+", " ").trim();
    return one.length() > 80 ? one.substring(0, 80) + "..." : one.isEmpty() ? "(empty)" : one;
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

    private Builder(URI base) {
      Objects.requireNonNull(base, "base");
      String scheme = base.getScheme();
      if (scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))
          || base.getHost() == null) {
        throw new dev.slo.core.InvalidInputException(
            "\"" + base + "\" is not a valid Prometheus URL; use http://host:port or https://...");
      }
      this.base = base;
    }

    /** Time allowed to connect; default 5 s. */
    public Builder connectTimeout(Duration d) {
      connectTimeout = positive(d, "connect timeout");
      return this;
    }

    /** Time allowed for a whole answer; default 30 s. */
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
