package dev.slo.core.eval;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
  static Instant projectExhaustion(
      UnitCounts counts, Budget budget, Slo slo, Window period, Instant at, boolean noDataBad) {
    List<Map.Entry<Instant, EventCounts>> points = counts.forecastPoints();
    if (points.size() < 2) {
      return null;
    }
    List<Map.Entry<Instant, Double>> consumed = new ArrayList<>();
    for (Map.Entry<Instant, EventCounts> p : points) {
      EventCounts c = p.getValue();
      double y =
          c.total() == 0
              ? (noDataBad ? Decimals.toDouble(budget.fullyBadBurn()) : 0.0)
              : budget.burnDouble(c);
      consumed.add(Map.entry(p.getKey(), y));
    }
    return StatusRules.projectExhaustion(slo, period, at, consumed);
  }
}
