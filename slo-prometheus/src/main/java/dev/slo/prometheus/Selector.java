package dev.slo.prometheus;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed series selector, {@code name{label op "value", ...}}, enough to see that one selector is
 * another plus one equality matcher, so that both can be read by one {@code sum by (label)}.
 * Parsing is conservative: anything unusual gives null and the selectors are queried apart.
 *
 * @param name the metric name, or empty when given by a {@code __name__} matcher
 * @param matchers the label matchers in order
 */
record Selector(String name, List<Matcher> matchers) {
  /**
   * One label matcher.
   *
   * @param label the label name
   * @param op {@code =}, {@code !=}, {@code =~} or {@code !~}
   * @param value the value, unescaped
   */
  record Matcher(String label, String op, String value) {}

  /**
   * The name and matchers in a fixed order, {@code without} one of them (by identity, or none): two
   * selectors with equal keys match the same series, and a selector refining another by one matcher
   * has, without it, the other's key.
   */
  String key(@Nullable Matcher without) {
    List<String> texts = new ArrayList<>(matchers.size());
    for (Matcher m : matchers) {
      if (m != without) {
        texts.add(FanSubquery.text(m));
      }
    }
    texts.sort(null);
    return name + texts;
  }

  /** The label {@code part} adds to {@code total} by one equality matcher, or null. */
  static @Nullable Matcher refinement(Selector total, Selector part) {
    if (total == null || part == null || !total.name.equals(part.name)) {
      return null;
    }
    if (part.matchers.size() != total.matchers.size() + 1) {
      return null;
    }
    List<Matcher> rest = new ArrayList<>(part.matchers);
    for (Matcher m : total.matchers) {
      if (!rest.remove(m)) {
        return null;
      }
    }
    Matcher extra = rest.get(0);
    if (!extra.op.equals("=") || extra.value.isEmpty() || extra.label.equals("__name__")) {
      return null;
    }
    for (Matcher m : total.matchers) {
      if (m.label.equals(extra.label)) {
        return null;
      }
    }
    return extra;
  }

  /** Parses {@code text}, or returns null when it is not a plain selector. */
  static @Nullable Selector parse(String text) {
    String s = text.trim();
    int i = 0;
    while (i < s.length() && nameChar(s.charAt(i), i == 0, true)) {
      i++;
    }
    String name = s.substring(0, i);
    if (i == s.length()) {
      return name.isEmpty() ? null : new Selector(name, List.of());
    }
    if (s.charAt(i) != '{' || s.charAt(s.length() - 1) != '}') {
      return null;
    }
    List<Matcher> ms = new ArrayList<>();
    int p = i + 1;
    int end = s.length() - 1;
    while (true) {
      p = skipSpaces(s, p, end);
      if (p == end) {
        break;
      }
      int q = p;
      while (q < end && nameChar(s.charAt(q), q == p, false)) {
        q++;
      }
      if (q == p) {
        return null;
      }
      String label = s.substring(p, q);
      q = skipSpaces(s, q, end);
      String op;
      if (s.startsWith("=~", q) || s.startsWith("!=", q) || s.startsWith("!~", q)) {
        op = s.substring(q, q + 2);
      } else if (s.startsWith("=", q)) {
        op = "=";
      } else {
        return null;
      }
      q = skipSpaces(s, q + op.length(), end);
      if (q >= end || s.charAt(q) != '"') {
        return null;
      }
      StringBuilder v = new StringBuilder();
      q++;
      while (q < end && s.charAt(q) != '"') {
        char c = s.charAt(q);
        if (c == '\\') {
          if (q + 1 >= end) {
            return null;
          }
          char e = s.charAt(q + 1);
          if (e != '"' && e != '\\') {
            return null;
          }
          v.append(e);
          q += 2;
        } else {
          v.append(c);
          q++;
        }
      }
      if (q >= end) {
        return null;
      }
      ms.add(new Matcher(label, op, v.toString()));
      p = skipSpaces(s, q + 1, end);
      if (p < end && s.charAt(p) == ',') {
        p++;
      } else if (p != end) {
        return null;
      }
    }
    if (name.isEmpty() && ms.stream().noneMatch(m -> m.label.equals("__name__"))) {
      return null;
    }
    return new Selector(name, List.copyOf(ms));
  }

  private static int skipSpaces(String s, int p, int end) {
    while (p < end && Character.isWhitespace(s.charAt(p))) {
      p++;
    }
    return p;
  }

  private static boolean nameChar(char c, boolean first, boolean metric) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (metric && c == ':')
        || (!first && c >= '0' && c <= '9');
  }
}
