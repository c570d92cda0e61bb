package dev.slo.cli.serve;

import dev.slo.core.model.LatencySli;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Builds the PromQL of a burn-rate alert: {@code (error ratio over W) > threshold × (1 - target)},
 * joined with {@code and} for the short window. The error ratio comes from the SLO's SLI fields:
 * counters ({@code 1 - sum(rate(good[W])) / sum(rate(total[W]))} or {@code sum(rate(bad[W])) /
 * sum(rate(total[W]))}), queries ({@code {{window}}} replaced by W), a latency histogram ({@code 1
 * - bucket/count}), or an {@code sli_query} holding {@code {{window}}} ({@code 1 - (sli_query)},
 * the query being the good ratio). Otherwise it names the recording rule {@code
 * slo:sli_error:ratio_rate<W>{slo_id="..."}}, which the user defines. Thread-safe; no state.
 */
final class AlertExpression {
  private AlertExpression() {}

  /** The alerting expression for {@code slo}. */
  static String of(Slo slo, double threshold, Duration window, Duration shortWindow) {
    BigDecimal limit =
        BigDecimal.valueOf(threshold).multiply(slo.errorBudgetRatio()).stripTrailingZeros();
    String expr = "(" + errorRatio(slo, window) + ") > " + limit.toPlainString();
    if (shortWindow != null) {
      expr += " and (" + errorRatio(slo, shortWindow) + ") > " + limit.toPlainString();
    }
    return expr;
  }

  /** The error ratio over {@code window}. */
  static String errorRatio(Slo slo, Duration window) {
    String w = DurationText.format(window);
    SliDefinition d = slo.sli();
    if (d.totalCounter() != null) {
      String total = "sum(rate(" + d.totalCounter() + "[" + w + "]))";
      return d.badCounter() != null
          ? "sum(rate(" + d.badCounter() + "[" + w + "])) / " + total
          : "1 - sum(rate(" + d.goodCounter() + "[" + w + "])) / " + total;
    }
    if (d.totalQuery() != null) {
      String total = "(" + d.totalQuery().replace("{{window}}", w) + ")";
      return d.badQuery() != null
          ? "(" + d.badQuery().replace("{{window}}", w) + ") / " + total
          : "1 - (" + d.goodQuery().replace("{{window}}", w) + ") / " + total;
    }
    if (d.latency() != null) {
      LatencySli l = d.latency();
      String sel =
          l.selector().isEmpty() ? "" : l.selector().substring(1, l.selector().length() - 1);
      String le =
          "le=\"" + BigDecimal.valueOf(l.threshold()).stripTrailingZeros().toPlainString() + "\"";
      String bucketSel = "{" + (sel.isBlank() ? le : sel + "," + le) + "}";
      String countSel = sel.isBlank() ? "" : "{" + sel + "}";
      return "1 - sum(rate("
          + l.histogram()
          + "_bucket"
          + bucketSel
          + "["
          + w
          + "])) / sum(rate("
          + l.histogram()
          + "_count"
          + countSel
          + "["
          + w
          + "]))";
    }
    if (slo.sliQuery().contains("{{window}}")) {
      return "1 - (" + slo.sliQuery().replace("{{window}}", w) + ")";
    }
    return "slo:sli_error:ratio_rate" + w + "{slo_id=\"" + slo.sloId() + "\"}";
  }
}
