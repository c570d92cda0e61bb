package dev.slo.cli.serve;

import java.time.Instant;
import java.util.List;

/**
 * Where SLI samples go: one {@link SliMetric} per SLO and evaluation. Implementations are
 * thread-safe.
 */
public interface HistoryStore {

  /**
   * Records a sample.
   *
   * @throws dev.slo.core.SourceException when the store cannot be written
   */
  void append(SliMetric metric);

  /** The samples of one SLO with {@code start <= timestamp <= end}, oldest first. */
  List<SliMetric> history(String sloId, Instant start, Instant end);
}
