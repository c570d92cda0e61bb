package dev.slo.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.json.StatusJson;
import dev.slo.core.store.FleetCoordinator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
          return body;
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
                + "\n";
        out.writeBytes(gauge.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
      }
    };
  }
}
