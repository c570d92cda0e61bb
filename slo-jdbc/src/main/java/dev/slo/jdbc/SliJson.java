package dev.slo.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.SourceException;
import dev.slo.core.model.Composite;
import dev.slo.core.model.CompositeComponent;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code slos.sli} JSONB column: where an SLO's events come from, that is its metrics-server
 * definition, or for a composite SLO its components ({@code {"composite": {"components":
 * [{"slo_id": ..., "weight": "3"}]}}}, weights as exact decimal text). Thread-safe.
 */
final class SliJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SliJson() {}

  /** The JSON text, or null for {@link SliDefinition#NONE}. */
  static String encode(SliDefinition sli) {
    if (sli == null || sli.isEmpty()) {
      return null;
    }
    ObjectNode n = JSON.createObjectNode();
    put(n, "good_counter", sli.goodCounter());
    put(n, "bad_counter", sli.badCounter());
    put(n, "total_counter", sli.totalCounter());
    put(n, "good_query", sli.goodQuery());
    put(n, "bad_query", sli.badQuery());
    put(n, "total_query", sli.totalQuery());
    LatencySli l = sli.latency();
    if (l != null) {
      ObjectNode ln = n.putObject("latency");
      ln.put("histogram", l.histogram());
      ln.put("threshold", l.threshold());
      ln.put("selector", l.selector());
    }
    return n.toString();
  }

  /**
   * The column's JSON text for {@code slo}: its components when a composite, else its SLI; with
   * {@code group_by} and {@code max_groups} when grouped.
   */
  static String encode(Slo slo) {
    if (slo.groupBy().isEmpty()) {
      return plainOrComposite(slo);
    }
    String base = plainOrComposite(slo);
    try {
      ObjectNode n = base == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(base);
      ArrayNode by = n.putArray("group_by");
      slo.groupBy().forEach(by::add);
      n.put("max_groups", slo.maxGroups());
      return n.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The group_by stored in {@code json}; empty when none. */
  static List<String> groupBy(String json, String sloId) {
    JsonNode n = tree(json, sloId);
    List<String> out = new ArrayList<>();
    if (n != null && n.get("group_by") != null) {
      n.get("group_by").forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  /** The max_groups stored in {@code json}; the default when none. */
  static int maxGroups(String json, String sloId) {
    JsonNode n = tree(json, sloId);
    return n == null || n.get("max_groups") == null
        ? Slo.DEFAULT_MAX_GROUPS
        : n.get("max_groups").asInt();
  }

  private static JsonNode tree(String json, String sloId) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SourceException(
          "slos.sli of SLO \"" + sloId + "\" is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static String plainOrComposite(Slo slo) {
    if (!slo.isComposite()) {
      return encode(slo.sli());
    }
    ObjectNode n = JSON.createObjectNode();
    ArrayNode parts = n.putObject("composite").putArray("components");
    for (CompositeComponent c : slo.composite().components()) {
      parts.addObject().put("slo_id", c.sloId()).put("weight", c.weight().toPlainString());
    }
    return n.toString();
  }

  /** The components stored in {@code json}, or null when it holds no composite. */
  static Composite composite(String json, String sloId) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode c = JSON.readTree(json).get("composite");
      if (c == null) {
        return null;
      }
      List<CompositeComponent> parts = new ArrayList<>();
      for (JsonNode p : c.get("components")) {
        parts.add(new CompositeComponent(text(p, "slo_id"), new BigDecimal(text(p, "weight"))));
      }
      return new Composite(parts);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new SourceException(
          "slos.sli of SLO \"" + sloId + "\" is not a valid composite: " + e.getMessage(), e);
    }
  }

  /** The definition stored as {@code json}; {@link SliDefinition#NONE} for null. */
  static SliDefinition decode(String json, String sloId) {
    if (json == null) {
      return SliDefinition.NONE;
    }
    try {
      JsonNode n = JSON.readTree(json);
      JsonNode l = n.get("latency");
      LatencySli latency =
          l == null
              ? null
              : new LatencySli(
                  text(l, "histogram"), l.get("threshold").doubleValue(), text(l, "selector"));
      return new SliDefinition(
          text(n, "good_counter"),
          text(n, "bad_counter"),
          text(n, "total_counter"),
          text(n, "good_query"),
          text(n, "bad_query"),
          text(n, "total_query"),
          latency);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new SourceException(
          "slos.sli of SLO \"" + sloId + "\" is not a valid SLI definition: " + e.getMessage(), e);
    }
  }

  private static void put(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
