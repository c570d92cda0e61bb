package dev.slo.server;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may read and write (docs/serve.md, "Access"): the bearer tokens of reads and writes, and the
 * browser origins allowed to write. A write must be {@code Content-Type: application/json} and,
 * when it carries an {@code Origin}, come from this server's own origin or an allowed one, so that
 * a web page cannot post to the API behind its user's back. Immutable.
 *
 * @param writeToken the bearer token of writes, or null for anonymous writes
 * @param readToken the bearer token of reads (the write token works too), or null for open reads
 * @param origins origins allowed to call the API from a browser, such as {@code
 *     https://dash.example.com}; {@code *} for any
 */
record Access(@Nullable String writeToken, @Nullable String readToken, Set<String> origins) {
  /** Routes open without the read token, for health checks. */
  private static final Set<String> PROBES = Set.of("/healthz", "/readyz");

  Access {
    origins = Set.copyOf(origins);
  }

  /** True when {@code address} is a loopback address. */
  static boolean loopback(InetAddress address) {
    return address != null && address.isLoopbackAddress();
  }

  /** Checks a read: the read token when one is set. */
  void read(Exchange x) {
    if (readToken != null && !PROBES.contains(x.path())) {
      bearer(x, readToken, writeToken);
    }
  }

  /**
   * Checks a write: token, origin and media type, in that order. A DELETE without a body needs no
   * media type: browsers send no cross-origin DELETE without a CORS preflight.
   */
  void write(Exchange x) {
    String token = writeToken != null ? writeToken : readToken;
    if (token != null) {
      bearer(x, token, null);
    }
    String origin = x.header("origin");
    if (origin != null && !sameOrigin(origin, x.header("host")) && !allowed(origin)) {
      throw new ApiException(
          403,
          "cross_origin",
          "Origin "
              + RequestParser.show(origin)
              + " may not write to this API; start the server with --allow-origin "
              + RequestParser.show(origin).replace("\"", ""),
          null,
          Map.of());
    }
    if (x.method().equals("DELETE") && x.body().length == 0) {
      return;
    }
    String type = x.header("content-type");
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      throw new ApiException(
          415,
          "unsupported_media_type",
          (type == null ? "no Content-Type" : "Content-Type " + RequestParser.show(type))
              + ": send the body as Content-Type: application/json",
          null,
          Map.of());
    }
  }

  /** True when {@code origin} may call the API from a browser (CORS). */
  boolean allowed(String origin) {
    return origins.contains("*") || origins.contains(origin.toLowerCase(Locale.ROOT));
  }

  /**
   * True when {@code origin} is this server as the browser reached it. The host must be an IP
   * address or {@code localhost}: a page whose DNS name was re-pointed at this server (DNS
   * rebinding) has the same origin as its own name, so a name counts only through {@code
   * --allow-origin}.
   */
  private static boolean sameOrigin(String origin, @Nullable String host) {
    return host != null
        && literal(host)
        && (origin.equalsIgnoreCase("http://" + host)
            || origin.equalsIgnoreCase("https://" + host));
  }

  private static boolean literal(String hostPort) {
    String h = hostPort.toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      return h.indexOf(']') > 0;
    }
    int colon = h.indexOf(':');
    String name = colon < 0 ? h : h.substring(0, colon);
    return name.equals("localhost") || name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  }

  private static void bearer(Exchange x, String token, @Nullable String alternative) {
    String h = x.authorization();
    byte[] given =
        h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)
            ? h.substring(7).strip().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    boolean ok = MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    if (alternative != null) {
      ok |= MessageDigest.isEqual(given, alternative.getBytes(StandardCharsets.UTF_8));
    }
    if (!ok) {
      throw new ApiException(
          401,
          "unauthorized",
          "this endpoint needs the header Authorization: Bearer <token>",
          null,
          Map.of("WWW-Authenticate", "Bearer realm=\"slo\""));
    }
  }

  /** No tokens, no other origins. */
  static Access open() {
    return new Access(null, null, Set.of());
  }

  /** The origins as given, lower-cased. */
  static Set<String> origins(List<String> given) {
    return given.stream()
        .map(o -> o.strip().toLowerCase(Locale.ROOT))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
