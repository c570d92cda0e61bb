package dev.slo.cli.report;

import java.time.Instant;
import java.util.List;

/**
 * A whole report: when it was made, what it covers and one entry per SLO, lowest budget remaining
 * first. Immutable.
 *
 * @param generatedAt when the report was made
 * @param at the instant given by {@code --at} (or now), or null for a {@code --period} report
 * @param period the calendar month or quarter reported, or null
 * @param slos the SLOs, sorted by budget remaining, lowest first
 */
public record Report(Instant generatedAt, Instant at, ReportPeriod period, List<SloReport> slos) {
  /** Copies the list. */
  public Report {
    slos = List.copyOf(slos);
  }

  /** What the report covers, in words: {@code period 2026-10} or {@code at 2026-11-20T12:00Z}. */
  public String scope() {
    return period != null ? "period " + period.label() : "at " + at;
  }
}
