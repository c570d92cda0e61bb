package dev.slo.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A YAML value that remembers its line. Immutable once built. */
sealed interface YNode {
  int line();

  /** A mapping, keys in document order with the line of each key. */
  record YMap(int line, Map<String, YNode> entries, Map<String, Integer> keyLines)
      implements YNode {
    public YMap {
      entries = new LinkedHashMap<>(entries);
      keyLines = new LinkedHashMap<>(keyLines);
    }

    @Nullable YNode get(String key) {
      return entries.get(key);
    }

    int lineOf(String key) {
      return keyLines.getOrDefault(key, line);
    }
  }

  /** A sequence. */
  record YList(int line, List<YNode> items) implements YNode {
    public YList {
      items = List.copyOf(items);
    }
  }

  /** A scalar: String, Boolean, a Number, or null; {@code text} as written. */
  record YScalar(int line, @Nullable Object value, String text) implements YNode {}

  /** What a node is, for messages. */
  static String kind(YNode n) {
    if (n instanceof YMap) {
      return "a mapping";
    }
    if (n instanceof YList) {
      return "a list";
    }
    Object v = ((YScalar) n).value();
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return "text";
    }
    return v instanceof Boolean ? "a boolean" : "a number";
  }
}
