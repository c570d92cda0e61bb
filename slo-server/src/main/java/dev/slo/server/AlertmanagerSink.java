package dev.slo.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.json.StatusJson;
import dev.slo.core.model.Slo;
import dev.slo.core.window.DurationText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends firing alert tiers to Alertmanager's v2 API ({@code POST /api/v2/alerts}) after every
 * evaluation, as Prometheus does, so they stay active; a resolved tier is sent once more with
 * {@code endsAt}. Labels: {@code alertname} ({@value #ALERT_NAME}), {@code slo_id}, {@code
 * service}, {@code severity}, {@code tier}. Thread-safe.
 */
final class AlertmanagerSink implements EventSink {
  /** The alertname label of every alert. */
  static final String ALERT_NAME = dev.slo.prometheus.RuleGenerator.ALERT;

  private final HttpDelivery delivery;
  private final java.time.Duration ttl;
  private final List<ObjectNode> resolved = new ArrayList<>();

  /**
   * A sink that re-sends firing alerts after every evaluation with {@code endsAt} {@code ttl}
   * ahead, so Alertmanager keeps them firing between evaluations and resolves them by itself if
   * this server stops sending.
   */
  AlertmanagerSink(HttpDelivery delivery, java.time.Duration ttl) {
    this.delivery = delivery;
    this.ttl = ttl;
  }

  @Override
  public synchronized void publish(Notice notice) {
    for (AlertState a : notice.resolved()) {
      ObjectNode o = alert(notice.snapshot().slo(), a);
      o.put("endsAt", StatusJson.time(notice.at()));
      resolved.add(o);
    }
  }

  @Override
  public synchronized void evaluated(Instant at, List<Snapshot> all) {
    ArrayNode batch = StatusJson.MAPPER.createArrayNode();
    for (Snapshot s : all) {
      s.alerts()
          .values()
          .forEach(a -> batch.add(alert(s.slo(), a).put("endsAt", StatusJson.time(at.plus(ttl)))));
    }
    resolved.forEach(batch::add);
    resolved.clear();
    if (!batch.isEmpty()) {
      delivery.offer(ApiJson.bytes(batch));
    }
  }

  @Override
  public void close(Instant deadline) {
    delivery.close(deadline);
  }

  static ObjectNode alert(Slo slo, AlertState a) {
    AlertTier t = a.alert().tier();
    ObjectNode o = StatusJson.MAPPER.createObjectNode();
    ObjectNode labels = o.putObject("labels");
    labels.put("alertname", ALERT_NAME);
    labels.put("slo_id", slo.sloId());
    labels.put("service", slo.serviceName());
    labels.put("severity", t.severity().label());
    labels.put("tier", t.name());
    ObjectNode ann = o.putObject("annotations");
    ann.put(
        "summary",
        String.format(
            Locale.ROOT,
            "%s: error budget burning at %.2fx over %s and %.2fx over %s (threshold %s)",
            slo.sloName(),
            a.alert().burnRateLong(),
            DurationText.format(t.longWindow()),
            a.alert().burnRateShort(),
            DurationText.format(t.shortWindow()),
            t.factor().toPlainString()));
    o.put("startsAt", StatusJson.time(a.since()));
    return o;
  }
}
