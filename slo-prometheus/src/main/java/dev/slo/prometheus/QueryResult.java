package dev.slo.prometheus;

import java.util.List;
import java.util.Map;

/**
 * The {@code data} of a successful Prometheus API reply, held in primitive arrays: an instant
 * vector is series of one sample each, a matrix series of many, a scalar or string one series
 * without labels. Immutable by convention (the arrays are not copied).
 *
 * @param type the reply's {@code resultType}
 * @param series the series, in the order the server sent them
 */
public record QueryResult(Type type, List<Series> series) {
  /** Prometheus' result types. */
  public enum Type {
    /** One sample per series: what an instant query of a vector expression returns. */
    VECTOR,
    /** Many samples per series: a range query, or an instant query of a range selector. */
    MATRIX,
    /** One number without labels. */
    SCALAR,
    /** One string without labels. */
    STRING;

    /** The name the API uses, e.g. {@code vector}. */
    public String apiName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Copies the list. */
  public QueryResult {
    series = List.copyOf(series);
  }

  /**
   * One series.
   *
   * @param labels its labels (empty for a scalar)
   * @param millis sample timestamps in epoch milliseconds
   * @param values sample values ({@code NaN} for a string result)
   */
  public record Series(Map<String, String> labels, long[] millis, double[] values) {
    /** The number of samples. */
    public int size() {
      return millis.length;
    }
  }
}
