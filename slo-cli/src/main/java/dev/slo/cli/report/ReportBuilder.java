package dev.slo.cli.report;

import dev.slo.core.InvalidInputException;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates SLOs for a report: once at the report instant, exactly as {@code slo eval} does, and at
 * evenly spaced instants across the period for the charts. Stateless.
 */
public final class ReportBuilder {
  private static final Duration HOURLY_UP_TO = Duration.ofDays(7);
  private static final Duration SIX_HOURLY_UP_TO = Duration.ofDays(31);

  private final Evaluator evaluator;

  /** A builder without corrections. */
  public ReportBuilder() {
    this(dev.slo.core.correction.Corrections.NONE);
  }

  /** A builder whose figures leave out the events inside {@code corrections}. */
  public ReportBuilder(dev.slo.core.correction.Corrections corrections) {
    this.evaluator = new Evaluator(corrections);
  }

  /** A report of every SLO at one instant. */
  public Report atInstant(List<Slo> slos, EventSource source, Instant at, Instant now) {
    List<SloReport> out = new ArrayList<>();
    for (Slo slo : slos) {
      out.add(report(slo, source, at));
    }
    return new Report(now, at, null, sorted(out));
  }

  /**
   * A report of a closed calendar month or quarter: each SLO is evaluated at the instant the period
   * ends in the SLO's own time zone (UTC unless its spec says otherwise), rolling SLOs too.
   *
   * @throws InvalidInputException when the period has not ended at {@code now} in some SLO's zone
   */
  public Report forPeriod(List<Slo> slos, EventSource source, ReportPeriod period, Instant now) {
    for (Slo slo : slos) {
      requireEnded(period, slo.timeZone(), now);
    }
    List<SloReport> out = new ArrayList<>();
    for (Slo slo : slos) {
      out.add(report(slo, source, period.end(slo.timeZone())));
    }
    return new Report(now, null, period, sorted(out));
  }

  /** Refuses a period that has not ended at {@code now} in {@code zone}. */
  static void requireEnded(ReportPeriod period, ZoneId zone, Instant now) {
    Instant end = period.end(zone);
    if (end.isAfter(now)) {
      throw new InvalidInputException(
          "--period "
              + period.label()
              + ": the period has not ended yet (it ends at "
              + end.atZone(zone).toOffsetDateTime()
              + " in "
              + zone
              + "); report a closed month or quarter, or use --at");
    }
  }

  private SloReport report(Slo slo, EventSource source, Instant at) {
    Evaluation e = evaluator.evaluate(slo, source, at);
    List<SeriesPoint> series = new ArrayList<>();
    for (Instant t : samples(e.period(), at)) {
      series.add(
          t.equals(at) ? SeriesPoint.of(e) : SeriesPoint.of(evaluator.evaluate(slo, source, t)));
    }
    return new SloReport(e, series);
  }

  /**
   * The chart instants for a period: every step after its start and before {@code at}, then {@code
   * at} itself. The step is an hour for periods up to 7 days, 6 hours up to 31 days, a day beyond.
   */
  static List<Instant> samples(Window period, Instant at) {
    Duration step = step(period.length());
    List<Instant> out = new ArrayList<>();
    for (Instant t = period.start().plus(step); t.isBefore(at); t = t.plus(step)) {
      out.add(t);
    }
    out.add(at);
    return out;
  }

  static Duration step(Duration periodLength) {
    if (periodLength.compareTo(HOURLY_UP_TO) <= 0) {
      return Duration.ofHours(1);
    }
    return periodLength.compareTo(SIX_HOURLY_UP_TO) <= 0 ? Duration.ofHours(6) : Duration.ofDays(1);
  }

  private static List<SloReport> sorted(List<SloReport> reports) {
    return reports.stream()
        .sorted(
            Comparator.comparingDouble((SloReport r) -> r.evaluation().errorBudgetRemaining())
                .thenComparing(r -> r.evaluation().slo().sloId()))
        .toList();
  }
}
