package dev.slo.report;

/** Output formats of {@code slo report}. */
public enum ReportFormat {
  /** One self-contained page with inline CSS and SVG charts. */
  HTML,
  /** A GitHub-flavoured table and one line per SLO at risk. */
  MARKDOWN,
  /** The status objects of {@code slo eval --format json} plus the chart series. */
  JSON
}
