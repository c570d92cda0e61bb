package dev.slo.report;

import dev.slo.core.eval.ComponentStatus;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.FiringAlert;
import dev.slo.core.eval.SliInterval;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Prints the evaluator's numbers for people, the same way in HTML and Markdown. */
final class Figures {
  private Figures() {}

  /** A percentage with up to four decimals: {@code 99.9722%}. */
  static String percent(double p) {
    return BigDecimal.valueOf(Math.round(p * 10_000) / 10_000.0)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  /** The SLI in percent, or {@code no data}. */
  static String sli(Evaluation e) {
    return e.currentSliPercent() == null ? "no data" : percent(e.currentSliPercent());
  }

  /** The target in percent, exactly as the spec gives it. */
  static String target(Evaluation e) {
    return e.slo().targetDecimal().stripTrailingZeros().toPlainString() + "%";
  }

  /** A budget fraction as a percentage with one decimal: {@code 72.2%}. */
  static String budget(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /** A burn rate: {@code 1.25x}. */
  static String burn(double rate) {
    return String.format(Locale.ROOT, "%.2fx", rate);
  }

  /** The firing alert tiers, comma-separated, or {@code -}. */
  static String alerts(Evaluation e) {
    return e.alerts().isEmpty()
        ? "-"
        : e.alerts().stream()
            .map(FiringAlert::tier)
            .map(t -> t.name())
            .collect(Collectors.joining(", "));
  }

  /** One firing alert in words. */
  static String alert(FiringAlert a) {
    return String.format(
        Locale.ROOT,
        "%s (%s): burn %s over %s and %s over %s, threshold %s",
        a.tier().name(),
        a.tier().severity().label(),
        burn(a.burnRateLong()),
        DurationText.format(a.tier().longWindow()),
        burn(a.burnRateShort()),
        DurationText.format(a.tier().shortWindow()),
        a.tier().factor().stripTrailingZeros().toPlainString() + "x");
  }

  /**
   * One component of a composite in words: {@code a (weight 3): SLI 99.8%, 200.0% of its budget}.
   */
  static String component(ComponentStatus c) {
    return c.sloId()
        + " (weight "
        + c.weight().toPlainString()
        + (c.composite() ? ", composite" : "")
        + "): "
        + (c.noData() || c.currentSliPercent() == null
            ? "no data, left out of the weights"
            : "SLI "
                + percent(c.currentSliPercent())
                + ", "
                + budget(c.errorBudgetConsumed())
                + " of its budget consumed");
  }

  /** The components of a composite, {@code ; }-separated, or empty for a plain SLO. */
  static String components(Evaluation e) {
    return e.components().stream().map(Figures::component).collect(Collectors.joining("; "));
  }

  /**
   * A 95% Wilson interval of the SLI: {@code 99.12–99.87%}, or {@code -} without events
   * (docs/math.md).
   */
  static String interval(@Nullable SliInterval i) {
    if (i == null) {
      return "-";
    }
    String lo = percent(i.lowerPercent());
    return lo.substring(0, lo.length() - 1) + "\u2013" + percent(i.upperPercent());
  }

  /**
   * The interval of a burn window by its label ({@code 5m} ... {@code 3d}), or of the elapsed
   * period for {@code period}; null without events there.
   */
  static @Nullable SliInterval windowInterval(Evaluation e, String label) {
    if (label.equals("period")) {
      return e.sliInterval();
    }
    for (Map.Entry<Duration, SliInterval> w : e.windowSliIntervals().entrySet()) {
      if (DurationText.format(w.getKey()).equals(label)) {
        return w.getValue();
      }
    }
    return null;
  }
}
