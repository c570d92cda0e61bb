package dev.slo.core.model;

import dev.slo.core.ValidationException;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The field rules an {@link Slo} is validated by: identity and names, percentages, grouping, alert
 * tiers and the timeslice fields. Every message leads with the bad value. Thread-safe; no state.
 */
final class SloRules {
  private SloRules() {}

  /** Checks an slo_id (not a group id); see {@link Slo#requireId}. */
  static void requireId(@Nullable String sloId) {
    if (sloId == null) {
      throw ValidationException.required("slo_id");
    }
    if (!Slo.ID_PATTERN.matcher(sloId).matches()) {
      throw new ValidationException(
          "slo_id",
          sloId,
          "use 1 to 100 characters of a-z, 0-9, '_', '.', '-', starting with a letter or digit");
    }
  }

  /** Checks an slo_name; see {@link Slo#requireName}. */
  static void requireName(@Nullable String sloName) {
    if (sloName == null) {
      throw ValidationException.required("slo_name");
    }
    if (sloName.isBlank() || sloName.length() > 200) {
      throw new ValidationException("slo_name", sloName, "use 1 to 200 characters");
    }
  }

  /** Checks a service_name; see {@link Slo#requireServiceName}. */
  static void requireServiceName(@Nullable String serviceName) {
    if (serviceName == null) {
      throw ValidationException.required("service_name");
    }
    if (serviceName.isBlank() || serviceName.length() > 100) {
      throw new ValidationException("service_name", serviceName, "use 1 to 100 characters");
    }
  }

  /** Checks a target_percentage; see {@link Slo#requireTarget}. */
  static void requireTarget(double targetPercentage) {
    if (Double.isNaN(targetPercentage)) {
      throw ValidationException.required("target_percentage");
    }
    requirePercent("target_percentage", targetPercentage);
  }

  /**
   * Checks max_groups, then that a composite SLO has no group_by.
   *
   * @param composite whether the SLO is a composite of others
   */
  static void requireGrouping(int maxGroups, List<String> groupBy, boolean composite) {
    if (maxGroups < 1 || maxGroups > Slo.MAX_MAX_GROUPS) {
      throw new ValidationException(
          "max_groups", maxGroups, "use a whole number from 1 to " + Slo.MAX_MAX_GROUPS);
    }
    if (composite && !groupBy.isEmpty()) {
      throw new ValidationException(
          "group_by",
          groupBy,
          "group_by is not supported on a composite SLO; group its components");
    }
  }

  /**
   * An SLO's own alert tiers as an immutable list, each name used once.
   *
   * @param alertTiers null for none
   */
  static List<AlertTier> alertTiers(@Nullable List<AlertTier> alertTiers) {
    List<AlertTier> tiers = alertTiers == null ? List.of() : List.copyOf(alertTiers);
    Set<String> tierNames = new HashSet<>();
    for (AlertTier t : tiers) {
      if (!tierNames.add(t.name())) {
        throw new ValidationException("alert_tiers", t.name(), "it is a duplicate tier name");
      }
    }
    return tiers;
  }

  /**
   * Checks timeslice_length and timeslice_target_percentage against the budgeting method: both
   * apply only to a sliced method, the length is at least 1s and no longer than a rolling period,
   * and only TIMESLICES has (and needs) a slice target.
   */
  static void requireTimeslices(
      BudgetingMethod budgetingMethod,
      TimePeriod timePeriod,
      @Nullable Duration timesliceLength,
      @Nullable Double timesliceTargetPercentage) {
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
}
