package dev.slo.micrometer;

import io.micrometer.core.instrument.Meter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Selects Micrometer meters by name and tags, written like a Prometheus selector with the
 * Micrometer name: {@code http.server.requests{status!~"5..",uri="/checkout"}}. Operators: {@code
 * =}, {@code !=}, {@code =~} and {@code !~} (regular expressions match the whole value); a tag the
 * meter lacks has the value "". Immutable.
 *
 * @param name the meter name, e.g. {@code http.server.requests}
 * @param matchers the tag matchers, all of which must hold
 */
public record MeterSelector(String name, List<TagMatcher> matchers) {
  private static final Pattern SELECTOR =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.:-]*)\\s*(?:\\{(.*)\\})?\\s*");
  private static final Pattern MATCHER =
      Pattern.compile(
          "\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");

  /** Validates the name and copies the matchers. */
  public MeterSelector {
    Objects.requireNonNull(name, "name");
    matchers = List.copyOf(matchers);
  }

  /**
   * Parses {@code name} or {@code name{key op "value", ...}}.
   *
   * @throws IllegalArgumentException naming the text when it is not a selector
   */
  public static MeterSelector parse(String text) {
    Matcher m = text == null ? null : SELECTOR.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a valid meter selector: write name{tag=\"value\",...}");
    }
    List<TagMatcher> out = new ArrayList<>();
    String body = m.group(2);
    if (body != null && !body.isBlank()) {
      Matcher t = MATCHER.matcher(body);
      int pos = 0;
      while (pos < body.length() && t.find(pos) && t.start() == pos) {
        String value = t.group(3).replaceAll("\\\\(.)", "$1");
        out.add(new TagMatcher(t.group(1), Op.of(t.group(2)), value));
        pos = t.end();
      }
      if (pos < body.length()) {
        throw new IllegalArgumentException(
            "\""
                + text
                + "\" is not a valid meter selector: cannot read the tag matchers from \""
                + body.substring(pos)
                + "\"");
      }
    }
    return new MeterSelector(m.group(1), out);
  }

  /** True when the meter has this name and every matcher holds. */
  public boolean matches(Meter.Id id) {
    if (!id.getName().equals(name)) {
      return false;
    }
    for (TagMatcher t : matchers) {
      String v = id.getTag(t.key());
      if (!t.matches(v == null ? "" : v)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    if (matchers.isEmpty()) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name).append('{');
    for (int i = 0; i < matchers.size(); i++) {
      TagMatcher t = matchers.get(i);
      sb.append(i == 0 ? "" : ",").append(t.key()).append(t.op().text).append('"');
      sb.append(t.value().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append('}').toString();
  }

  /** A tag comparison. */
  public enum Op {
    EQ("="),
    NE("!="),
    RE("=~"),
    NRE("!~");

    private final String text;

    Op(String text) {
      this.text = text;
    }

    static Op of(String text) {
      for (Op o : values()) {
        if (o.text.equals(text)) {
          return o;
        }
      }
      throw new IllegalArgumentException(text + " is not a tag operator: use = != =~ !~");
    }
  }

  /**
   * One tag matcher. Immutable.
   *
   * @param key the tag key
   * @param op the comparison
   * @param value the value or, for {@code =~} and {@code !~}, a regular expression
   */
  public record TagMatcher(String key, Op op, String value) {
    /** Validates a key, an operator, and a value that compiles when it is a regex. */
    public TagMatcher {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(value, "value");
      if (op == Op.RE || op == Op.NRE) {
        try {
          Pattern.compile(value);
        } catch (java.util.regex.PatternSyntaxException e) {
          throw new IllegalArgumentException(
              "\"" + value + "\" is not a valid regular expression for tag " + key, e);
        }
      }
    }

    /** True when a tag value (or "" when absent) satisfies this matcher. */
    public boolean matches(String v) {
      return switch (op) {
        case EQ -> v.equals(value);
        case NE -> !v.equals(value);
        case RE -> v.matches(value);
        case NRE -> !v.matches(value);
      };
    }
  }
}
