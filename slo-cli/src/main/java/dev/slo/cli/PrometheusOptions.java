package dev.slo.cli;

import dev.slo.core.ValidationException;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.prometheus.PrometheusConnection;
import dev.slo.prometheus.PrometheusSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
  @Nullable String url;

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
  @Nullable Path bearerTokenFile;

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
      try {
        PrometheusConnection.checkOneLine(value);
      } catch (ValidationException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
      return value;
    }
  }

  /** True when {@code --prometheus} was given. */
  public boolean given() {
    return url != null;
  }

  /**
   * The source for a server that evaluates on an interval ({@link
   * PrometheusConnection#servingSource}); a bad value is named by its option.
   */
  public EventSource servingSource(List<Slo> slos) {
    return FlagNames.named(OPTIONS, () -> connection().servingSource(mode, slos));
  }

  /** The source these options describe, told the SLOs it will be asked for, to batch requests. */
  public EventSource source(List<Slo> slos) {
    return FlagNames.named(OPTIONS, () -> connection().source(mode, slos));
  }

  private PrometheusConnection connection() {
    return new PrometheusConnection(
        java.util.Objects.requireNonNull(url, "--prometheus"),
        timeout,
        maxReply,
        bearerTokenFile,
        headers);
  }

  /** Option names by the field of {@link PrometheusConnection} they fill. */
  private static final Map<String, String> OPTIONS =
      Map.of(
          "url", "--prometheus",
          "timeout", "--prometheus-timeout",
          "max_reply", "--prometheus-max-reply",
          "header", "--prometheus-header");
}
