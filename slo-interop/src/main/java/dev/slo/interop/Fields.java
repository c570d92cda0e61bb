package dev.slo.interop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of one YAML mapping at a path such as {@code spec.objectives[0]}, recording a
 * problem with file, line and path for every bad value. Not thread-safe.
 */
final class Fields {
  final String source;
  final String path;
  final YNode.YMap map;
  final Problems problems;

  Fields(String source, String path, YNode.YMap map, Problems problems) {
    this.source = source;
    this.path = path;
    this.map = map;
    this.problems = problems;
  }

  /** Fields of a document root; null (with a problem) when it is not a mapping. */
  static @Nullable Fields root(String source, YNode node, Problems problems) {
    if (node instanceof YNode.YMap m) {
      return new Fields(source, "", m, problems);
    }
    problems.error(source, node.line(), "", YNode.kind(node) + " at the top; expected a mapping");
    return null;
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  int line(String key) {
    return map.lineOf(key);
  }

  boolean has(String key) {
    return !absent(map.get(key));
  }

  /** Missing, null, or an empty value ({@code key:} followed only by a comment). */
  private static boolean absent(@Nullable YNode n) {
    return n == null
        || (n instanceof YNode.YScalar s && (s.value() == null || "".equals(s.value())));
  }

  void error(@Nullable String key, @Nullable String message) {
    problems.error(
        source,
        key == null ? map.line() : line(key),
        key == null ? path : path(key),
        Objects.requireNonNullElse(message, "is not valid"));
  }

  void warn(@Nullable String key, String message) {
    problems.warn(
        source, key == null ? map.line() : line(key), key == null ? path : path(key), message);
  }

  /** Reports every key not in {@code known} as an error. */
  void rejectUnknown(Set<String> known) {
    for (String k : map.entries().keySet()) {
      if (!known.contains(k)) {
        error(
            k,
            "\""
                + k
                + "\" is not a known field here; known fields: "
                + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  /** A text field (numbers and booleans are read as written), or null. */
  @Nullable String text(String key, boolean required) {
    YNode n = map.get(key);
    if (n == null || (n instanceof YNode.YScalar s && s.value() == null)) {
      if (required) {
        error(null, "\"" + key + "\" is missing at " + path(key));
      }
      return null;
    }
    if (n instanceof YNode.YScalar s) {
      return s.value() instanceof String str ? str : s.text();
    }
    error(key, YNode.kind(n) + " is not valid here; expected text");
    return null;
  }

  /** A number field (a quoted number is accepted), or null. */
  @Nullable BigDecimal number(String key, boolean required) {
    String t = text(key, required);
    if (t == null) {
      return null;
    }
    try {
      return new BigDecimal(t.trim());
    } catch (NumberFormatException e) {
      error(key, "\"" + t + "\" is not a number");
      return null;
    }
  }

  /** A boolean field, or {@code dflt}. */
  boolean bool(String key, boolean dflt) {
    YNode n = map.get(key);
    if (n == null || (n instanceof YNode.YScalar s && s.value() == null)) {
      return dflt;
    }
    if (n instanceof YNode.YScalar s && s.value() instanceof Boolean b) {
      return b;
    }
    if (n instanceof YNode.YScalar s && ("true".equals(s.text()) || "false".equals(s.text()))) {
      return Boolean.parseBoolean(s.text());
    }
    error(
        key,
        (n instanceof YNode.YScalar s ? "\"" + s.text() + "\"" : YNode.kind(n))
            + " is not valid here; expected true or false");
    return dflt;
  }

  /** A nested mapping's fields, or null. */
  @Nullable Fields map(String key, boolean required) {
    YNode n = map.get(key);
    if (n == null || absent(n)) {
      if (required) {
        error(null, "\"" + key + "\" is missing at " + path(key));
      }
      return null;
    }
    if (n instanceof YNode.YMap m) {
      return new Fields(source, path(key), m, problems);
    }
    error(key, YNode.kind(n) + " is not valid here; expected a mapping");
    return null;
  }

  /** A list field's items, empty when absent. */
  List<YNode> list(String key, boolean required) {
    YNode n = map.get(key);
    if (n == null || absent(n)) {
      if (required) {
        error(null, "\"" + key + "\" is missing at " + path(key));
      }
      return List.of();
    }
    if (n instanceof YNode.YList l) {
      return l.items();
    }
    error(key, YNode.kind(n) + " is not valid here; expected a list");
    return List.of();
  }

  /** The fields of item {@code i} of a list field, or null when it is not a mapping. */
  @Nullable Fields item(String key, int i, YNode item) {
    String p = path(key) + "[" + i + "]";
    if (item instanceof YNode.YMap m) {
      return new Fields(source, p, m, problems);
    }
    problems.error(
        source, item.line(), p, YNode.kind(item) + " is not valid here; expected a mapping");
    return null;
  }

  /** The fields of every mapping item of a list field. */
  List<Fields> items(String key, boolean required) {
    List<Fields> out = new ArrayList<>();
    List<YNode> items = list(key, required);
    for (int i = 0; i < items.size(); i++) {
      Fields f = item(key, i, items.get(i));
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  /** A mapping of text to text (labels, annotations), empty when absent. */
  java.util.Map<String, String> strings(String key) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    Fields m = map(key, false);
    if (m == null) {
      return out;
    }
    for (var e : m.map.entries().entrySet()) {
      if (e.getValue() instanceof YNode.YScalar s && s.value() != null) {
        out.put(e.getKey(), s.value() instanceof String str ? str : s.text());
      } else if (e.getValue() instanceof YNode.YList l) {
        List<String> vals = new ArrayList<>();
        l.items().forEach(i -> vals.add(i instanceof YNode.YScalar s ? s.text() : ""));
        out.put(e.getKey(), String.join(",", vals));
      }
    }
    return out;
  }
}
