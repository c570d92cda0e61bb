package dev.slo.server;

import dev.slo.core.ValidationException;
import dev.slo.core.window.DurationText;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The settings of {@link SloServer.Builder} given as people write them in a configuration file or
 * on a command line: durations as text ({@code 30s}, {@code 1h30m}), URLs as text, a host name and
 * a port. Its only subclass is {@link SloServer.Builder}, so these are the builder's methods; they
 * live here to keep the builder's file short.
 *
 * <p>Each method checks its values at once, before anything is opened, and refuses a bad one with a
 * {@link ValidationException} whose {@link ValidationException#field() field} is the snake_case
 * name of the setting and whose message leads with the value without naming the field ({@code
 * "soon" is not a duration; ...}, {@code ftp://x: use an http:// or https:// URL}), so that a
 * caller can put its own name for the setting in front ({@code slo serve} puts the flag: {@code
 * --webhook ftp://x: use an http:// or https:// URL}).
 *
 * <p>Where a parameter may be null, null stands for a key a configuration leaves out: the setting
 * keeps what it had (no token, no webhook, the default bound), so absent keys can be passed as they
 * come.
 */
abstract sealed class TextSettings extends AccessSettings permits SloServer.Builder {
  TextSettings() {}

  abstract SloServer.Builder interval(Duration interval);

  abstract SloServer.Builder bind(InetSocketAddress address);

  abstract SloServer.Builder timeouts(Duration request, Duration idle, int maxConnections);

  abstract SloServer.Builder outboxBounds(Duration maxAge, int maxEvents);

  abstract SloServer.Builder alertmanager(URI baseUrl);

  abstract SloServer.Builder sink(EventSink sink);

  abstract PrintWriter log();

  /**
   * The write token, read from {@code file} (UTF-8, surrounding white space removed); null for
   * none.
   *
   * @throws ValidationException for {@code token_file} when the file cannot be read or holds only
   *     white space: {@code /etc/slo/token: the file is empty}
   */
  public SloServer.Builder tokenFile(@Nullable Path file) {
    return file == null ? (SloServer.Builder) this : token(SettingText.token("token_file", file));
  }

  /**
   * The read token, read from {@code file} as {@link #tokenFile} reads; null for none.
   *
   * @throws ValidationException for {@code read_token_file}, as {@link #tokenFile}
   */
  public SloServer.Builder readTokenFile(@Nullable Path file) {
    return file == null
        ? (SloServer.Builder) this
        : readToken(SettingText.token("read_token_file", file));
  }

  /**
   * Time between evaluations as text such as {@code 30s}, {@code 5m} or {@code 1h30m}; at least 1s
   * (checked by {@link SloServer.Builder#build}).
   *
   * @throws ValidationException for {@code interval} when the text is not a positive duration
   */
  public SloServer.Builder interval(String text) {
    return interval(DurationText.parse("interval", text));
  }

  /**
   * Listens on {@code host} (a name or an address; a name is resolved now) at {@code port}, 0 to
   * 65535 (0 picks a free one).
   *
   * @throws ValidationException for {@code port} out of range ({@code 70000: use 0 to 65535}), or
   *     {@code bind} when the host is refused
   */
  public SloServer.Builder bind(String host, int port) {
    SettingText.port(port);
    try {
      return bind(new InetSocketAddress(host, port));
    } catch (IllegalArgumentException e) {
      throw ValidationException.withMessage("bind", host, host + ": " + e.getMessage());
    }
  }

  /**
   * HTTP deadlines as text such as {@code 10s} and the connection cap; see {@link
   * SloServer.Builder#timeouts(Duration, Duration, int)}.
   *
   * @throws ValidationException for {@code request_timeout} or {@code idle_timeout} when the text
   *     is not a positive duration, or {@code max_connections} below 1 ({@code 0: use at least 1})
   */
  public SloServer.Builder timeouts(String request, String idle, int maxConnections) {
    return timeouts(
        DurationText.parse("request_timeout", request),
        DurationText.parse("idle_timeout", idle),
        SettingText.atLeastOne("max_connections", maxConnections));
  }

  /**
   * Bounds of a fleet's outbox with the age as text such as {@code 24h}; a null stands for the
   * default (24h, 100000 events), and two nulls leave the bounds as they are. See {@link
   * Monitor.Builder#outboxBounds}.
   *
   * @throws ValidationException for {@code outbox_max_age} (not a duration, or outside 1m to 365d)
   *     or {@code outbox_max_events} (outside 1 to 100000000)
   */
  public SloServer.Builder outboxBounds(@Nullable String maxAge, @Nullable Integer maxEvents) {
    if (maxAge == null && maxEvents == null) {
      return (SloServer.Builder) this;
    }
    OutboxSender.Limits d = OutboxSender.Limits.DEFAULT;
    return outboxBounds(
        maxAge == null ? d.maxAge() : DurationText.parse("outbox_max_age", maxAge),
        maxEvents == null ? d.maxPending() : maxEvents);
  }

  /**
   * Sends firing alert tiers to Alertmanager at {@code baseUrl}, given as text; see {@link
   * SloServer.Builder#alertmanager(URI)}; null for none.
   *
   * @throws ValidationException for {@code alertmanager} unless the text is an absolute http or
   *     https URL with a host: {@code ftp://am: use an http:// or https:// URL}
   */
  public SloServer.Builder alertmanager(@Nullable String baseUrl) {
    return baseUrl == null
        ? (SloServer.Builder) this
        : alertmanager(SettingText.httpUrl("alertmanager", baseUrl));
  }

  /**
   * POSTs each event to {@code url} ({@link EventSinks#webhook} with {@link
   * DeliveryPolicy#DEFAULT}), logging failed deliveries to the log set before this call; null for
   * none.
   *
   * @throws ValidationException for {@code webhook} unless the text is an absolute http or https
   *     URL with a host: {@code ftp://x: use an http:// or https:// URL}
   */
  public SloServer.Builder webhook(@Nullable String url) {
    if (url == null) {
      return (SloServer.Builder) this;
    }
    return sink(
        EventSinks.webhook(SettingText.httpUrl("webhook", url), DeliveryPolicy.DEFAULT, log()));
  }
}
