package dev.slo.prometheus;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.ValidationException;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.DurationText;
import dev.slo.interop.io.InputFiles;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a server speaking the Prometheus HTTP API, as people write it: a URL (credentials in
 * it, {@code http://user:pass@host}, become basic auth), a timeout ({@code 30s}), a largest reply
 * ({@code 256MiB}), a file holding a bearer token and extra headers ({@code NAME=VALUE}).
 *
 * <p>{@link #client()} checks every part and throws a {@link ValidationException} whose field is
 * {@code url}, {@code timeout}, {@code max_reply} or {@code header} and whose message leads with
 * the bad value; an unreadable token file is an {@link InvalidInputException} naming the file.
 *
 * @param url the base URL
 * @param timeout time allowed for one answer, e.g. {@code 30s}
 * @param maxReply largest reply read, e.g. {@code 256MiB} (at least 1KiB)
 * @param bearerTokenFile a file whose trimmed text is sent as {@code Authorization: Bearer}, or
 *     null
 * @param headers extra headers as {@code NAME=VALUE}, one line each
 */
public record PrometheusConnection(
    String url,
    String timeout,
    String maxReply,
    @Nullable Path bearerTokenFile,
    List<String> headers) {

  /** Copies the headers. */
  public PrometheusConnection {
    headers = List.copyOf(headers);
  }

  /**
   * The source this connection describes, reading in {@code mode} and told {@code slos} so that it
   * reads their windows in batched requests (SLOs asked for later are read on their own).
   *
   * @throws ValidationException as {@link #client()} does
   */
  public PrometheusSource source(PrometheusSource.Mode mode, List<Slo> slos) {
    return new PrometheusSource(client(), mode, PrometheusSource.DEFAULT_LOOKBACK).withFleet(slos);
  }

  /**
   * The source for a server that evaluates on an interval: in {@link PrometheusSource.Mode#EXACT
   * exact} mode an incremental one, which keeps the samples it has read and asks each pass only for
   * what is new; in pushdown mode {@link #source(PrometheusSource.Mode, List)}.
   *
   * @throws ValidationException as {@link #client()} does
   */
  public EventSource servingSource(PrometheusSource.Mode mode, List<Slo> slos) {
    PrometheusSource s = source(mode, slos);
    return mode == PrometheusSource.Mode.EXACT ? s.incremental() : s;
  }

  /** The client this connection describes. */
  public PrometheusClient client() {
    URI uri = uri(url.trim());
    Duration read;
    try {
      read = DurationText.parse(timeout);
    } catch (IllegalArgumentException e) {
      throw ValidationException.withMessage("timeout", timeout, String.valueOf(e.getMessage()));
    }
    String userInfo = uri.getRawUserInfo();
    URI base = uri;
    if (userInfo != null) {
      try {
        base =
            new URI(
                uri.getScheme(),
                null,
                uri.getHost(),
                uri.getPort(),
                uri.getPath(),
                uri.getQuery(),
                null);
      } catch (URISyntaxException e) {
        throw invalidUrl(e);
      }
    }
    PrometheusClient.Builder b =
        PrometheusClient.builder(base).readTimeout(read).maxReplyBytes(maxReplyBytes(maxReply));
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      String pass = colon < 0 ? "" : userInfo.substring(colon + 1);
      b.basicAuth(
          URLDecoder.decode(user, StandardCharsets.UTF_8),
          URLDecoder.decode(pass, StandardCharsets.UTF_8));
    }
    if (bearerTokenFile != null) {
      b.bearerToken(InputFiles.text(bearerTokenFile).trim());
    }
    for (String h : headers) {
      int eq = h.indexOf('=');
      if (eq <= 0) {
        throw ValidationException.withMessage(
            "header", h, Printable.quote(h) + ": not NAME=VALUE, e.g. X-Scope-OrgID=team1");
      }
      String name = h.substring(0, eq).trim();
      checkOneLine(h);
      b.header(name, h.substring(eq + 1).strip());
    }
    return b.build();
  }

  /**
   * Refuses a {@code NAME=VALUE} header holding a CR, LF or other control character, with a message
   * that names the header but not its value.
   */
  public static void checkOneLine(String header) {
    if (header.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      int eq = header.indexOf('=');
      String name = eq < 0 ? header : header.substring(0, eq).trim();
      throw ValidationException.withMessage(
          "header",
          name,
          Printable.quote(name)
              + ": the value holds a CR, LF or other control character; give one line of text");
    }
  }

  private URI uri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw invalidUrl(e);
    }
  }

  private ValidationException invalidUrl(URISyntaxException e) {
    return ValidationException.withMessage(
        "url", url, Printable.quote(url) + ": not a valid URL: " + e.getReason());
  }

  private static long maxReplyBytes(String text) {
    long n;
    try {
      n = Bytes.parse(text, "size");
    } catch (InvalidInputException e) {
      throw ValidationException.withMessage("max_reply", text, String.valueOf(e.getMessage()));
    }
    if (n < 1024) {
      throw ValidationException.withMessage(
          "max_reply", text, Printable.quote(text.trim()) + ": too small; use at least 1KiB");
    }
    return n;
  }
}
