package dev.slo.prometheus;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to ask Prometheus for one SLO, derived from its spec: counter selectors (good or bad, and
 * total), queries with a {@code {{window}}} placeholder, or the good-ratio {@code sli_query}.
 * Immutable.
 *
 * @param kind which of the three
 * @param good selector or query of good events, null when {@code bad} is given
 * @param bad selector or query of bad events, null when {@code good} is given
 * @param total selector or query of all events; for RATIO the ratio query
 */
record SliQueries(Kind kind, @Nullable String good, @Nullable String bad, String total) {
  /** How events are found. */
  enum Kind {
    /** Counter selectors: both modes. */
    COUNTERS,
    /** PromQL returning event counts over {@code {{window}}}: pushdown only. */
    QUERIES,
    /** The sli_query field, a good ratio over {@code {{window}}}: pushdown only, no counts. */
    RATIO
  }

  /**
   * The queries for an SLO, or an error naming the SLO when it has no Prometheus SLI.
   *
   * @param leMatcher for latency SLOs, the bucket matcher, e.g. {@code le="0.3"}
   */
  static SliQueries of(Slo slo, @Nullable String leMatcher) {
    SliDefinition d = slo.sli();
    if (d.latency() != null) {
      LatencySli l = d.latency();
      String inner =
          l.selector().isEmpty() ? "" : l.selector().substring(1, l.selector().length() - 1);
      String sep = inner.isBlank() ? "" : inner + ",";
      return new SliQueries(
          Kind.COUNTERS,
          l.histogram() + "_bucket{" + sep + Objects.requireNonNull(leMatcher, "le matcher") + "}",
          null,
          l.histogram() + "_count" + l.selector());
    }
    if (d.totalCounter() != null) {
      return new SliQueries(Kind.COUNTERS, d.goodCounter(), d.badCounter(), d.totalCounter());
    }
    if (d.totalQuery() != null) {
      return new SliQueries(Kind.QUERIES, d.goodQuery(), d.badQuery(), d.totalQuery());
    }
    if (!slo.sliQuery().isBlank()) {
      return new SliQueries(Kind.RATIO, null, null, slo.sliQuery());
    }
    throw new InvalidInputException(
        slo.sloId()
            + ": no Prometheus SLI; give good_counter or bad_counter with total_counter,"
            + " good_query or bad_query with total_query, latency, or sli_query");
  }

  /**
   * The counter selectors narrowed to one group ({@link Grouping#narrow}); queries are left as they
   * are, since PromQL cannot be narrowed in general (grouped pushdown picks the group's series).
   */
  SliQueries narrow(java.util.Map<String, String> group) {
    if (kind != Kind.COUNTERS || group.isEmpty()) {
      return this;
    }
    return new SliQueries(
        kind,
        good == null ? null : Grouping.narrow(good, group),
        bad == null ? null : Grouping.narrow(bad, group),
        Grouping.narrow(total, group));
  }

  /** Replaces {@code {{window}}} and Sloth's {@code {{.window}}} with a range. */
  static String withWindow(String query, String range) {
    return query.replace("{{window}}", range).replace("{{.window}}", range);
  }

  /** The good or the bad selector, whichever is set. */
  String part() {
    return Objects.requireNonNull(good != null ? good : bad, "good or bad");
  }

  /**
   * Refuses a good ratio outside [0, 1] that the SLO's {@code sli_query} gave at {@code at} from
   * the server at {@code base}; {@code detail} ends the message (empty, or e.g. the query).
   *
   * @throws dev.slo.core.SourceException naming the server, the SLO, the value and the instant
   */
  static void requireRatio(
      java.net.URI base, Slo slo, double ratio, java.time.Instant at, String detail) {
    if (ratio < 0 || ratio > 1) {
      throw new dev.slo.core.SourceException(
          base
              + ": "
              + slo.sloId()
              + ": sli_query gave "
              + ratio
              + " at "
              + at
              + "; it must be a good ratio between 0 and 1"
              + detail);
    }
  }
}
