package dev.slo.core.eval;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.window.Window;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Projects when the error budget runs out: a least-squares line through the fraction of budget
 * consumed at hourly points over the last 24 hours ({@code at - 24h, at - 23h, ..., at}; for
 * calendar periods only the points after the period's start) and the instant where that line
 * reaches 1.
 */
final class Forecast {
  private Forecast() {}

  /**
   * The projected instant, or null when fewer than two points exist, when the line never rises to
   * 1, or (calendar periods) when it reaches 1 after the period's end.
   */
  static @Nullable Instant projectExhaustion(
      UnitCounts counts, Budget budget, Slo slo, Window period, Instant at, boolean noDataBad) {
    int n = counts.forecastSize();
    if (n < 2) {
      return null;
    }
    TrendLine r = new TrendLine();
    for (int i = 0; i < n; i++) {
      EventCounts c = counts.forecastUnits(i);
      double y =
          c.total() == 0
              ? (noDataBad ? Decimals.toDouble(budget.fullyBadBurn()) : 0.0)
              : budget.burnDouble(c);
      r.add(counts.forecastSeconds(i), y);
    }
    return StatusRules.projectExhaustion(slo, period, at, r);
  }
}
