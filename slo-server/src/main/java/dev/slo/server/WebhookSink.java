package dev.slo.server;

import dev.slo.core.json.StatusJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * POSTs each {@code slo_status_updated} event as JSON to a webhook URL through an {@link
 * HttpDelivery}: retries with backoff, bounded queue, never blocking. Thread-safe.
 */
final class WebhookSink implements EventSink {
  private final HttpDelivery delivery;

  WebhookSink(HttpDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void publish(Notice notice) {
    delivery.offer(StatusJson.line(notice.event()).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public void deliver(byte[] event) {
    delivery.sendOnce(event);
  }

  @Override
  public void close(Instant deadline) {
    delivery.close(deadline);
  }
}
