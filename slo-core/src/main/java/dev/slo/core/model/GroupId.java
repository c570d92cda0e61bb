package dev.slo.core.model;

import dev.slo.core.Printable;
import dev.slo.core.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The id of one group of a grouped SLO: {@code <slo_id>{<label>="<value>",...}}, labels in the
 * SLO's {@code group_by} order, values escaped as in Prometheus' text exposition ({@code \\},
 * {@code \"}, {@code \n}). For example {@code checkout-availability{route="/pay"}}.
 *
 * @param baseId the grouped SLO's own slo_id
 * @param labels the group's label values, in {@code group_by} order; never empty
 */
public record GroupId(String baseId, Map<String, String> labels) {

  /** The pattern every label name in {@code group_by} matches (Prometheus' label names). */
  public static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /** The most labels an SLO may group by. */
  public static final int MAX_LABELS = 10;

  /** The longest group id, in characters. */
  public static final int MAX_LENGTH = 1000;

  /** Checks the parts; the labels are copied in their order. */
  public GroupId {
    Slo.requireId(baseId);
    if (labels == null || labels.isEmpty()) {
      throw ValidationException.required("group_labels");
    }
    if (labels.size() > MAX_LABELS) {
      throw new ValidationException(
          "group_labels", labels.keySet(), "use at most " + MAX_LABELS + " labels");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : labels.entrySet()) {
      requireLabelName("group_labels", e.getKey());
      if (e.getValue() == null) {
        throw ValidationException.required("group_labels." + e.getKey());
      }
      copy.put(e.getKey(), e.getValue());
    }
    labels = Collections.unmodifiableMap(copy);
    int length = text(baseId, labels).length();
    if (length > MAX_LENGTH) {
      throw new ValidationException(
          "group_labels",
          text(baseId, labels),
          "the group id is " + length + " characters; use at most " + MAX_LENGTH);
    }
  }

  /** The id text, e.g. {@code checkout{route="/pay"}}. */
  @Override
  public String toString() {
    return text(baseId, labels);
  }

  /** The label values in order. */
  public List<String> values() {
    return List.copyOf(labels.values());
  }

  /**
   * The id of {@code baseId}'s group {@code labels}.
   *
   * @throws ValidationException when a part is invalid
   */
  public static String format(String baseId, Map<String, String> labels) {
    return new GroupId(baseId, labels).toString();
  }

  /** True when {@code id} has the group form (contains a '{'); it may still be invalid. */
  public static boolean isGroupForm(String id) {
    return id != null && id.indexOf('{') >= 0;
  }

  /** The slo_id part of an id: the whole id when it is not a group id. */
  public static String baseOf(String id) {
    int brace = id.indexOf('{');
    return brace < 0 ? id : id.substring(0, brace);
  }

  /**
   * Parses a group id, the inverse of {@link #toString()}.
   *
   * @throws ValidationException (field {@code slo_id}) naming the bad id and the first problem
   */
  public static GroupId parse(String id) {
    if (id == null) {
      throw ValidationException.required("slo_id");
    }
    if (id.length() > MAX_LENGTH) {
      throw new ValidationException(
          "slo_id", id, "a group id has at most " + MAX_LENGTH + " characters");
    }
    int brace = id.indexOf('{');
    if (brace < 0 || !id.endsWith("}")) {
      throw bad(id, "expected <slo_id>{<label>=\"<value>\",...}");
    }
    String base = id.substring(0, brace);
    if (!Slo.ID_PATTERN.matcher(base).matches()) {
      throw bad(id, "the part before '{' is not a valid slo_id");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    int i = brace + 1;
    int end = id.length() - 1;
    while (i < end) {
      int eq = id.indexOf('=', i);
      if (eq < 0 || eq >= end) {
        throw bad(id, "expected label=\"value\" at character " + (i + 1));
      }
      String name = id.substring(i, eq);
      if (!LABEL_NAME.matcher(name).matches()) {
        throw bad(id, Printable.quote(name) + " is not a label name");
      }
      if (eq + 1 >= end || id.charAt(eq + 1) != '"') {
        throw bad(id, "the value of " + name + " does not start with '\"'");
      }
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      boolean closed = false;
      while (j < end) {
        char c = id.charAt(j);
        if (c == '\\') {
          if (j + 1 >= end) {
            throw bad(id, "a '\\' ends the value of " + name);
          }
          char n = id.charAt(j + 1);
          switch (n) {
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case 'n' -> value.append('\n');
            default -> throw bad(id, "'\\" + n + "' is not an escape; use \\\\, \\\" or \\n");
          }
          j += 2;
        } else if (c == '"') {
          closed = true;
          j++;
          break;
        } else {
          value.append(c);
          j++;
        }
      }
      if (!closed) {
        throw bad(id, "the value of " + name + " has no closing '\"'");
      }
      if (labels.put(name, value.toString()) != null) {
        throw bad(id, "label " + name + " appears twice");
      }
      if (j < end) {
        if (id.charAt(j) != ',') {
          throw bad(id, "expected ',' or '}' at character " + (j + 1));
        }
        j++;
        if (j == end) {
          throw bad(id, "a ',' ends the label list");
        }
      }
      i = j;
    }
    if (labels.isEmpty()) {
      throw bad(id, "the label list is empty");
    }
    try {
      return new GroupId(base, labels);
    } catch (ValidationException e) {
      throw bad(id, e.getMessage());
    }
  }

  /**
   * Checks one label name of {@code field}.
   *
   * @throws ValidationException leading with the bad name
   */
  public static void requireLabelName(String field, String name) {
    if (name == null) {
      throw ValidationException.required(field);
    }
    if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
      throw new ValidationException(
          field,
          name,
          "use a Prometheus label name: letters, digits and '_', not starting with a digit or"
              + " '__'");
    }
  }

  /**
   * Checks the labels of a {@code group_by}: Prometheus label names, no duplicates, at most {@value
   * #MAX_LABELS}.
   *
   * @throws ValidationException (field {@code group_by}) leading with the bad name
   */
  public static void requireGroupByNames(List<String> groupBy) {
    requireGroupBy(groupBy);
  }

  /** The checked, copied group_by of an SLO; empty when null or empty. */
  static List<String> requireGroupBy(List<String> groupBy) {
    if (groupBy == null || groupBy.isEmpty()) {
      return List.of();
    }
    if (groupBy.size() > GroupId.MAX_LABELS) {
      throw new ValidationException(
          "group_by", groupBy, "use at most " + GroupId.MAX_LABELS + " labels");
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String name : groupBy) {
      GroupId.requireLabelName("group_by", name);
      if (!seen.add(name)) {
        throw new ValidationException("group_by", name, "it is listed twice");
      }
    }
    return List.copyOf(groupBy);
  }

  /** The checked labels of one group whose id is {@code sloId}. */
  static Map<String, String> requireGroup(
      String sloId, List<String> groupBy, Map<String, String> labels) {
    if (!new java.util.ArrayList<>(labels.keySet()).equals(groupBy)) {
      throw new ValidationException(
          "group_labels",
          labels.keySet(),
          "give exactly the group_by labels " + groupBy + ", in order");
    }
    GroupId id = GroupId.parse(sloId);
    if (!id.labels().equals(labels) || !id.toString().equals(sloId)) {
      throw new ValidationException("slo_id", sloId, "it is not the id of group_labels " + labels);
    }
    return id.labels();
  }

  private static ValidationException bad(String id, String why) {
    return new ValidationException("slo_id", id, "not a group id: " + why);
  }

  private static String text(String baseId, Map<String, String> labels) {
    StringBuilder b = new StringBuilder(baseId).append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      b.append(e.getKey()).append("=\"");
      String v = e.getValue();
      for (int k = 0; k < v.length(); k++) {
        char c = v.charAt(k);
        switch (c) {
          case '\\' -> b.append("\\\\");
          case '"' -> b.append("\\\"");
          case '\n' -> b.append("\\n");
          default -> b.append(c);
        }
      }
      b.append('"');
    }
    return b.append('}').toString();
  }
}
