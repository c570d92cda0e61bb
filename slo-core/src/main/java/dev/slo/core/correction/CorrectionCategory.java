package dev.slo.core.correction;

import java.util.Locale;

/** Why a time range is corrected. Written in snake_case in specs and JSON. */
public enum CorrectionCategory {
  SCHEDULED_MAINTENANCE,
  DEPLOYMENT,
  OUTSIDE_BUSINESS_HOURS,
  FALSE_ALARM,
  OTHER;

  /** The snake_case label: {@code scheduled_maintenance}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
