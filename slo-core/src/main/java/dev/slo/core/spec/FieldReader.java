package dev.slo.core.spec;

import dev.slo.core.Printable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads typed fields of one spec mapping, recording a {@link SpecProblem} for each bad one instead
 * of stopping at the first. Not thread-safe; one per mapping.
 */
final class FieldReader {
  private final String source;
  private final String path;
  private final Node.MapNode map;
  private final List<SpecProblem> problems;

  FieldReader(String source, String path, Node.MapNode map, List<SpecProblem> problems) {
    this.source = source;
    this.path = path;
    this.map = map;
    this.problems = problems;
  }

  /** Records a problem for every key not in {@code known}. */
  void rejectUnknown(Set<String> known) {
    for (String key : map.entries().keySet()) {
      if (!known.contains(key)) {
        problem(
            key,
            Printable.quote(key)
                + " is not a known field; known fields: "
                + known.stream().sorted().collect(Collectors.joining(", ")));
      }
    }
  }

  boolean has(String key) {
    Node n = map.entries().get(key);
    return n != null && !(n instanceof Node.Scalar s && s.value() == null);
  }

  int line(String key) {
    Integer l = map.keyLines().get(key);
    return l == null ? map.line() : l;
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void problem(@Nullable String key, @Nullable String message) {
    problems.add(
        new SpecProblem(
            source,
            key == null ? map.line() : line(key),
            key == null ? path : path(key),
            message == null ? "is not valid" : message));
  }

  /** The field's node, or null when absent or null (recording a problem when it is required). */
  @Nullable Node present(String key, boolean required) {
    Node n = map.entries().get(key);
    if (n == null || (n instanceof Node.Scalar s && s.value() == null)) {
      if (required) {
        problem(key, key + " is required");
      }
      return null;
    }
    return n;
  }

  /**
   * A text field, or null when absent. Numbers and YAML 1.1 booleans ({@code off}, {@code yes}) are
   * taken as the text written, so {@code slo_id: off} means "off".
   */
  @Nullable String text(String key, boolean required) {
    Node n = present(key, required);
    if (n == null) {
      return null;
    }
    if (n instanceof Node.Scalar s) {
      String value = s.value() instanceof String str ? str : s.text();
      int max = SpecLimits.maxChars(key);
      if (value.length() > max) {
        problem(
            key,
            Printable.quote(value)
                + " is too long: "
                + value.length()
                + " characters; "
                + key
                + " may hold at most "
                + max
                + " (see docs/limits.md)");
        return null;
      }
      return value;
    }
    problem(key, Node.kind(n) + " is not valid here; expected text");
    return null;
  }

  /** A number field, or null when absent or bad. */
  @Nullable BigDecimal number(String key, boolean required) {
    Node n = present(key, required);
    if (n == null) {
      return null;
    }
    if (n instanceof Node.Scalar s) {
      Object v = s.value();
      if (v instanceof BigDecimal d) {
        return d;
      }
      if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
        return new BigDecimal(v.toString());
      }
      if (v instanceof Double d && Double.isFinite(d)) {
        return BigDecimal.valueOf(d);
      }
      if (v instanceof String str) {
        try {
          return new BigDecimal(str.trim());
        } catch (NumberFormatException e) {
          problem(key, Printable.quote(str) + " is not a number");
          return null;
        }
      }
    }
    problem(key, Node.kind(n) + " is not valid here; expected a number");
    return null;
  }

  /** A boolean field, or {@code dflt} when absent. */
  boolean bool(String key, boolean dflt) {
    Node n = map.entries().get(key);
    if (n == null || (n instanceof Node.Scalar s && s.value() == null)) {
      return dflt;
    }
    if (n instanceof Node.Scalar s && s.value() instanceof Boolean b) {
      return b;
    }
    problem(key, describe(n) + " is not valid here; expected true or false");
    return dflt;
  }

  /** An enum field matched case-insensitively, or {@code dflt} when absent. */
  <E extends Enum<E>> E enumValue(String key, Class<E> type, E dflt) {
    E v = enumOrNull(key, type, dflt);
    return v == null ? dflt : v;
  }

  /** An enum field matched case-insensitively, or {@code dflt} (null: required) when absent. */
  <E extends Enum<E>> @Nullable E enumOrNull(String key, Class<E> type, @Nullable E dflt) {
    String v = text(key, dflt == null);
    if (v == null) {
      return dflt;
    }
    String wanted = v.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(wanted)) {
        return e;
      }
    }
    problem(
        key,
        Printable.quote(v)
            + " is not a valid "
            + key
            + "; valid values: "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", ")));
    return dflt;
  }

  /**
   * A list of texts, or null when absent or bad; a single text is taken as a list of one. Records a
   * problem for an empty list.
   */
  @Nullable List<String> textList(String key) {
    Node n = present(key, false);
    if (n == null) {
      return null;
    }
    if (n instanceof Node.Scalar) {
      String one = text(key, false);
      return one == null ? null : List.of(one);
    }
    if (!(n instanceof Node.ListNode l) || l.items().isEmpty()) {
      problem(key, Node.kind(n) + " is not valid here; expected a non-empty list of texts");
      return null;
    }
    List<String> out = new java.util.ArrayList<>();
    for (Node item : l.items()) {
      if (!(item instanceof Node.Scalar s) || s.value() == null) {
        problem(key, Node.kind(item) + " is not valid in this list; expected text");
        return null;
      }
      out.add(s.value() instanceof String str ? str : s.text());
    }
    return out;
  }

  /** The node of a field, or null when absent or null. */
  @Nullable Node node(String key) {
    return present(key, false);
  }

  /** A nested mapping, or null when absent or not a mapping. */
  Node.@Nullable MapNode mapping(String key) {
    Node n = map.entries().get(key);
    if (n == null || (n instanceof Node.Scalar s && s.value() == null)) {
      return null;
    }
    if (n instanceof Node.MapNode m) {
      return m;
    }
    problem(key, Node.kind(n) + " is not valid here; expected a mapping");
    return null;
  }

  private static String describe(Node n) {
    return n instanceof Node.Scalar s && s.value() != null
        ? Printable.quote(s.text())
        : Node.kind(n);
  }
}
