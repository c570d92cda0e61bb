package dev.slo.report;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A whole report: when it was made, what it covers and one entry per SLO, lowest budget remaining
 * first. Immutable.
 *
 * @param generatedAt when the report was made
 * @param at the instant given by {@code --at} (or now), or null for a {@code --period} report
 * @param period the calendar month or quarter reported, or null
 * @param slos the SLOs, sorted by budget remaining, lowest first
 */
public record Report(
    Instant generatedAt,
    @Nullable Instant at,
    @Nullable ReportPeriod period,
    List<SloReport> slos) {
  /** Copies the list. */
  public Report {
    slos = List.copyOf(slos);
  }

  /** A builder: SLOs, source, an instant or a period, and the time of making. */
  public static ReportBuilder builder() {
    return new ReportBuilder();
  }

  /** The report as one self-contained HTML page, Markdown, or JSON. */
  public String render(ReportFormat format) {
    return switch (format) {
      case HTML -> HtmlReport.render(this);
      case MARKDOWN -> MarkdownReport.render(this);
      case JSON -> JsonReport.render(this);
    };
  }

  /** What the report covers, in words: {@code period 2026-10} or {@code at 2026-11-20T12:00Z}. */
  public String scope() {
    return period != null ? "period " + period.label() : "at " + at;
  }
}
