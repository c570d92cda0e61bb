package dev.slo.server;

import dev.slo.core.ValidationException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The event sinks {@code slo serve} offers. Each factory returns a sink ready to use; HTTP sinks
 * start their delivery thread at once and stop it in {@link EventSink#close}.
 */
public final class EventSinks {
  private EventSinks() {}

  /**
   * Appends each {@code slo_status_updated} event to a JSON Lines file, creating it.
   *
   * @throws dev.slo.core.InvalidInputException when the file cannot be opened for appending
   */
  public static EventSink file(Path file) {
    return LineSink.file(file);
  }

  /** Prints each event as one JSON line to {@code out} and flushes; never closes {@code out}. */
  public static EventSink stream(PrintWriter out) {
    return LineSink.stream(out);
  }

  /**
   * POSTs each event as JSON to {@code url} from a bounded queue, retrying per {@code policy}.
   *
   * @param log where delivery failures are reported, one line each
   */
  public static EventSink webhook(URI url, DeliveryPolicy policy, PrintWriter log) {
    return new WebhookSink(new HttpDelivery("webhook", requireHttp("webhook", url), policy, log));
  }

  /**
   * Sends firing alert tiers to Alertmanager's v2 API at {@code baseUrl/api/v2/alerts} after every
   * evaluation, with {@code endsAt} {@code ttl} ahead, and resolved tiers once.
   *
   * @param ttl how long Alertmanager keeps an alert firing without hearing from the server;
   *     Prometheus uses four evaluation intervals
   */
  public static EventSink alertmanager(
      URI baseUrl, DeliveryPolicy policy, Duration ttl, PrintWriter log) {
    requireHttp("alertmanager", baseUrl);
    if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ValidationException("alertmanager_ttl", ttl, "use at least 1s");
    }
    URI am = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/api/v2/alerts");
    return new AlertmanagerSink(new HttpDelivery("alertmanager", am, policy, log), ttl);
  }

  private static URI requireHttp(String field, URI u) {
    if (u == null || !isHttp(u)) {
      throw new ValidationException(field, u, "use an http:// or https:// URL");
    }
    return u;
  }

  /** True for an absolute http:// or https:// URL with a host: what the HTTP sinks can POST to. */
  static boolean isHttp(URI u) {
    return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
  }
}
