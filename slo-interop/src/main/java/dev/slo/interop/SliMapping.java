package dev.slo.interop;

import dev.slo.core.model.SliDefinition;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Maps a peer format's Prometheus queries onto slo's SLI fields, exactly where the shapes match and
 * with a warning where they are approximated; non-Prometheus sources become "no source for type X"
 * warnings, never silent drops. Thread-safe; no state.
 */
final class SliMapping {
  private SliMapping() {}

  /** One query of a metric source; {@code at} locates it for messages. */
  record Metric(@Nullable String type, @Nullable String query, Fields at, @Nullable String key) {
    boolean isPrometheus() {
      return type == null || type.toLowerCase(Locale.ROOT).startsWith("prometheus");
    }
  }

  /** The mapped SLI: a definition, or a good-ratio {@code sli_query}, or neither. */
  record Sli(SliDefinition definition, String sliQuery) {
    static final Sli NONE = new Sli(SliDefinition.NONE, "");
  }

  /** Reports a source we cannot query and returns no SLI. */
  static Sli noSource(Metric m) {
    if ("File".equals(m.type())) {
      return Sli.NONE; // slo convert's own marker for file or database data: nothing to report
    }
    m.at()
        .warn(
            m.key(),
            "no source for type "
                + m.type()
                + ": slo queries Prometheus only, so this SLO is evaluated from file or"
                + " database data (the query is not kept)");
    return Sli.NONE;
  }

  /**
   * A good/bad over total ratio.
   *
   * @param counter true for counters, false for gauges, null when the format does not say
   * @param counts true when window queries return event counts (our own files written out)
   */
  static Sli ratio(
      @Nullable Boolean counter,
      @Nullable Metric good,
      @Nullable Metric bad,
      Metric total,
      boolean counts) {
    Metric part = Objects.requireNonNull(good != null ? good : bad, "good or bad");
    for (Metric m : new Metric[] {part, total}) {
      if (!m.isPrometheus()) {
        return noSource(m);
      }
      if (m.query() == null || m.query().isBlank()) {
        m.at().error(m.key(), "\"\" is not a valid query: it is blank");
        return Sli.NONE;
      }
    }
    String p = PromQl.toNative(Objects.requireNonNull(part.query(), "checked above").trim());
    String t = PromQl.toNative(Objects.requireNonNull(total.query(), "checked above").trim());
    boolean windowed = PromQl.hasWindow(p) && PromQl.hasWindow(t);
    if (windowed && counts) {
      return new Sli(
          new SliDefinition(
              null, null, null, good != null ? p : null, bad != null ? p : null, t, null),
          "");
    }
    if (windowed) {
      // rates or counts over the window: their ratio is what both mean
      return new Sli(SliDefinition.NONE, goodRatio(good != null, p, t));
    }
    if (!Boolean.FALSE.equals(counter) && PromQl.isSelector(p) && PromQl.isSelector(t)) {
      return new Sli(
          new SliDefinition(
              good != null ? p : null, bad != null ? p : null, t, null, null, null, null),
          "");
    }
    String pw;
    String tw;
    if (Boolean.FALSE.equals(counter)) {
      pw = PromQl.sumOverWindow(p);
      tw = PromQl.sumOverWindow(t);
      if (!PromQl.isSelector(p) || !PromQl.isSelector(t)) {
        total
            .at()
            .warn(total.key(), "approximated: gauge expressions are summed through a 1m subquery");
      }
    } else {
      pw = PromQl.increaseOverWindow(p);
      tw = PromQl.increaseOverWindow(t);
      total
          .at()
          .warn(
              total.key(),
              "approximated: counter expressions that are not plain selectors are read through a"
                  + " 1m subquery (increase((query)[window:1m]))");
    }
    return new Sli(SliDefinition.NONE, goodRatio(good != null, pw, tw));
  }

  /** A precomputed ratio of successes ({@code success}) or failures. */
  static Sli raw(Metric raw, boolean success) {
    if (!raw.isPrometheus()) {
      return noSource(raw);
    }
    String q = PromQl.toNative(raw.query() == null ? "" : raw.query().trim());
    if (q.isEmpty()) {
      raw.at().error(raw.key(), "\"\" is not a valid query: it is blank");
      return Sli.NONE;
    }
    String over = PromQl.hasWindow(q) ? q : PromQl.avgOverWindow(q);
    return new Sli(SliDefinition.NONE, success ? over : "1 - (" + over + ")");
  }

  /** A threshold metric: the share of minutes in the window where {@code query op value}. */
  static Sli threshold(Metric m, @Nullable String op, @Nullable String value) {
    if (!m.isPrometheus()) {
      return noSource(m);
    }
    String cmp =
        switch (op == null ? "" : op) {
          case "lte" -> "<=";
          case "gte" -> ">=";
          case "lt" -> "<";
          case "gt" -> ">";
          default -> null;
        };
    if (cmp == null || value == null) {
      return Sli.NONE; // the objective reader reports the missing op or value
    }
    m.at()
        .warn(
            m.key(),
            "approximated: a threshold metric is evaluated as the share of minutes where ("
                + Objects.requireNonNull(m.query(), "a Prometheus query").trim()
                + ") "
                + cmp
                + " "
                + value);
    String q =
        "avg_over_time((("
            + PromQl.toNative(m.query().trim())
            + ") "
            + cmp
            + " bool "
            + value
            + ")[{{window}}:1m])";
    return new Sli(SliDefinition.NONE, q);
  }

  private static String goodRatio(boolean good, String part, String total) {
    return good ? "(" + part + ") / (" + total + ")" : "1 - ((" + part + ") / (" + total + "))";
  }
}
