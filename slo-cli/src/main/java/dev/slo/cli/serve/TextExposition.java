package dev.slo.cli.serve;

import dev.slo.core.alert.AlertTier;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.model.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Prometheus text format 0.0.4 of per-SLO gauges, each labelled {@code slo_id} and {@code service}:
 * {@code slo_sli_ratio}, {@code slo_objective_ratio}, {@code slo_error_budget_remaining_ratio},
 * {@code slo_burn_rate{window}}, {@code slo_status{status}} (1 for the reported status, 0 for the
 * others), {@code slo_alert_firing{tier,severity}}, {@code slo_stale} and {@code
 * slo_last_evaluation_timestamp_seconds}. SLOs never evaluated are left out. Thread-safe; no state.
 */
final class TextExposition implements MetricsExposition {
  private record Gauge(String name, String help) {}

  private static final List<Gauge> GAUGES =
      List.of(
          new Gauge("slo_sli_ratio", "Current SLI over the SLO's period, as a ratio."),
          new Gauge("slo_objective_ratio", "The SLO's target, as a ratio."),
          new Gauge(
              "slo_error_budget_remaining_ratio",
              "Fraction of the error budget left; negative when overspent."),
          new Gauge("slo_burn_rate", "Error-budget burn rate over a trailing window."),
          new Gauge("slo_status", "1 for the SLO's reported status, 0 for the others."),
          new Gauge("slo_alert_firing", "1 when the multi-window burn-rate alert tier fires."),
          new Gauge("slo_stale", "1 when the last evaluation failed and values are the last good."),
          new Gauge(
              "slo_last_evaluation_timestamp_seconds", "When the values shown were evaluated."));

  @Override
  public String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  @Override
  public byte[] render(List<Snapshot> snapshots) {
    StringBuilder sb = new StringBuilder(4096);
    for (Gauge g : GAUGES) {
      sb.append("# HELP ").append(g.name()).append(' ').append(g.help()).append('\n');
      sb.append("# TYPE ").append(g.name()).append(" gauge\n");
      for (Snapshot s : snapshots) {
        if (s.evaluation() != null) {
          samples(sb, g.name(), s);
        }
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void samples(StringBuilder sb, String name, Snapshot s) {
    Evaluation e = s.evaluation();
    String base =
        "slo_id=\""
            + escape(e.slo().sloId())
            + "\",service=\""
            + escape(e.slo().serviceName())
            + "\"";
    switch (name) {
      case "slo_sli_ratio" -> {
        if (e.currentSliPercent() != null) {
          line(sb, name, base, ratio(e.currentSliPercent()));
        }
      }
      case "slo_objective_ratio" -> line(sb, name, base, ratio(e.targetSliPercent()));
      case "slo_error_budget_remaining_ratio" -> line(sb, name, base, e.errorBudgetRemaining());
      case "slo_burn_rate" -> {
        for (Map.Entry<String, Double> b : e.burnRates().entrySet()) {
          line(sb, name, base + ",window=\"" + b.getKey() + "\"", b.getValue());
        }
      }
      case "slo_status" -> {
        for (Status st : Status.values()) {
          line(sb, name, base + ",status=\"" + st.name() + "\"", st == e.status() ? 1 : 0);
        }
      }
      case "slo_alert_firing" -> {
        for (AlertTier t : e.tiers()) {
          String labels =
              base + ",tier=\"" + t.name() + "\",severity=\"" + t.severity().label() + "\"";
          line(sb, name, labels, s.alerts().containsKey(t.name()) ? 1 : 0);
        }
      }
      case "slo_stale" -> line(sb, name, base, s.stale() ? 1 : 0);
      default -> line(sb, name, base, e.at().toEpochMilli() / 1000.0);
    }
  }

  private static void line(StringBuilder sb, String name, String labels, double value) {
    sb.append(name).append('{').append(labels).append("} ").append(number(value)).append('\n');
  }

  /** A percentage as a ratio without binary noise: 99.9 gives 0.999. */
  private static double ratio(double percent) {
    return java.math.BigDecimal.valueOf(percent).movePointLeft(2).doubleValue();
  }

  static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** Escapes a label value: backslash, double quote and newline. */
  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
