package dev.slo.core.store;

import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SLI history ({@code sli_metrics_ts}, docs/jdbc.md) with bucketed sums. Implementations are
 * thread-safe; concurrent appends to the same SLO serialize.
 */
public interface SliHistory {

  /**
   * Appends rows in one transaction. Idempotent per (slo_id, timestamp): a row whose key is stored
   * replaces it, and a key repeated within {@code rows} keeps its last row, so a retried batch
   * never counts twice.
   *
   * @return the number of distinct keys written
   * @throws dev.slo.core.SourceException when the store cannot be reached; nothing is written
   */
  long append(List<SliMetric> rows);

  /** The rows of one SLO with {@code window.start() < timestamp <= window.end()}, oldest first. */
  List<SliMetric> history(String sloId, Window window);

  /**
   * Summed rows of one SLO per bucket, for the buckets whose start lies in {@code [from, to)},
   * oldest first; buckets without rows are left out. Each bucket sums all its rows, so {@code from}
   * and {@code to} aligned to the bucket width give exact sums of {@code [from, to)}.
   */
  List<Bucket> buckets(String sloId, Instant from, Instant to, BucketSize size);

  /** The timestamp of the newest row of one SLO, if it has any. */
  Optional<Instant> latest(String sloId);

  /**
   * The label sets of the groups of the grouped SLO {@code template} that have rows with events in
   * {@code (from, to]}: the groups this history remembers, so that a restarted {@code slo serve}
   * still knows the ones that vanished before it stopped (issue 12). Each map has the template's
   * {@code group_by} labels as keys. The default remembers none.
   *
   * @throws dev.slo.core.SourceException when the store cannot be reached
   */
  default java.util.Set<java.util.Map<String, String>> groups(
      dev.slo.core.model.Slo template, Instant from, Instant to) {
    return java.util.Set.of();
  }
}
