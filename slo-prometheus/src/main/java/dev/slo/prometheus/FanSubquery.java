package dev.slo.prometheus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Many {@link InstantSubquery}s of one window whose selectors differ only in the value of one
 * equality matcher (SLOs {@code http_requests_total{service="a"}}, {@code {service="b"}}, ...),
 * asked as one {@code sum by (label) (increase(name{..., label=~"a|b|..."}[w]))}: Prometheus
 * selects and reads the series once per request instead of once per SLO, which costs it a fraction
 * of the CPU (measured in benchmarks/README.md). The series of each value answer that value's
 * subquery exactly as its own query would have: the same series, summed by the same labels.
 * Immutable.
 *
 * @param label the label whose values tell the members apart
 * @param selector the merged selector, with {@code label=~"v1|v2|..."}
 * @param lengthMs the window's length
 * @param endMs the window's end
 * @param byLabel the members' own grouping label (their parts), or null
 * @param members the subqueries, by their value of {@code label}
 */
record FanSubquery(
    String label,
    String selector,
    long lengthMs,
    long endMs,
    @Nullable String byLabel,
    Map<String, InstantSubquery> members)
    implements Subquery {

  /** Values of one merged matcher are kept under this many characters of regex. */
  static final int MAX_REGEX_CHARS = 6_000;

  @Override
  public String query(long atMs) {
    String by = byLabel == null ? label : label + ", " + byLabel;
    return "sum by ("
        + by
        + ") ("
        + InstantSubquery.increase(selector, lengthMs, atMs - endMs)
        + ")";
  }

  @Override
  public long cost() {
    return lengthMs * members.size();
  }

  @Override
  public int termCount() {
    int n = 0;
    for (InstantSubquery m : members.values()) {
      n += m.termCount();
    }
    return n;
  }

  @Override
  public boolean oneSeries() {
    return false;
  }

  /** Hands each member the series of its value; a member without series gets none. */
  @Override
  public void answer(
      List<QueryResult.Series> series,
      TermCache cache,
      ToDoubleFunction<QueryResult.Series> value) {
    Map<String, List<QueryResult.Series>> byValue = new HashMap<>();
    for (QueryResult.Series s : series) {
      byValue.computeIfAbsent(s.labels().getOrDefault(label, ""), k -> new ArrayList<>()).add(s);
    }
    members.forEach((v, m) -> m.answer(byValue.getOrDefault(v, List.of()), cache, value));
  }

  /**
   * Merges the subqueries that can share a request's selector; the others are returned as they
   * were.
   */
  static List<Subquery> merge(List<InstantSubquery> subs) {
    List<Subquery> out = new ArrayList<>();
    List<InstantSubquery> alone = new ArrayList<>();
    for (Group<InstantSubquery> g :
        plan(
            subs,
            q -> q.base().selector(),
            q -> List.of(q.base().lengthMs(), q.base().endMs(), String.valueOf(q.byLabel())),
            InstantSubquery::byLabel,
            alone)) {
      InstantSubquery first = g.members().values().iterator().next();
      out.add(
          new FanSubquery(
              g.label(),
              g.selector(),
              first.base().lengthMs(),
              first.base().endMs(),
              first.byLabel(),
              g.members()));
    }
    out.addAll(alone);
    return out;
  }

  /**
   * Items of one metric whose selectors differ only in one equality matcher's value, with the
   * selector that reads them all.
   *
   * @param label the matcher's label
   * @param selector the merged selector, {@code name{others..., label=~"v1|v2|..."}}
   * @param members the items by their value of {@code label}, in value order
   */
  record Group<T>(String label, String selector, Map<String, T> members) {}

  /**
   * Groups {@code items} (of at least two each, and regexes under {@link #MAX_REGEX_CHARS}); items
   * in no group are added to {@code alone}. Each item joins its largest candidate group.
   *
   * @param selectorOf an item's selector
   * @param sameKey what else must be equal for items to share a request (their window)
   * @param keepLabel a label an item's matcher on which must stay its own (its grouping label)
   */
  static <T> List<Group<T>> plan(
      List<T> items,
      Function<T, String> selectorOf,
      Function<T, List<Object>> sameKey,
      Function<T, @Nullable String> keepLabel,
      List<T> alone) {
    Map<List<Object>, Integer> sizes = new HashMap<>();
    List<List<List<Object>>> keysOf = new ArrayList<>(items.size());
    List<List<String>> valuesOf = new ArrayList<>(items.size());
    for (T item : items) {
      Selector s = Selector.parse(selectorOf.apply(item));
      List<List<Object>> keys = new ArrayList<>();
      List<String> values = new ArrayList<>();
      if (s != null) {
        for (Selector.Matcher m : s.matchers()) {
          if (!fannable(m, keepLabel.apply(item))) {
            continue;
          }
          List<String> others = new ArrayList<>();
          for (Selector.Matcher o : s.matchers()) {
            if (o != m) {
              others.add(text(o));
            }
          }
          others.sort(null);
          List<Object> key = List.of(sameKey.apply(item), s.name(), m.label(), others);
          keys.add(key);
          values.add(m.value());
          sizes.merge(key, 1, Integer::sum);
        }
      }
      keysOf.add(keys);
      valuesOf.add(values);
    }
    Map<List<Object>, Map<String, T>> chosen = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      List<Object> best = null;
      String v = "";
      List<List<Object>> keys = keysOf.get(i);
      for (int k = 0; k < keys.size(); k++) {
        if (best == null || sizes.getOrDefault(keys.get(k), 0) > sizes.getOrDefault(best, 0)) {
          best = keys.get(k);
          v = valuesOf.get(i).get(k);
        }
      }
      if (best == null || sizes.getOrDefault(best, 0) < 2) {
        alone.add(items.get(i));
        continue;
      }
      Map<String, T> group = chosen.computeIfAbsent(best, k -> new TreeMap<>());
      if (group.putIfAbsent(v, items.get(i)) != null) {
        alone.add(items.get(i)); // the same selector written another way
      }
    }
    List<Group<T>> out = new ArrayList<>();
    for (Map.Entry<List<Object>, Map<String, T>> e : chosen.entrySet()) {
      Map<String, T> chunk = new TreeMap<>();
      int chars = 0;
      for (Map.Entry<String, T> m : e.getValue().entrySet()) {
        int len = regex(m.getKey()).length() + 1;
        if (!chunk.isEmpty() && chars + len > MAX_REGEX_CHARS) {
          close(e.getKey(), chunk, out, alone);
          chunk = new TreeMap<>();
          chars = 0;
        }
        chunk.put(m.getKey(), m.getValue());
        chars += len;
      }
      close(e.getKey(), chunk, out, alone);
    }
    return out;
  }

  private static <T> void close(
      List<Object> key, Map<String, T> chunk, List<Group<T>> out, List<T> alone) {
    if (chunk.size() < 2) {
      alone.addAll(chunk.values());
      return;
    }
    String label = (String) key.get(2);
    StringBuilder alternatives = new StringBuilder();
    for (String v : chunk.keySet()) {
      if (!v.equals(chunk.keySet().iterator().next())) {
        alternatives.append('|'); // not by length: the first value may be empty
      }
      alternatives.append(regex(v));
    }
    @SuppressWarnings("unchecked")
    List<String> matchers = new ArrayList<>((List<String>) key.get(3));
    matchers.add(label + "=~" + quoted(alternatives.toString()));
    out.add(
        new Group<>(
            label,
            key.get(1) + "{" + String.join(",", matchers) + "}",
            Collections.unmodifiableMap(chunk)));
  }

  private static boolean fannable(Selector.Matcher m, @Nullable String byLabel) {
    return m.op().equals("=")
        && !m.label().equals("__name__")
        && !m.label().equals(CounterPushdown.TERM_LABEL)
        && !m.label().equals(byLabel);
  }

  /** A matcher written back as PromQL. */
  static String text(Selector.Matcher m) {
    return m.label() + m.op() + quoted(m.value());
  }

  /** {@code s} as a double-quoted PromQL string. */
  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A regular expression (RE2, anchored by Prometheus) matching exactly {@code value}. */
  static String regex(String value) {
    StringBuilder b = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
