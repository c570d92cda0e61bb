package dev.slo.core.spec;

/**
 * The size limits a spec is read under, so that hostile input is refused fast and in bounded
 * memory. Listed with their defaults in docs/limits.md; they are fixed.
 */
public final class SpecLimits {
  /** A whole spec (or API request body with one SLO), in characters. */
  public static final int MAX_SPEC_CHARS = 4 * 1024 * 1024;

  /** One line of a YAML spec, in characters (JSON may be on one line). */
  public static final int MAX_YAML_LINE_CHARS = 64 * 1024;

  /** Any one text value or key, in characters, before the field's own limit applies. */
  public static final int MAX_SCALAR_CHARS = 16 * 1024;

  /** Any one number, in characters. */
  public static final int MAX_NUMBER_CHARS = 100;

  /** Mappings and lists nested in each other. */
  public static final int MAX_NESTING = 32;

  /** {@code description}, in characters. */
  public static final int MAX_DESCRIPTION_CHARS = 4096;

  /** {@code sli_query}, {@code good_query}, {@code bad_query}, {@code total_query}. */
  public static final int MAX_QUERY_CHARS = 8192;

  /** {@code latency.selector}. */
  public static final int MAX_SELECTOR_CHARS = 4096;

  /** Every other text field (counter and histogram names, time_zone, enum values, durations). */
  public static final int MAX_OTHER_CHARS = 1024;

  private SpecLimits() {}

  /** The longest text {@code field} (a name like {@code description}) may hold. */
  static int maxChars(String field) {
    return switch (field) {
      case "description" -> MAX_DESCRIPTION_CHARS;
      case "sli_query", "good_query", "bad_query", "total_query" -> MAX_QUERY_CHARS;
      case "selector" -> MAX_SELECTOR_CHARS;
      // slo_id (100), slo_name (200) and service_name (100) are checked by Slo itself
      default -> MAX_OTHER_CHARS;
    };
  }
}
