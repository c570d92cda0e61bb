package dev.slo.core.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A parsed spec value that remembers the line it started on. Immutable once built. */
sealed interface Node {
  int line();

  /** A mapping; keys in document order, each with the line of its key. */
  record MapNode(int line, Map<String, Node> entries, Map<String, Integer> keyLines)
      implements Node {
    public MapNode {
      entries = new LinkedHashMap<>(entries);
      keyLines = new LinkedHashMap<>(keyLines);
    }
  }

  /** A sequence. */
  record ListNode(int line, List<Node> items) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }
  }

  /**
   * A scalar: {@code value} is a String, Boolean, Long, BigInteger, Double, BigDecimal or null;
   * {@code text} is the source text.
   */
  record Scalar(int line, @Nullable Object value, String text) implements Node {}

  /** What a node is, for error messages. */
  static String kind(Node n) {
    if (n instanceof MapNode) {
      return "a mapping";
    }
    if (n instanceof ListNode) {
      return "a list";
    }
    Object v = ((Scalar) n).value();
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return "text";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }
}
