package dev.slo.prometheus;

import static dev.slo.prometheus.RuleText.plain;
import static dev.slo.prometheus.RuleText.quote;

import dev.slo.core.model.Slo;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The PromQL of error ratios that the rule files record and alert on: event-based ratios over a
 * window (bad increase over total increase), per group for a grouped SLO, a composite's weighted
 * combination of its components' recorded ratios, and a stored alert rule's ratio for one window.
 * Thread-safe; no state.
 */
final class ErrorRatios {
  private ErrorRatios() {}

  /**
   * The SLO's queries as the rule files write them; a latency SLI matches its threshold's bucket
   * however the client library prints the bound.
   */
  static SliQueries of(Slo slo) {
    return SliQueries.of(slo, latencyLe(slo));
  }

  /** Event-based error ratio over a window: bad increase over total increase. */
  static String errorRatio(SliQueries q, Duration w) {
    return errorRatio(q, w, Grouping.NONE);
  }

  /**
   * The error ratio per group: every sum keeps the {@code group_by} labels ({@code sum by
   * (route)}), and a group without bad (or good) series counts zero of them, so a route that never
   * failed records 0 rather than nothing.
   */
  static String errorRatio(SliQueries q, Duration w, Grouping g) {
    if (g.isEmpty()) {
      return ungroupedErrorRatio(q, w);
    }
    String range = PrometheusSource.range(w);
    return switch (q.kind()) {
      case RATIO -> "1 - " + g.sum(SliQueries.withWindow(q.total(), range));
      case QUERIES -> {
        String total = g.sum(SliQueries.withWindow(q.total(), range));
        String part =
            g.sum(
                SliQueries.withWindow(
                    Objects.requireNonNull(q.bad() != null ? q.bad() : q.good(), "good or bad"),
                    range));
        String ratio = "(" + part + " or 0 * " + total + ") / " + total;
        yield q.bad() != null ? ratio : "1 - (" + ratio + ")";
      }
      case COUNTERS -> {
        String total = g.sum("increase(" + q.total() + "[" + range + "])");
        String part =
            g.sum("increase(" + (q.bad() != null ? q.bad() : q.good()) + "[" + range + "])");
        String ratio = "(" + part + " or 0 * " + total + ") / " + total;
        yield q.bad() != null ? ratio : "1 - (" + ratio + ")";
      }
    };
  }

  private static String ungroupedErrorRatio(SliQueries q, Duration w) {
    String range = PrometheusSource.range(w);
    return switch (q.kind()) {
      case RATIO -> "1 - (" + SliQueries.withWindow(q.total(), range) + ")";
      case QUERIES -> {
        String total = SliQueries.withWindow(q.total(), range);
        yield q.bad() != null
            ? "(" + SliQueries.withWindow(q.bad(), range) + ") / (" + total + ")"
            : "1 - ((" + SliQueries.withWindow(q.part(), range) + ") / (" + total + "))";
      }
      case COUNTERS -> {
        // a service whose bad (or good) selector has no series yet counts zero of them, so it
        // records 0 rather than nothing (an absent ratio would drop it from a composite's weights)
        String total = "sum(increase(" + q.total() + "[" + range + "]))";
        String part =
            "(sum(increase("
                + (q.bad() != null ? q.bad() : q.good())
                + "["
                + range
                + "])) or 0 * "
                + total
                + ")";
        yield q.bad() != null ? part + " / " + total : "1 - (" + part + " / " + total + ")";
      }
    };
  }

  /**
   * A composite's error ratio over the window of {@code metric} (docs/math.md, "Composite SLOs"),
   * from its components' recorded error ratios: {@code (1 - target) × B}, where B is the weighted
   * mean of the components' burn rates over the components with events in the window. A component
   * without events records NaN (0 / 0), which {@code >= 0} drops from both sums, so it leaves the
   * weights; without any component the result is empty and no alert fires.
   */
  static String compositeErrorRatio(Slo slo, Map<String, Slo> byId, String metric) {
    List<String> burns = new ArrayList<>();
    List<String> weights = new ArrayList<>();
    for (var c : Objects.requireNonNull(slo.composite(), "a composite SLO").components()) {
      Slo part = byId.get(c.sloId());
      if (part == null) {
        throw new IllegalArgumentException(
            c.sloId() + " is not a known SLO: composite " + slo.sloId() + " needs its rules");
      }
      String present = "(" + metric + "{slo_id=" + quote(c.sloId()) + "} >= 0)";
      burns.add(
          present + " / " + plain(part.errorBudgetRatio()) + " * " + c.weight().toPlainString());
      weights.add(present + " * 0 + " + c.weight().toPlainString());
    }
    return plain(slo.errorBudgetRatio())
        + " * sum("
        + String.join(" or ", burns)
        + ") / sum("
        + String.join(" or ", weights)
        + ")";
  }

  /**
   * The error ratio over one window of a stored alert rule ({@link RuleGenerator#burnRateAlert}):
   * computed from the SLI (narrowed to the group's labels for one group of a counter SLI); for an
   * SLO without a Prometheus SLI, or one group of a query SLI, the group's series of the recording
   * rule {@code slo:sli_error:ratio_rate<W>}.
   */
  static String ofWindow(Slo slo, Duration w) {
    if (!RuleGenerator.hasPrometheusSli(slo) || (slo.isGroup() && !counters(slo))) {
      // one group of a grouped SLO: its series of the grouped recording rule
      StringBuilder sel = new StringBuilder("{slo_id=" + quote(slo.baseId()));
      slo.groupLabels()
          .forEach(
              (k, v) ->
                  sel.append(", ").append(k).append("=\"").append(Grouping.escape(v)).append('"'));
      return RuleGenerator.ERROR_RATIO_PREFIX + DurationText.format(w) + sel + "}";
    }
    SliQueries q = of(slo).narrow(slo.groupLabels());
    // on a grouped SLO as written, one series per group: the alert fires per group
    return errorRatio(q, w, slo.isGroupTemplate() ? new Grouping(slo.groupBy()) : Grouping.NONE);
  }

  private static boolean counters(Slo slo) {
    return slo.sli().latency() != null || slo.sli().totalCounter() != null;
  }

  private static @Nullable String latencyLe(Slo slo) {
    if (slo.sli().latency() == null) {
      return null;
    }
    // Client libraries print bucket bounds differently (Go "1", Java and Python "1.0"): match both.
    double t = slo.sli().latency().threshold();
    String java = BigDecimal.valueOf(t).toPlainString();
    String go = BigDecimal.valueOf(t).stripTrailingZeros().toPlainString();
    String withZero = go.contains(".") ? go : go + ".0";
    return "le=~\""
        + (go.equals(withZero) ? esc(go) : esc(go) + "|" + esc(withZero))
        + (java.equals(go) || java.equals(withZero) ? "" : "|" + esc(java))
        + "\"";
  }

  private static String esc(String number) {
    return number.replace(".", "\\\\.");
  }
}
