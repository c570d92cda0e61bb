package dev.slo.interop;

import java.util.regex.Pattern;

/** Small facts about PromQL text that the readers and writers need. Thread-safe; no state. */
final class PromQl {
  private static final Pattern SELECTOR =
      Pattern.compile("\\s*[a-zA-Z_:][a-zA-Z0-9_:]*\\s*(\\{[^{}]*\\})?\\s*");

  private PromQl() {}

  /** True for a plain vector selector such as {@code http_requests_total{code="500"}}. */
  static boolean isSelector(String q) {
    return q != null && SELECTOR.matcher(q).matches();
  }

  /** True when the query has a {@code {{window}}} or Sloth's {@code {{.window}}} placeholder. */
  static boolean hasWindow(String q) {
    return q != null && (q.contains("{{window}}") || q.contains("{{.window}}"));
  }

  /** Sloth's placeholder spelling. */
  static String toSloth(String q) {
    return q.replace("{{window}}", "{{.window}}");
  }

  /** Our placeholder spelling. */
  static String toNative(String q) {
    return q.replace("{{.window}}", "{{window}}");
  }

  /** Average of an instant expression over the window. */
  static String avgOverWindow(String q) {
    return isSelector(q)
        ? "avg_over_time(" + q.trim() + "[{{window}}])"
        : "avg_over_time((" + q.trim() + ")[{{window}}:1m])";
  }

  /** Sum of an instant expression (a gauge of events) over the window. */
  static String sumOverWindow(String q) {
    return isSelector(q)
        ? "sum(sum_over_time(" + q.trim() + "[{{window}}]))"
        : "sum(sum_over_time((" + q.trim() + ")[{{window}}:1m]))";
  }

  /** Increase of a counter expression over the window. */
  static String increaseOverWindow(String q) {
    return isSelector(q)
        ? "sum(increase(" + q.trim() + "[{{window}}]))"
        : "sum(increase((" + q.trim() + ")[{{window}}:1m]))";
  }
}
