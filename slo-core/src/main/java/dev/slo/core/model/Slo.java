package dev.slo.core.model;

import dev.slo.core.ValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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
    @Nullable Duration timesliceLength,
    @Nullable Double timesliceTargetPercentage,
    NoDataPolicy noData,
    StatusThresholds thresholds,
    SliDefinition sli,
    long minEvents,
    StatusBasis statusOn,
    java.util.List<dev.slo.core.alert.AlertTier> alertTiers,
    @Nullable Composite composite,
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
    SloRules.requireGrouping(maxGroups, groupBy, composite != null);
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
    alertTiers = SloRules.alertTiers(alertTiers);
    SloRules.requireTimeslices(
        budgetingMethod, timePeriod, timesliceLength, timesliceTargetPercentage);
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
    return new Builder(SloDraft.of(this));
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
  public static void requireId(@Nullable String sloId) {
    SloRules.requireId(sloId);
  }

  /**
   * Checks an slo_name.
   *
   * @throws ValidationException leading with the bad value
   */
  public static void requireName(@Nullable String sloName) {
    SloRules.requireName(sloName);
  }

  /**
   * Checks a service_name.
   *
   * @throws ValidationException leading with the bad value
   */
  public static void requireServiceName(@Nullable String serviceName) {
    SloRules.requireServiceName(serviceName);
  }

  /**
   * Checks a target_percentage.
   *
   * @throws ValidationException leading with the bad value
   */
  public static void requireTarget(double targetPercentage) {
    SloRules.requireTarget(targetPercentage);
  }

  /** Mutable builder for {@link Slo}; not thread-safe. */
  public static final class Builder {
    private final SloDraft d;

    private Builder() {
      this(new SloDraft());
    }

    private Builder(SloDraft draft) {
      d = draft;
    }

    /** The labels to evaluate per value set of; empty for an ungrouped SLO. */
    public Builder groupBy(java.util.List<String> v) {
      d.groupBy = v;
      return this;
    }

    /** The most groups evaluated; default {@value Slo#DEFAULT_MAX_GROUPS}. */
    public Builder maxGroups(int v) {
      d.maxGroups = v;
      return this;
    }

    /** One group's labels (with the group id as slo_id); use {@link Slo#forGroup} instead. */
    public Builder groupLabels(java.util.Map<String, String> v) {
      d.groupLabels = v;
      return this;
    }

    /** The SLO's own alert tiers; empty for the default ones. */
    public Builder alertTiers(java.util.List<dev.slo.core.alert.AlertTier> v) {
      d.alertTiers = v;
      return this;
    }

    public Builder sloId(@Nullable String v) {
      d.sloId = v;
      return this;
    }

    public Builder sloName(@Nullable String v) {
      d.sloName = v;
      return this;
    }

    public Builder serviceName(@Nullable String v) {
      d.serviceName = v;
      return this;
    }

    public Builder sloType(@Nullable SloType v) {
      d.sloType = v;
      return this;
    }

    public Builder targetPercentage(double v) {
      d.targetPercentage = v;
      return this;
    }

    public Builder timePeriod(@Nullable TimePeriod v) {
      d.timePeriod = v;
      return this;
    }

    /** The SLI query; null for none (empty). */
    public Builder sliQuery(@Nullable String v) {
      d.sliQuery = v == null ? "" : v;
      return this;
    }

    /** The description; null for none (empty). */
    public Builder description(@Nullable String v) {
      d.description = v == null ? "" : v;
      return this;
    }

    public Builder enabled(boolean v) {
      d.enabled = v;
      return this;
    }

    public Builder timeZone(ZoneId v) {
      d.timeZone = v;
      return this;
    }

    public Builder budgetingMethod(BudgetingMethod v) {
      d.budgetingMethod = v;
      return this;
    }

    public Builder timesliceLength(@Nullable Duration v) {
      d.timesliceLength = v;
      return this;
    }

    public Builder timesliceTargetPercentage(@Nullable Double v) {
      d.timesliceTargetPercentage = v;
      return this;
    }

    public Builder noData(NoDataPolicy v) {
      d.noData = v;
      return this;
    }

    public Builder thresholds(StatusThresholds v) {
      d.thresholds = v;
      return this;
    }

    public Builder sli(SliDefinition v) {
      d.sli = v;
      return this;
    }

    public Builder composite(@Nullable Composite v) {
      d.composite = v;
      return this;
    }

    public Builder minEvents(long v) {
      d.minEvents = v;
      return this;
    }

    public Builder statusOn(StatusBasis v) {
      d.statusOn = v;
      return this;
    }

    /**
     * Builds and validates with the same rules as a spec file: slo_id, slo_name, service_name,
     * slo_type, target_percentage and time_period are required.
     *
     * @throws ValidationException naming the first missing or bad field
     */
    public Slo build() {
      return d.build();
    }
  }
}
