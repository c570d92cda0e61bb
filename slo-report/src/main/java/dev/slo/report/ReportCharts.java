package dev.slo.report;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.model.StatusThresholds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The two charts of each SLO in the HTML report: budget burn-down and SLI over time. */
final class ReportCharts {
  private ReportCharts() {}

  /** Budget remaining from the period start to {@code to}, with the status thresholds. */
  static String burnDown(SloReport s, Instant to) {
    Evaluation e = s.evaluation();
    List<SvgChart.Point> points = new ArrayList<>();
    double lo = 0;
    for (SeriesPoint p : s.series()) {
      points.add(new SvgChart.Point(p.at(), p.errorBudgetRemaining() * 100));
      lo = Math.min(lo, p.errorBudgetRemaining() * 100);
    }
    StatusThresholds th = e.slo().thresholds();
    List<SvgChart.Guide> guides =
        List.of(
            new SvgChart.Guide(th.warningBelow() * 100, "warning", "warning"),
            new SvgChart.Guide(th.criticalBelow() * 100, "critical", "critical"),
            new SvgChart.Guide(0, "exhausted", "zero"));
    return new SvgChart(
            "Error budget remaining (%) of " + e.slo().sloName(),
            e.period().start(),
            to,
            e.slo().timeZone(),
            points,
            guides,
            v -> String.format(Locale.ROOT, "%.0f%%", v),
            "budget",
            CorrectionFigures.shaded(e, to))
        .render(lo, 100);
  }

  /** The SLI from the period start to {@code to}, with the target. */
  static String sli(SloReport s, Instant to) {
    Evaluation e = s.evaluation();
    double target = e.targetSliPercent();
    double lo = target;
    List<SvgChart.Point> points = new ArrayList<>();
    for (SeriesPoint p : s.series()) {
      points.add(new SvgChart.Point(p.at(), p.sliPercent()));
      if (p.sliPercent() != null) {
        lo = Math.min(lo, p.sliPercent());
      }
    }
    lo -= (100 - lo) * 0.1;
    double span = 100 - lo;
    int decimals = Math.max(0, Math.min(4, (int) Math.ceil(-Math.log10(span / 4))));
    String fmt = "%." + decimals + "f%%";
    return new SvgChart(
            "SLI (%) of " + e.slo().sloName(),
            e.period().start(),
            to,
            e.slo().timeZone(),
            points,
            List.of(new SvgChart.Guide(target, "target " + Figures.target(e), "target")),
            v -> String.format(Locale.ROOT, fmt, v),
            "sli",
            CorrectionFigures.shaded(e, to))
        .render(lo, 100);
  }
}
