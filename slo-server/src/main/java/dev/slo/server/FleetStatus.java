package dev.slo.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.json.StatusJson;
import dev.slo.core.store.FleetCoordinator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a replica of a fleet (docs/serve.md, "A fleet of replicas") reports: the {@code /readyz}
 * body with its replica id and owned shards, and the {@code slo_fleet_owned_shards} gauge appended
 * to {@code /metrics}. Thread-safe; no state of its own.
 */
final class FleetStatus {
  private FleetStatus() {}

  /**
   * The {@code /readyz} body: {@code {"status":"ready"}}, and with a fleet also {@code replica_id},
   * {@code owned_shards} (ascending) and {@code fleet_error} when the last rebalance failed.
   */
  static byte[] readyz(Monitor monitor) {
    ObjectNode o = StatusJson.MAPPER.createObjectNode();
    o.put("status", "ready");
    monitor
        .fleet()
        .ifPresent(
            f -> {
              o.put("replica_id", f.replicaId());
              ArrayNode shards = o.putArray("owned_shards");
              new TreeSet<>(monitor.ownedShards()).forEach(shards::add);
              String error = monitor.fleetError();
              if (error != null) {
                o.put("fleet_error", error);
              }
            });
    return ApiJson.bytes(o);
  }

  private static byte[] concat(byte[] body, String more) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + more.length());
    out.writeBytes(body);
    out.writeBytes(more.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /**
   * The evaluation lag of each owned shard and, with an outbox, its depth, the age of its oldest
   * event and this replica's delivered and abandoned counts.
   */
  static String lagAndOutbox(Monitor monitor) {
    StringBuilder b = new StringBuilder();
    Instant now = Instant.now();
    Map<Integer, Instant> at = monitor.shardsEvaluatedAt();
    if (monitor.fleet().isPresent()) {
      b.append(
          "# HELP slo_fleet_shard_evaluation_lag_seconds Seconds since this replica last"
              + " evaluated the SLOs of an owned shard (docs/serve.md).\n"
              + "# TYPE slo_fleet_shard_evaluation_lag_seconds gauge\n");
      at.forEach(
          (shard, t) ->
              b.append("slo_fleet_shard_evaluation_lag_seconds{shard=\"")
                  .append(shard)
                  .append("\"} ")
                  .append(Math.max(0, Duration.between(t, now).toMillis()) / 1000.0)
                  .append('\n'));
    }
    OutboxSender o = monitor.outboxSender();
    if (o != null && o.depth() >= 0) {
      Instant oldest = o.oldest();
      b.append(
              "# HELP slo_outbox_depth Undelivered events in the fleet's outbox, every shard.\n"
                  + "# TYPE slo_outbox_depth gauge\nslo_outbox_depth ")
          .append(o.depth())
          .append(
              "\n# HELP slo_outbox_oldest_age_seconds Age of the oldest undelivered event, 0 when"
                  + " none.\n# TYPE slo_outbox_oldest_age_seconds gauge\n"
                  + "slo_outbox_oldest_age_seconds ")
          .append(
              oldest == null ? 0.0 : Math.max(0, Duration.between(oldest, now).toMillis()) / 1000.0)
          .append('\n');
    }
    if (o != null) {
      b.append(
              "# HELP slo_outbox_delivered_total Outbox events this replica delivered.\n"
                  + "# TYPE slo_outbox_delivered_total counter\nslo_outbox_delivered_total ")
          .append(o.delivered())
          .append(
              "\n# HELP slo_outbox_abandoned_total Outbox events this replica gave up on: refused"
                  + " by a receiver, too old, or beyond the outbox bound.\n"
                  + "# TYPE slo_outbox_abandoned_total counter\nslo_outbox_abandoned_total ")
          .append(o.abandoned())
          .append('\n');
    }
    return b.toString();
  }

  /** {@code /metrics} from {@code inner} plus the fleet gauge when the monitor is in a fleet. */
  static MetricsExposition exposition(MetricsExposition inner, Monitor monitor) {
    return new MetricsExposition() {
      @Override
      public String contentType() {
        return inner.contentType();
      }

      @Override
      public byte[] render(List<Snapshot> snapshots) {
        byte[] body = inner.render(snapshots);
        if (monitor.fleet().isEmpty()) {
          return monitor.outboxSender() == null ? body : concat(body, lagAndOutbox(monitor));
        }
        FleetCoordinator f = monitor.fleet().get();
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 256);
        out.writeBytes(body);
        String gauge =
            "# HELP slo_fleet_owned_shards Shards of the fleet this replica owns"
                + " (docs/serve.md).\n"
                + "# TYPE slo_fleet_owned_shards gauge\n"
                + "slo_fleet_owned_shards{replica_id=\""
                + f.replicaId().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                + "\"} "
                + monitor.ownedShards().size()
                + "\n"
                + lagAndOutbox(monitor);
        out.writeBytes(gauge.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
      }
    };
  }
}
