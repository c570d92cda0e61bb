package dev.slo.core.model;

import dev.slo.core.ValidationException;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * A Service Level Objective: the {@code SLO} fields of docs/openapi.json plus time zone, budgeting
 * method, no-data policy, status thresholds and an optional metrics-server SLI definition.
 * Immutable and validated at construction; every message leads with the bad value.
 *
 * @param sloId identifier matching {@code [a-z0-9][a-z0-9_.-]{0,99}}
 * @param sloName human name, at most 200 characters
 * @param serviceName owning service, at most 100 characters
 * @param sloType what is measured
 * @param targetPercentage objective in percent, strictly between 0 and 100 (e.g. 99.9)
 * @param timePeriod the compliance period
 * @param sliQuery free text for file data; PromQL good ratio for a Prometheus source; may be empty
 * @param description free text; may be empty
 * @param enabled disabled SLOs are skipped everywhere
 * @param timeZone the zone calendar periods start in; default UTC
 * @param budgetingMethod occurrences (default) or timeslices
 * @param timesliceLength slice length for timeslices, null for occurrences
 * @param timesliceTargetPercentage a slice is good when its SLI is at least this; null for
 *     occurrences
 * @param noData what a period without events means
 * @param thresholds budget-remaining fractions for WARNING and CRITICAL
 * @param sli where a metrics server finds the events; {@link SliDefinition#NONE} for file data
 * @param minEvents an alert tier whose long window holds fewer events does not fire; 0 (the
 *     default) turns the guard off
 * @param statusOn whether status and alert tiers follow the observed SLI or its upper bound
 * @param alertTiers the SLO's own burn-rate alert tiers (e.g. from OpenSLO alert conditions); empty
 *     for the default multi-window tiers scaled to the period ({@link
 *     dev.slo.core.alert.AlertPolicy})
 * @param composite the components when this SLO is a composite of others (docs/math.md), else null;
 *     a composite has no SLI of its own and uses budgeting_method OCCURRENCES
 * @param groupBy the labels this SLO is evaluated per value set of (issue 12); empty when not
 *     grouped. Prometheus label names, no duplicates, at most {@value GroupId#MAX_LABELS}
 * @param maxGroups the most groups evaluated (default {@value #DEFAULT_MAX_GROUPS}); past it the
 *     first ones in label order are kept, with a warning ({@link dev.slo.core.group.Groups})
 * @param groupLabels the label values of one group, in {@code groupBy} order; empty for an
 *     ungrouped SLO and for the grouped template. When set, {@code sloId} is the group id ({@link
 *     GroupId}), e.g. {@code checkout{route="/pay"}}
 */
public record Slo(
    String sloId,
    String sloName,
    String serviceName,
    SloType sloType,
    double targetPercentage,
    TimePeriod timePeriod,
    String sliQuery,
    String description,
    boolean enabled,
    ZoneId timeZone,
    BudgetingMethod budgetingMethod,
    Duration timesliceLength,
    Double timesliceTargetPercentage,
    NoDataPolicy noData,
    StatusThresholds thresholds,
    SliDefinition sli,
    long minEvents,
    StatusBasis statusOn,
    java.util.List<dev.slo.core.alert.AlertTier> alertTiers,
    Composite composite,
    java.util.List<String> groupBy,
    int maxGroups,
    java.util.Map<String, String> groupLabels) {

  /** The pattern every slo_id matches. */
  public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");

  /** The default {@code max_groups}. */
  public static final int DEFAULT_MAX_GROUPS = 1000;

  /** The largest {@code max_groups}. */
  public static final int MAX_MAX_GROUPS = 100_000;

  /** Validates every field; see the parameter docs for the rules. */
  public Slo {
    groupBy = GroupId.requireGroupBy(groupBy);
    groupLabels = groupLabels == null ? java.util.Map.of() : groupLabels;
    if (groupLabels.isEmpty()) {
      requireId(sloId);
    } else {
      groupLabels = GroupId.requireGroup(sloId, groupBy, groupLabels);
    }
    if (maxGroups < 1 || maxGroups > MAX_MAX_GROUPS) {
      throw new ValidationException(
          "max_groups", maxGroups, "use a whole number from 1 to " + MAX_MAX_GROUPS);
    }
    if (composite != null && !groupBy.isEmpty()) {
      throw new ValidationException(
          "group_by",
          groupBy,
          "group_by is not supported on a composite SLO; group its components");
    }
    requireName(sloName);
    requireServiceName(serviceName);
    if (sloType == null) {
      throw ValidationException.required("slo_type");
    }
    if (timePeriod == null) {
      throw ValidationException.required("time_period");
    }
    if (Double.isNaN(targetPercentage)) {
      throw ValidationException.required("target_percentage");
    }
    requireTarget(targetPercentage);
    sliQuery = sliQuery == null ? "" : sliQuery;
    description = description == null ? "" : description;
    timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    budgetingMethod = budgetingMethod == null ? BudgetingMethod.OCCURRENCES : budgetingMethod;
    noData = noData == null ? NoDataPolicy.IGNORE : noData;
    thresholds = thresholds == null ? StatusThresholds.DEFAULT : thresholds;
    sli = sli == null ? SliDefinition.NONE : sli;
    statusOn = statusOn == null ? StatusBasis.POINT : statusOn;
    if (composite != null) {
      composite.requireFits(sloId, budgetingMethod, sli);
    }
    if (minEvents < 0) {
      throw new ValidationException("min_events", minEvents, "use 0 (off) or more");
    }
    alertTiers = alertTiers == null ? java.util.List.of() : java.util.List.copyOf(alertTiers);
    java.util.Set<String> tierNames = new java.util.HashSet<>();
    for (dev.slo.core.alert.AlertTier t : alertTiers) {
      if (!tierNames.add(t.name())) {
        throw new ValidationException("alert_tiers", t.name(), "it is a duplicate tier name");
      }
    }
    if (budgetingMethod.isSliced()) {
      String method = budgetingMethod.name();
      if (timesliceLength == null) {
        throw ValidationException.withMessage(
            "timeslice_length",
            null,
            "timeslice_length is missing: budgeting_method " + method + " needs it (e.g. 5m)");
      }
      if (timesliceLength.isNegative() || timesliceLength.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new ValidationException(
            "timeslice_length", DurationText.format(timesliceLength), "use at least 1s");
      }
      if (!timePeriod.isCalendar() && timesliceLength.compareTo(timePeriod.rollingLength()) > 0) {
        throw new ValidationException(
            "timeslice_length",
            DurationText.format(timesliceLength),
            "it is longer than the period");
      }
      if (budgetingMethod == BudgetingMethod.TIMESLICES) {
        if (timesliceTargetPercentage == null) {
          throw ValidationException.withMessage(
              "timeslice_target_percentage",
              null,
              "timeslice_target_percentage is missing: budgeting_method TIMESLICES needs it"
                  + " (e.g. 95)");
        }
        requireSliceTarget(timesliceTargetPercentage);
      } else if (timesliceTargetPercentage != null) {
        throw new ValidationException(
            "timeslice_target_percentage",
            timesliceTargetPercentage,
            "RATIO_TIMESLICES averages the slices' ratios and has no slice target");
      }
    } else if (timesliceLength != null || timesliceTargetPercentage != null) {
      throw ValidationException.withMessage(
          timesliceLength != null ? "timeslice_length" : "timeslice_target_percentage",
          null,
          "timeslice_length and timeslice_target_percentage only apply to budgeting_method"
              + " TIMESLICES or RATIO_TIMESLICES");
    }
  }

  /** True when this SLO is a composite of other SLOs. */
  public boolean isComposite() {
    return composite != null;
  }

  /**
   * A builder. Required: slo_id, slo_name, service_name, slo_type, target_percentage, time_period.
   * Defaults: enabled, UTC, occurrences, no_data ignore, default status thresholds, no SLI query.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The error budget as an exact fraction of events (or slices): {@code (100 - target) / 100}. */
  public BigDecimal errorBudgetRatio() {
    return BigDecimal.valueOf(100).subtract(targetDecimal()).movePointLeft(2);
  }

  /** The target as an exact decimal percentage, e.g. {@code 99.9}. */
  public BigDecimal targetDecimal() {
    return BigDecimal.valueOf(targetPercentage);
  }

  /** A copy with {@code enabled} changed. */
  public Slo withEnabled(boolean value) {
    return toBuilder().enabled(value).build();
  }

  /** A builder holding this SLO's values. */
  public Builder toBuilder() {
    return new Builder()
        .sloId(sloId)
        .sloName(sloName)
        .serviceName(serviceName)
        .sloType(sloType)
        .targetPercentage(targetPercentage)
        .timePeriod(timePeriod)
        .sliQuery(sliQuery)
        .description(description)
        .enabled(enabled)
        .timeZone(timeZone)
        .budgetingMethod(budgetingMethod)
        .timesliceLength(timesliceLength)
        .timesliceTargetPercentage(timesliceTargetPercentage)
        .noData(noData)
        .thresholds(thresholds)
        .sli(sli)
        .minEvents(minEvents)
        .statusOn(statusOn)
        .alertTiers(alertTiers)
        .composite(composite)
        .groupBy(groupBy)
        .maxGroups(maxGroups)
        .groupLabels(groupLabels);
  }

  /** True when this SLO is the template of a grouped SLO: group_by set, no group chosen. */
  public boolean isGroupTemplate() {
    return !groupBy.isEmpty() && groupLabels.isEmpty();
  }

  /** True when this SLO is one group of a grouped SLO ({@link #forGroup}). */
  public boolean isGroup() {
    return !groupLabels.isEmpty();
  }

  /** The slo_id of the grouped SLO this is a group of; the slo_id itself otherwise. */
  public String baseId() {
    return isGroup() ? GroupId.baseOf(sloId) : sloId;
  }

  /**
   * The concrete SLO of one group of this grouped SLO: the same definition, {@code groupLabels} set
   * and the id {@code <slo_id>{<label>="<value>",...}} ({@link GroupId}).
   *
   * @param labels a value for every {@code group_by} label; other labels are ignored
   * @throws ValidationException when this SLO is not a grouped template or a label is missing
   */
  public Slo forGroup(java.util.Map<String, String> labels) {
    if (!isGroupTemplate()) {
      throw new ValidationException(
          "group_by",
          sloId,
          isGroup() ? "it is already one group" : "the SLO has no group_by to group on");
    }
    java.util.Map<String, String> ordered = new java.util.LinkedHashMap<>();
    for (String name : groupBy) {
      String v = labels.get(name);
      if (v == null) {
        throw ValidationException.required("group_labels." + name);
      }
      ordered.put(name, v);
    }
    return toBuilder().sloId(GroupId.format(sloId, ordered)).groupLabels(ordered).build();
  }

  /** True when {@code id} is a valid slo_id or the id of one group ({@link GroupId}). */
  public static boolean isValidId(String id) {
    if (id == null) {
      return false;
    }
    if (!GroupId.isGroupForm(id)) {
      return ID_PATTERN.matcher(id).matches();
    }
    try {
      return GroupId.parse(id).toString().equals(id);
    } catch (ValidationException e) {
      return false;
    }
  }

  /**
   * Checks an slo_id.
   *
   * @throws ValidationException leading with the bad value
   */
  public static void requireId(String sloId) {
    if (sloId == null) {
      throw ValidationException.required("slo_id");
    }
    if (!ID_PATTERN.matcher(sloId).matches()) {
      throw new ValidationException(
          "slo_id",
          sloId,
          "use 1 to 100 characters of a-z, 0-9, '_', '.', '-', starting with a letter or digit");
    }
  }

  /**
   * Checks an slo_name.
   *
   * @throws ValidationException leading with the bad value
   */
  public static void requireName(String sloName) {
    if (sloName == null) {
      throw ValidationException.required("slo_name");
    }
    if (sloName.isBlank() || sloName.length() > 200) {
      throw new ValidationException("slo_name", sloName, "use 1 to 200 characters");
    }
  }

  /**
   * Checks a service_name.
   *
   * @throws ValidationException leading with the bad value
   */
  public static void requireServiceName(String serviceName) {
    if (serviceName == null) {
      throw ValidationException.required("service_name");
    }
    if (serviceName.isBlank() || serviceName.length() > 100) {
      throw new ValidationException("service_name", serviceName, "use 1 to 100 characters");
    }
  }

  /**
   * Checks a target_percentage.
   *
   * @throws ValidationException leading with the bad value
   */
  public static void requireTarget(double targetPercentage) {
    if (Double.isNaN(targetPercentage)) {
      throw ValidationException.required("target_percentage");
    }
    requirePercent("target_percentage", targetPercentage);
  }

  private static void requirePercent(String field, double value) {
    if (!(value > 0 && value < 100)) {
      String why =
          value == 100
              ? "100 leaves no error budget, so every failure would breach it; use a value"
                  + " below 100, such as 99.99"
              : "use a percentage strictly between 0 and 100, such as 99.9";
      throw ValidationException.withMessage(
          field, plain(value), plain(value) + " is not a valid " + field + ": " + why);
    }
  }

  private static void requireSliceTarget(double value) {
    if (!(value > 0 && value <= 100)) {
      throw ValidationException.withMessage(
          "timeslice_target_percentage",
          plain(value),
          plain(value)
              + " is not a valid timeslice_target_percentage: use a percentage in (0, 100]");
    }
  }

  /** A percentage as written: 100, 99.9, not 100.0. */
  private static String plain(double value) {
    return Double.isFinite(value)
        ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
        : String.valueOf(value);
  }

  /** Mutable builder for {@link Slo}; not thread-safe. */
  public static final class Builder {
    private String sloId;
    private String sloName;
    private String serviceName;
    private SloType sloType;
    private double targetPercentage = Double.NaN;
    private TimePeriod timePeriod;
    private String sliQuery = "";
    private String description = "";
    private boolean enabled = true;
    private ZoneId timeZone = ZoneId.of("UTC");
    private BudgetingMethod budgetingMethod = BudgetingMethod.OCCURRENCES;
    private Duration timesliceLength;
    private Double timesliceTargetPercentage;
    private NoDataPolicy noData = NoDataPolicy.IGNORE;
    private StatusThresholds thresholds = StatusThresholds.DEFAULT;
    private SliDefinition sli = SliDefinition.NONE;
    private long minEvents;
    private StatusBasis statusOn = StatusBasis.POINT;

    private java.util.List<dev.slo.core.alert.AlertTier> alertTiers = java.util.List.of();
    private Composite composite;
    private java.util.List<String> groupBy = java.util.List.of();
    private int maxGroups = DEFAULT_MAX_GROUPS;
    private java.util.Map<String, String> groupLabels = java.util.Map.of();

    private Builder() {}

    /** The labels to evaluate per value set of; empty for an ungrouped SLO. */
    public Builder groupBy(java.util.List<String> v) {
      groupBy = v;
      return this;
    }

    /** The most groups evaluated; default {@value Slo#DEFAULT_MAX_GROUPS}. */
    public Builder maxGroups(int v) {
      maxGroups = v;
      return this;
    }

    /** One group's labels (with the group id as slo_id); use {@link Slo#forGroup} instead. */
    public Builder groupLabels(java.util.Map<String, String> v) {
      groupLabels = v;
      return this;
    }

    /** The SLO's own alert tiers; empty for the default ones. */
    public Builder alertTiers(java.util.List<dev.slo.core.alert.AlertTier> v) {
      alertTiers = v;
      return this;
    }

    public Builder sloId(String v) {
      sloId = v;
      return this;
    }

    public Builder sloName(String v) {
      sloName = v;
      return this;
    }

    public Builder serviceName(String v) {
      serviceName = v;
      return this;
    }

    public Builder sloType(SloType v) {
      sloType = v;
      return this;
    }

    public Builder targetPercentage(double v) {
      targetPercentage = v;
      return this;
    }

    public Builder timePeriod(TimePeriod v) {
      timePeriod = v;
      return this;
    }

    public Builder sliQuery(String v) {
      sliQuery = v;
      return this;
    }

    public Builder description(String v) {
      description = v;
      return this;
    }

    public Builder enabled(boolean v) {
      enabled = v;
      return this;
    }

    public Builder timeZone(ZoneId v) {
      timeZone = v;
      return this;
    }

    public Builder budgetingMethod(BudgetingMethod v) {
      budgetingMethod = v;
      return this;
    }

    public Builder timesliceLength(Duration v) {
      timesliceLength = v;
      return this;
    }

    public Builder timesliceTargetPercentage(Double v) {
      timesliceTargetPercentage = v;
      return this;
    }

    public Builder noData(NoDataPolicy v) {
      noData = v;
      return this;
    }

    public Builder thresholds(StatusThresholds v) {
      thresholds = v;
      return this;
    }

    public Builder sli(SliDefinition v) {
      sli = v;
      return this;
    }

    public Builder composite(Composite v) {
      composite = v;
      return this;
    }

    public Builder minEvents(long v) {
      minEvents = v;
      return this;
    }

    public Builder statusOn(StatusBasis v) {
      statusOn = v;
      return this;
    }

    /**
     * Builds and validates with the same rules as a spec file: slo_id, slo_name, service_name,
     * slo_type, target_percentage and time_period are required.
     *
     * @throws ValidationException naming the first missing or bad field
     */
    public Slo build() {
      return new Slo(
          sloId,
          sloName,
          serviceName,
          sloType,
          targetPercentage,
          timePeriod,
          sliQuery,
          description,
          enabled,
          timeZone,
          budgetingMethod,
          timesliceLength,
          timesliceTargetPercentage,
          noData,
          thresholds,
          sli,
          minEvents,
          statusOn,
          alertTiers,
          composite,
          groupBy,
          maxGroups,
          groupLabels);
    }
  }
}
