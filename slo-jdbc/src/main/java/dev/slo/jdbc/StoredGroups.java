package dev.slo.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slo.core.SourceException;
import dev.slo.core.ValidationException;
import dev.slo.core.model.GroupId;
import dev.slo.core.model.Slo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The groups of grouped SLOs in the store (docs/spec.md, "Grouping"; migration 9): a group's rows
 * are kept under its group id as slo_id, with its labels in {@code sli_metrics_ts.labels}.
 * Discovery reads the labels of raw rows (the group id of rows written without labels, such as
 * {@code slo serve}'s history) and, where raw rows have been rolled up, the group ids of the
 * rollups. Stateless and thread-safe.
 */
final class StoredGroups {
  private static final ObjectMapper JSON = new ObjectMapper();

  // left(): the base id may hold '_', a LIKE wildcard
  private static final String SEEN =
      "SELECT DISTINCT labels::text AS l, CASE WHEN labels IS NULL THEN slo_id END AS id"
          + " FROM sli_metrics_ts WHERE left(slo_id, :n) = :prefix AND total_events > 0"
          + " AND \"timestamp\" > :from AND \"timestamp\" <= :to"
          + " UNION SELECT DISTINCT NULL, slo_id FROM sli_rollup_hour"
          + " WHERE left(slo_id, :n) = :prefix AND total_events > 0"
          + " AND bucket >= :from AND bucket < :to"
          + " UNION SELECT DISTINCT NULL, slo_id FROM sli_rollup_day"
          + " WHERE left(slo_id, :n) = :prefix AND total_events > 0"
          + " AND bucket >= :from AND bucket < :to";

  private StoredGroups() {}

  /** The label sets of {@code template}'s groups with events in {@code (from, to]}. */
  static Set<Map<String, String>> groups(Db db, Slo template, Instant from, Instant to) {
    if (template.groupBy().isEmpty()) {
      return Set.of();
    }
    String prefix = template.baseId() + "{";
    List<String[]> rows =
        db.call(
            "listing the groups of SLO " + template.baseId(),
            h ->
                h.createQuery(SEEN)
                    .bind("n", prefix.length())
                    .bind("prefix", prefix)
                    .bind("from", JdbcSloRepository.utc(from.truncatedTo(ChronoUnit.MICROS)))
                    .bind("to", JdbcSloRepository.utc(to.truncatedTo(ChronoUnit.MICROS)))
                    .map((rs, ctx) -> new String[] {rs.getString("l"), rs.getString("id")})
                    .list());
    Set<Map<String, String>> out = new HashSet<>();
    for (String[] r : rows) {
      Map<String, String> labels = r[0] != null ? labels(r[0]) : parsed(r[1]);
      if (labels != null) {
        Map<String, String> g = new LinkedHashMap<>();
        template.groupBy().forEach(name -> g.put(name, labels.getOrDefault(name, "")));
        out.add(g);
      }
    }
    return out;
  }

  /**
   * Sets {@code labels} on the raw rows stored under a group id without them (rows just ingested),
   * from the id; returns how many group ids it labelled.
   */
  static int fillLabels(Db db) {
    return db.transaction(
        "labelling grouped SLI rows",
        h -> {
          List<String> ids =
              h.createQuery(
                      "SELECT DISTINCT slo_id FROM sli_metrics_ts"
                          + " WHERE labels IS NULL AND strpos(slo_id, '{') > 0")
                  .mapTo(String.class)
                  .list();
          int n = 0;
          for (String id : ids) {
            Map<String, String> labels = parsed(id);
            if (labels == null) {
              continue;
            }
            ObjectNode o = JSON.createObjectNode();
            labels.forEach(o::put);
            h.createUpdate(
                    "UPDATE sli_metrics_ts SET labels = CAST(:l AS jsonb)"
                        + " WHERE slo_id = :id AND labels IS NULL")
                .bind("l", o.toString())
                .bind("id", id)
                .execute();
            n++;
          }
          return n;
        });
  }

  private static Map<String, String> parsed(String id) {
    try {
      return GroupId.parse(id).labels();
    } catch (ValidationException e) {
      return null; // not a group id written by this code: not a group
    }
  }

  private static Map<String, String> labels(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      Map<String, String> out = new LinkedHashMap<>();
      n.fieldNames().forEachRemaining(k -> out.put(k, n.get(k).asText()));
      return out;
    } catch (JsonProcessingException e) {
      throw new SourceException("sli_metrics_ts.labels is not valid JSON: " + e.getMessage(), e);
    }
  }
}
