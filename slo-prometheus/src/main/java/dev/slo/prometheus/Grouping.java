package dev.slo.prometheus;

import dev.slo.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code group_by} labels of an SLO as PromQL sees them: the {@code by (...)} and {@code on
 * (...)} clauses that keep them through aggregations, a group's key (its label values in {@code
 * group_by} order, a missing label read as the empty value as Prometheus does), and a selector
 * narrowed to one group by equality matchers. Immutable.
 *
 * @param labels the label names in {@code group_by} order; empty for an ungrouped SLO
 */
record Grouping(List<String> labels) {
  /** No grouping. */
  static final Grouping NONE = new Grouping(List.of());

  /** Copies the list. */
  Grouping {
    labels = List.copyOf(labels);
  }

  boolean isEmpty() {
    return labels.isEmpty();
  }

  /** {@code route, tenant}. */
  String list() {
    return String.join(", ", labels);
  }

  /** {@code sum(expr)}, or {@code sum by (route) (expr)} when grouped. */
  String sum(String expr) {
    return isEmpty() ? "sum(" + expr + ")" : "sum by (" + list() + ") (" + expr + ")";
  }

  /** {@code on()}, or {@code on(route)} when grouped: the join of a per-group guard. */
  String on() {
    return "on(" + list() + ")";
  }

  /** A series' group key: its values of the labels, in order, missing ones empty. */
  List<String> key(Map<String, String> seriesLabels) {
    List<String> out = new ArrayList<>(labels.size());
    for (String l : labels) {
      out.add(seriesLabels.getOrDefault(l, ""));
    }
    return List.copyOf(out);
  }

  /**
   * {@code selector} narrowed to one group: {@code http_requests_total{code="500"}} and {@code
   * {route="/pay"}} give {@code http_requests_total{code="500",route="/pay"}}. An empty value
   * matches series without the label, as in Prometheus.
   *
   * @throws InvalidInputException naming the selector when it is not a plain series selector
   */
  static String narrow(String selector, Map<String, String> group) {
    if (group.isEmpty()) {
      return selector;
    }
    String s = selector.trim();
    if (Selector.parse(s) == null) {
      throw new InvalidInputException(
          "\""
              + selector
              + "\" is not a plain series selector (name{label=\"value\",...});"
              + " group_by needs one to select a group's series");
    }
    StringBuilder extra = new StringBuilder();
    for (Map.Entry<String, String> e : group.entrySet()) {
      if (extra.length() > 0) {
        extra.append(',');
      }
      extra.append(e.getKey()).append("=\"").append(escape(e.getValue())).append('"');
    }
    if (!s.endsWith("}")) {
      return s + "{" + extra + "}";
    }
    String inner = s.substring(s.indexOf('{') + 1, s.length() - 1).trim();
    String sep = inner.isEmpty() || inner.endsWith(",") ? "" : ",";
    return s.substring(0, s.length() - 1) + sep + extra + "}";
  }

  /** A label value as a PromQL double-quoted string's content. */
  static String escape(String value) {
    StringBuilder b = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
