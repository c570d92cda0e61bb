package dev.slo.core.spec;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.ValidationException;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.StatusBasis;
import dev.slo.core.model.StatusThresholds;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one SLO mapping of a spec into an {@link Slo}: its fields, time period, grouping, status
 * thresholds and SLI, recording every problem with file, line and field. The per-SLO section of
 * {@link SpecParser}. Thread-safe; no state.
 */
final class SloReader {
  /** Every field an SLO may have. */
  private static final Set<String> SLO_FIELDS =
      Set.of(
          "slo_id",
          "slo_name",
          "service_name",
          "slo_type",
          "target_percentage",
          "time_period",
          "week_start",
          "sli_query",
          "description",
          "enabled",
          "time_zone",
          "budgeting_method",
          "timeslice_length",
          "timeslice_target_percentage",
          "no_data",
          "status_thresholds",
          "good_counter",
          "bad_counter",
          "total_counter",
          "good_query",
          "bad_query",
          "total_query",
          "latency",
          "min_events",
          "status_on",
          "alert_tiers",
          "composite",
          "group_by",
          "max_groups");

  private static final Set<String> THRESHOLD_FIELDS =
      Set.of("warning_budget_remaining", "critical_budget_remaining");
  private static final Set<String> LATENCY_FIELDS = Set.of("histogram", "threshold", "selector");

  private SloReader() {}

  /**
   * Reads the SLO at {@code path}, adding its problems to {@code problems}.
   *
   * @param corrections reads the SLO's own {@code corrections:} when given (a spec file); null
   *     rejects that field (an API request body)
   * @return the SLO, or null when it has a problem
   */
  static @Nullable Slo slo(
      String source,
      String path,
      Node node,
      List<SpecProblem> problems,
      @Nullable CorrectionReader corrections) {
    if (!(node instanceof Node.MapNode map)) {
      problems.add(
          new SpecProblem(source, node.line(), path, Node.kind(node) + " is not an SLO mapping"));
      return null;
    }
    int before = problems.size();
    FieldReader f = new FieldReader(source, path, map, problems);
    if (corrections == null) {
      f.rejectUnknown(SLO_FIELDS);
    } else {
      Set<String> known = new java.util.HashSet<>(SLO_FIELDS);
      known.add("corrections");
      f.rejectUnknown(known);
    }
    Slo.Builder b = Slo.builder();
    String id = f.text("slo_id", true);
    check(f, "slo_id", id, Slo::requireId);
    b.sloId(id);
    String name = f.text("slo_name", true);
    check(f, "slo_name", name, Slo::requireName);
    b.sloName(name);
    String service = f.text("service_name", true);
    check(f, "service_name", service, Slo::requireServiceName);
    b.serviceName(service);
    b.sloType(f.enumOrNull("slo_type", SloType.class, null));
    BigDecimal target = f.number("target_percentage", true);
    if (target != null) {
      check(f, "target_percentage", target.doubleValue(), Slo::requireTarget);
    }
    TimePeriod period = timePeriod(f, b);
    b.sliQuery(f.text("sli_query", false));
    b.description(f.text("description", false));
    b.enabled(f.bool("enabled", true));
    b.budgetingMethod(
        f.enumValue("budgeting_method", BudgetingMethod.class, BudgetingMethod.OCCURRENCES));
    b.noData(f.enumValue("no_data", NoDataPolicy.class, NoDataPolicy.IGNORE));
    String zone = f.text("time_zone", false);
    if (zone != null) {
      try {
        b.timeZone(ZoneId.of(zone.trim()));
      } catch (DateTimeException e) {
        f.problem(
            "time_zone",
            Printable.quote(zone)
                + " is not a valid time_zone; use an IANA name such as UTC,"
                + " Europe/Berlin or America/New_York");
      }
    }
    String slice = f.text("timeslice_length", false);
    if (slice != null) {
      try {
        b.timesliceLength(DurationText.parse(slice));
      } catch (IllegalArgumentException e) {
        f.problem("timeslice_length", e.getMessage());
      }
    }
    BigDecimal sliceTarget = f.number("timeslice_target_percentage", false);
    if (sliceTarget != null) {
      b.timesliceTargetPercentage(sliceTarget.doubleValue());
    }
    BigDecimal minEvents = f.number("min_events", false);
    if (minEvents != null) {
      if (minEvents.signum() < 0 || minEvents.stripTrailingZeros().scale() > 0) {
        f.problem("min_events", minEvents + " is not a valid min_events: use a whole number >= 0");
      } else {
        b.minEvents(minEvents.longValueExact());
      }
    }
    b.statusOn(f.enumValue("status_on", StatusBasis.class, StatusBasis.POINT));
    grouping(f, b);
    thresholds(f, b, source, path, problems);
    List<dev.slo.core.alert.AlertTier> tiers =
        AlertTierReader.read(f, source, period == null ? TimePeriod.ROLLING_30D : period, problems);
    if (tiers != null) {
      b.alertTiers(tiers);
    }
    sli(f, b, source, path, problems);
    CompositeSpec.read(f, b, source, problems);
    if (target != null) {
      b.targetPercentage(target.doubleValue());
    }
    @Nullable Slo slo = null;
    if (problems.size() == before) {
      try {
        slo = b.build();
      } catch (ValidationException e) {
        Node.MapNode c = f.mapping("composite");
        if (c != null && e.field().startsWith("composite")) {
          problems.add(
              new SpecProblem(
                  source,
                  CompositeSpec.line(c, e.field()),
                  f.path(e.field()),
                  String.valueOf(e.getMessage())));
        } else {
          f.problem(e.field(), e.getMessage());
        }
      }
    }
    if (corrections != null) {
      corrections.underSlo(f, slo == null ? null : slo.sloId());
    }
    return slo;
  }

  private static @Nullable TimePeriod timePeriod(FieldReader f, Slo.Builder b) {
    String text = f.text("time_period", true);
    String weekStart = f.text("week_start", false);
    if (text == null) {
      return null;
    }
    TimePeriod period;
    try {
      period = TimePeriod.valueOf(text);
    } catch (IllegalArgumentException e) {
      f.problem("time_period", e.getMessage());
      return null;
    }
    if (weekStart != null) {
      if (period.calendarUnit() != TimePeriod.CalendarUnit.WEEK) {
        f.problem(
            "week_start",
            "\""
                + weekStart
                + "\" is not valid here: week_start only applies to time_period CALENDAR_WEEK");
        return null;
      }
      try {
        period =
            TimePeriod.calendarWeek(
                java.time.DayOfWeek.valueOf(weekStart.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        f.problem(
            "week_start",
            dev.slo.core.Printable.quote(weekStart)
                + " is not a valid week_start; use a day name such as MONDAY");
        return null;
      }
    }
    b.timePeriod(period);
    return period;
  }

  private static void grouping(FieldReader f, Slo.Builder b) {
    List<String> groupBy = f.textList("group_by");
    if (groupBy != null) {
      try {
        b.groupBy(groupBy);
        dev.slo.core.model.GroupId.requireGroupByNames(groupBy);
      } catch (ValidationException e) {
        f.problem("group_by", e.getMessage());
      }
    }
    BigDecimal max = f.number("max_groups", false);
    if (max != null) {
      if (max.signum() <= 0
          || max.stripTrailingZeros().scale() > 0
          || max.compareTo(BigDecimal.valueOf(Slo.MAX_MAX_GROUPS)) > 0) {
        f.problem(
            "max_groups",
            max.toPlainString()
                + " is not a valid max_groups: use a whole number from 1 to "
                + Slo.MAX_MAX_GROUPS);
      } else {
        b.maxGroups(max.intValueExact());
      }
    }
  }

  private static void thresholds(
      FieldReader f, Slo.Builder b, String source, String path, List<SpecProblem> problems) {
    Node.MapNode m = f.mapping("status_thresholds");
    if (m == null) {
      return;
    }
    FieldReader t = new FieldReader(source, f.path("status_thresholds"), m, problems);
    t.rejectUnknown(THRESHOLD_FIELDS);
    BigDecimal warn = t.number("warning_budget_remaining", false);
    BigDecimal crit = t.number("critical_budget_remaining", false);
    try {
      b.thresholds(
          new StatusThresholds(
              warn == null ? StatusThresholds.DEFAULT.warningBelow() : warn.doubleValue(),
              crit == null ? StatusThresholds.DEFAULT.criticalBelow() : crit.doubleValue()));
    } catch (ValidationException e) {
      t.problem(e.field(), e.getMessage());
    }
  }

  private static void sli(
      FieldReader f, Slo.Builder b, String source, String path, List<SpecProblem> problems) {
    @Nullable LatencySli latency = null;
    Node.MapNode m = f.mapping("latency");
    if (m != null) {
      FieldReader l = new FieldReader(source, f.path("latency"), m, problems);
      l.rejectUnknown(LATENCY_FIELDS);
      String histogram = l.text("histogram", true);
      BigDecimal threshold = l.number("threshold", true);
      String selector = l.text("selector", false);
      if (histogram != null && threshold != null) {
        try {
          latency =
              new LatencySli(histogram, threshold.doubleValue(), selector == null ? "" : selector);
        } catch (ValidationException e) {
          l.problem(e.field().replace("latency.", ""), e.getMessage());
        }
      }
    }
    try {
      b.sli(
          new SliDefinition(
              f.text("good_counter", false),
              f.text("bad_counter", false),
              f.text("total_counter", false),
              f.text("good_query", false),
              f.text("bad_query", false),
              f.text("total_query", false),
              latency));
    } catch (ValidationException e) {
      f.problem(e.field(), e.getMessage());
    }
  }

  /** Runs one field's own check, recording its message as a problem of that field. */
  private static <T> void check(
      FieldReader f, String field, @Nullable T value, java.util.function.Consumer<T> rule) {
    if (value == null) {
      return;
    }
    try {
      rule.accept(value);
    } catch (IllegalArgumentException | InvalidInputException e) {
      f.problem(field, e.getMessage());
    }
  }
}
