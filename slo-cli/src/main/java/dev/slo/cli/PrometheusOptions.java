package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.DurationText;
import dev.slo.interop.io.InputFiles;
import dev.slo.prometheus.PrometheusClient;
import dev.slo.prometheus.PrometheusSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of the Prometheus source, shared by every command that reads events. */
public final class PrometheusOptions {
  @Option(
      names = "--prometheus",
      paramLabel = "URL",
      description =
          "Read events from a server speaking the Prometheus HTTP API (Prometheus, Thanos, Mimir,"
              + " VictoriaMetrics). Credentials in the URL (http://user:pass@host) become basic"
              + " auth.")
  String url;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "PUSHDOWN",
      description =
          "pushdown (default: the server computes increase() per window) or exact (raw samples,"
              + " increase computed here with counter resets and no extrapolation).")
  PrometheusSource.Mode mode;

  @Option(
      names = "--prometheus-timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description =
          "Time allowed for one answer, the whole reply included (default 30s); 5xx answers and"
              + " connection errors are retried twice, a timed-out answer is not.")
  String timeout;

  @Option(
      names = "--prometheus-max-reply",
      paramLabel = "SIZE",
      defaultValue = "256MiB",
      description =
          "Largest reply read (default 256MiB); pushdown replies are capped lower, from what each"
              + " query asks for. A larger reply fails with exit 3.")
  String maxReply;

  @Option(
      names = "--bearer-token-file",
      paramLabel = "FILE",
      description = "Send the token in FILE as 'Authorization: Bearer'.")
  Path bearerTokenFile;

  @Option(
      names = "--prometheus-header",
      paramLabel = "NAME=VALUE",
      converter = HeaderText.class,
      description =
          "Send an extra header, e.g. X-Scope-OrgID=team1; repeatable. One line: CR, LF and"
              + " other control characters are refused.")
  List<String> headers = new ArrayList<>();

  /** Refuses a header with a control character while the command line is parsed. */
  static final class HeaderText implements picocli.CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      int eq = value.indexOf('=');
      String name = eq < 0 ? value : value.substring(0, eq).trim();
      if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new picocli.CommandLine.TypeConversionException(
            Printable.quote(name)
                + ": the value holds a CR, LF or other control character; give one line of text");
      }
      return value;
    }
  }

  /** True when {@code --prometheus} was given. */
  public boolean given() {
    return url != null;
  }

  /** The source these options describe. */
  public EventSource source() {
    return new PrometheusSource(client(), mode, PrometheusSource.DEFAULT_LOOKBACK);
  }

  /** The source these options describe, told the SLOs it will be asked for, to batch requests. */
  public EventSource source(List<dev.slo.core.model.Slo> slos) {
    return new PrometheusSource(client(), mode, PrometheusSource.DEFAULT_LOOKBACK).withFleet(slos);
  }

  /** The HTTP client these options describe. */
  public PrometheusClient client() {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new InvalidInputException(
          "--prometheus " + Printable.quote(url) + ": not a valid URL: " + e.getReason());
    }
    Duration read;
    try {
      read = DurationText.parse(timeout);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--prometheus-timeout: " + e.getMessage());
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
        throw new InvalidInputException("--prometheus: not a valid URL: " + e.getReason());
      }
    }
    PrometheusClient.Builder b =
        PrometheusClient.builder(base)
            .readTimeout(read)
            .maxReplyBytes(PrometheusClient.parseSize(maxReply, "--prometheus-max-reply"));
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
        throw new InvalidInputException(
            "--prometheus-header "
                + Printable.quote(h)
                + ": not NAME=VALUE, e.g. X-Scope-OrgID=team1");
      }
      String name = h.substring(0, eq).trim();
      String value = h.substring(eq + 1);
      if (h.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new InvalidInputException(
            "--prometheus-header "
                + Printable.quote(name)
                + ": the value holds a CR, LF or other control character; give one line of text");
      }
      b.header(name, value.strip());
    }
    return b.build();
  }
}
