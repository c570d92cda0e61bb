package dev.slo.core.model;

import dev.slo.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Where an SLO's events come from in a metrics server, as written in the spec. At most one kind is
 * set: counters ({@code good_counter} or {@code bad_counter}, plus {@code total_counter}), queries
 * ({@code good_query} or {@code bad_query}, plus {@code total_query}, with {@code {{window}}}), or
 * a latency histogram. File and database sources ignore it. Immutable.
 */
public record SliDefinition(
    @Nullable String goodCounter,
    @Nullable String badCounter,
    @Nullable String totalCounter,
    @Nullable String goodQuery,
    @Nullable String badQuery,
    @Nullable String totalQuery,
    @Nullable LatencySli latency) {

  /** No metrics-server definition: events come from a file or a database. */
  public static final SliDefinition NONE =
      new SliDefinition(null, null, null, null, null, null, null);

  /** Validates that one kind at most is given and that it is complete. */
  public SliDefinition {
    boolean counters = goodCounter != null || badCounter != null || totalCounter != null;
    boolean queries = goodQuery != null || badQuery != null || totalQuery != null;
    int kinds = (counters ? 1 : 0) + (queries ? 1 : 0) + (latency != null ? 1 : 0);
    if (kinds > 1) {
      throw ValidationException.withMessage(
          counters
              ? (totalCounter != null
                  ? "total_counter"
                  : goodCounter != null ? "good_counter" : "bad_counter")
              : "good_query",
          null,
          "an SLO takes one SLI kind: counters (good_counter/bad_counter + total_counter),"
              + " queries (good_query/bad_query + total_query) or latency; found more than one");
    }
    if (counters) {
      requirePair("counter", goodCounter, badCounter, totalCounter);
    }
    if (queries) {
      requirePair("query", goodQuery, badQuery, totalQuery);
    }
  }

  /** True when no metrics-server definition is present. */
  public boolean isEmpty() {
    return goodCounter == null
        && badCounter == null
        && totalCounter == null
        && goodQuery == null
        && badQuery == null
        && totalQuery == null
        && latency == null;
  }

  private static void requirePair(
      String kind, @Nullable String good, @Nullable String bad, @Nullable String total) {
    if ((good == null) == (bad == null)) {
      throw ValidationException.withMessage(
          "good_" + kind,
          good,
          "give exactly one of good_" + kind + " and bad_" + kind + ", plus total_" + kind);
    }
    if (total == null) {
      throw ValidationException.withMessage(
          "total_" + kind,
          null,
          "total_" + kind + " is missing: good_" + kind + " or bad_" + kind + " needs it");
    }
    String[] names = {"good_" + kind, "bad_" + kind, "total_" + kind};
    @Nullable String[] values = {good, bad, total};
    for (int i = 0; i < 3; i++) {
      String v = values[i];
      if (v != null && v.isBlank()) {
        throw new ValidationException(names[i], "", "it is blank");
      }
    }
  }
}
