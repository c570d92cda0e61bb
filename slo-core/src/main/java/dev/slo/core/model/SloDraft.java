package dev.slo.core.model;

import dev.slo.core.ValidationException;
import dev.slo.core.alert.AlertTier;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The values an {@link Slo.Builder} has collected so far, with the builder's defaults, and how they
 * become an {@link Slo}. Mutable; not thread-safe.
 */
final class SloDraft {
  @Nullable String sloId;
  @Nullable String sloName;
  @Nullable String serviceName;
  @Nullable SloType sloType;
  double targetPercentage = Double.NaN;
  @Nullable TimePeriod timePeriod;
  String sliQuery = "";
  String description = "";
  boolean enabled = true;
  ZoneId timeZone = ZoneId.of("UTC");
  BudgetingMethod budgetingMethod = BudgetingMethod.OCCURRENCES;
  @Nullable Duration timesliceLength;
  @Nullable Double timesliceTargetPercentage;
  NoDataPolicy noData = NoDataPolicy.IGNORE;
  StatusThresholds thresholds = StatusThresholds.DEFAULT;
  SliDefinition sli = SliDefinition.NONE;
  long minEvents;
  StatusBasis statusOn = StatusBasis.POINT;

  List<AlertTier> alertTiers = List.of();
  @Nullable Composite composite;
  List<String> groupBy = List.of();
  int maxGroups = Slo.DEFAULT_MAX_GROUPS;
  Map<String, String> groupLabels = Map.of();

  /** A draft holding every value of {@code slo}. */
  static SloDraft of(Slo slo) {
    SloDraft d = new SloDraft();
    d.sloId = slo.sloId();
    d.sloName = slo.sloName();
    d.serviceName = slo.serviceName();
    d.sloType = slo.sloType();
    d.targetPercentage = slo.targetPercentage();
    d.timePeriod = slo.timePeriod();
    d.sliQuery = slo.sliQuery();
    d.description = slo.description();
    d.enabled = slo.enabled();
    d.timeZone = slo.timeZone();
    d.budgetingMethod = slo.budgetingMethod();
    d.timesliceLength = slo.timesliceLength();
    d.timesliceTargetPercentage = slo.timesliceTargetPercentage();
    d.noData = slo.noData();
    d.thresholds = slo.thresholds();
    d.sli = slo.sli();
    d.minEvents = slo.minEvents();
    d.statusOn = slo.statusOn();
    d.alertTiers = slo.alertTiers();
    d.composite = slo.composite();
    d.groupBy = slo.groupBy();
    d.maxGroups = slo.maxGroups();
    d.groupLabels = slo.groupLabels();
    return d;
  }

  /**
   * The SLO of these values; see {@link Slo.Builder#build()}.
   *
   * @throws ValidationException naming the first missing or bad field
   */
  Slo build() {
    return new Slo(
        present(sloId, "slo_id"),
        present(sloName, "slo_name"),
        present(serviceName, "service_name"),
        present(sloType, "slo_type"),
        targetPercentage,
        present(timePeriod, "time_period"),
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

  private static <T> T present(@Nullable T value, String field) {
    if (value == null) {
      throw ValidationException.required(field);
    }
    return value;
  }
}
