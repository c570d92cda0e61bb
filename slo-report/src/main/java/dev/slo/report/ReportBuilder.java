package dev.slo.report;

import dev.slo.core.ValidationException;
import dev.slo.core.composite.CompositeEvaluator;
import dev.slo.core.correction.Corrections;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.group.Groups;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Report}: evaluates each SLO once at the report instant, exactly as {@code slo
 * eval} does, and at evenly spaced instants across its period for the charts. Give either an
 * instant ({@link #at}) or a closed calendar period ({@link #period}); a period report evaluates
 * each SLO at the instant the period ends in the SLO's own time zone.
 *
 * <pre>{@code
 * Report r = Report.builder().slos(slos).source(source).period(ReportPeriod.parse("2026-10"))
 *     .generatedAt(clock.instant()).build();
 * String html = r.render(ReportFormat.HTML);
 * }</pre>
 *
 * Not thread-safe; {@link #build} validates and may be called again.
 */
public final class ReportBuilder {
  private static final Duration HOURLY_UP_TO = Duration.ofDays(7);
  private static final Duration SIX_HOURLY_UP_TO = Duration.ofDays(31);

  private Evaluator evaluator = new Evaluator();
  private Corrections corrections = Corrections.NONE;
  private List<Slo> slos = List.of();
  private @Nullable List<Slo> catalog;
  private @Nullable EventSource source;
  private @Nullable Instant at;
  private @Nullable ReportPeriod period;
  private @Nullable Instant generatedAt;
  private List<String> warnings = List.of();

  ReportBuilder() {}

  /** The SLOs to report; each appears once, lowest budget remaining first. */
  public ReportBuilder slos(List<Slo> slos) {
    this.slos = List.copyOf(slos);
    return this;
  }

  /**
   * The SLOs in which composite components are looked up (docs/math.md, "Composite SLOs"), such as
   * every SLO of the spec; default: the SLOs reported.
   */
  public ReportBuilder catalog(List<Slo> all) {
    this.catalog = List.copyOf(all);
    return this;
  }

  /** Corrections whose events every figure leaves out; none by default. */
  public ReportBuilder corrections(Corrections corrections) {
    this.evaluator = new Evaluator(Objects.requireNonNull(corrections, "corrections"));
    this.corrections = corrections;
    return this;
  }

  /** Where events are read from. Required. */
  public ReportBuilder source(EventSource source) {
    this.source = Objects.requireNonNull(source, "source");
    return this;
  }

  /** Report every SLO at this instant. Excludes {@link #period}. */
  public ReportBuilder at(Instant at) {
    this.at = Objects.requireNonNull(at, "at");
    return this;
  }

  /** Report a closed calendar month or quarter. Excludes {@link #at}. */
  public ReportBuilder period(ReportPeriod period) {
    this.period = Objects.requireNonNull(period, "period");
    return this;
  }

  /**
   * As {@link #period}, refused at once (before any data is read) unless the period has ended at
   * the time of making ({@link #generatedAt}, set before) in the zone of every SLO set so far.
   *
   * @throws ValidationException for {@code period}, naming it and when it ends in the zone where it
   *     ends last ({@link ReportPeriod#requireEnded(java.util.Collection, Instant)})
   */
  public ReportBuilder endedPeriod(ReportPeriod period) {
    Instant now = Objects.requireNonNull(generatedAt, "generatedAt is set before endedPeriod");
    return period(period.requireEnded(slos.stream().map(Slo::timeZone).toList(), now));
  }

  /** When the report is made; a period must have ended by then in every SLO's zone. Required. */
  public ReportBuilder generatedAt(Instant now) {
    this.generatedAt = Objects.requireNonNull(now, "generatedAt");
    return this;
  }

  /**
   * Evaluates and returns the report.
   *
   * @throws ValidationException when the source, the time of making, or exactly one of instant and
   *     period is missing
   * @throws dev.slo.core.InvalidInputException when the period has not ended at the time of making
   *     in some SLO's zone
   * @throws dev.slo.core.SourceException when the source cannot be read
   */
  public Report build() {
    if (source == null) {
      throw ValidationException.required("source");
    }
    if (generatedAt == null) {
      throw ValidationException.required("generated_at");
    }
    if ((at == null) == (period == null)) {
      throw new ValidationException(
          "period", period, "give either an instant or a period to report, not both");
    }
    if (period != null) {
      for (Slo slo : slos) { // before reading the data, which may be large
        period.requireEnded(slo.timeZone(), generatedAt);
      }
    }
    Map<String, Slo> byId = new LinkedHashMap<>();
    (catalog != null ? catalog : slos).forEach(s -> byId.putIfAbsent(s.sloId(), s));
    slos.forEach(s -> byId.putIfAbsent(s.sloId(), s));
    List<String> notes = new ArrayList<>();
    List<List<Slo>> unitSlos = new ArrayList<>();
    List<Instant> unitWhen = new ArrayList<>();
    for (Slo slo : slos) {
      Instant when = at != null ? at : period.end(slo.timeZone());
      // a grouped SLO is reported as its groups, kept together under it
      Groups.Expansion groups = Groups.expandAt(slo, Objects.requireNonNull(source), when);
      String warning = groups.warning();
      if (warning != null) {
        notes.add(warning);
      }
      unitSlos.add(groups.slos());
      unitWhen.add(when);
    }
    List<List<SloReport>> units = reports(unitSlos, unitWhen, byId);
    warnings = List.copyOf(notes);
    units.sort(
        Comparator.comparingDouble(
                (List<SloReport> u) -> u.get(0).evaluation().errorBudgetRemaining())
            .thenComparing(u -> u.get(0).evaluation().slo().sloId()));
    List<SloReport> out = new ArrayList<>();
    units.forEach(out::addAll);
    return new Report(generatedAt, at, period, out);
  }

  /**
   * The max_groups warnings of the last {@link #build}: one per grouped SLO whose groups were
   * capped (docs/spec.md, "Grouping").
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Every SLO's report, evaluated instant by instant rather than SLO by SLO: all SLOs at the
   * report's instant, then all SLOs at each chart instant in time order. The results are the same;
   * a source that reads a whole fleet at once per instant (Prometheus) then reads it once per
   * instant, not once per SLO and instant.
   */
  private List<List<SloReport>> reports(
      List<List<Slo>> unitSlos, List<Instant> unitWhen, Map<String, Slo> byId) {
    EventSource src = Objects.requireNonNull(source, "source");
    CompositeEvaluator composites = new CompositeEvaluator(evaluator, corrections);
    List<List<Evaluation>> main = new ArrayList<>();
    java.util.TreeMap<Instant, List<int[]>> chart = new java.util.TreeMap<>();
    java.util.TreeMap<Instant, List<Integer>> byWhen = new java.util.TreeMap<>();
    for (int u = 0; u < unitSlos.size(); u++) {
      byWhen.computeIfAbsent(unitWhen.get(u), k -> new ArrayList<>()).add(u);
      main.add(new ArrayList<>(java.util.Collections.nCopies(unitSlos.get(u).size(), null)));
    }
    for (Map.Entry<Instant, List<Integer>> e : byWhen.entrySet()) {
      for (int u : e.getValue()) {
        List<Slo> gs = unitSlos.get(u);
        for (int g = 0; g < gs.size(); g++) {
          Evaluation ev = composites.evaluate(gs.get(g), byId, src, e.getKey());
          main.get(u).set(g, ev);
          for (Instant t : samples(ev.period(), e.getKey())) {
            if (!t.equals(e.getKey())) {
              chart.computeIfAbsent(t, k -> new ArrayList<>()).add(new int[] {u, g});
            }
          }
        }
      }
    }
    Map<List<Integer>, Map<Instant, SeriesPoint>> points = new java.util.HashMap<>();
    for (Map.Entry<Instant, List<int[]>> e : chart.entrySet()) {
      for (int[] ug : e.getValue()) {
        Slo slo = unitSlos.get(ug[0]).get(ug[1]);
        points
            .computeIfAbsent(List.of(ug[0], ug[1]), k -> new java.util.HashMap<>())
            .put(e.getKey(), SeriesPoint.of(composites.evaluate(slo, byId, src, e.getKey())));
      }
    }
    List<List<SloReport>> units = new ArrayList<>();
    for (int u = 0; u < unitSlos.size(); u++) {
      List<SloReport> unit = new ArrayList<>();
      for (int g = 0; g < unitSlos.get(u).size(); g++) {
        Evaluation ev = Objects.requireNonNull(main.get(u).get(g));
        Instant when = unitWhen.get(u);
        Map<Instant, SeriesPoint> mine = points.getOrDefault(List.of(u, g), Map.of());
        List<SeriesPoint> series = new ArrayList<>();
        for (Instant t : samples(ev.period(), when)) {
          series.add(t.equals(when) ? SeriesPoint.of(ev) : Objects.requireNonNull(mine.get(t)));
        }
        unit.add(new SloReport(ev, series));
      }
      units.add(sorted(unit));
    }
    return units;
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
