package dev.slo.report;

import dev.slo.core.eval.Evaluator;
import dev.slo.core.window.DurationText;
import dev.slo.prometheus.RuleGenerator;
import java.time.Duration;
import java.util.List;

/**
 * The series that the dashboard queries: the recording rules that {@code slo rules} writes, in the
 * Sloth and Pyrra style, and the alerts' {@code ALERTS} series. Every name lives here and only
 * here, and the rule names come from {@link RuleGenerator}, which writes them.
 */
final class RuleNames {
  /** The label that names the SLO on every series. */
  static final String SLO_ID = "slo_id";

  /** The label that names the owning service on every series. */
  static final String SERVICE = "service";

  /** Prefix of the error ratio over a window: {@code slo:sli_error:ratio_rate5m}. */
  static final String ERROR_RATIO_PREFIX = RuleGenerator.ERROR_RATIO_PREFIX;

  /** The error ratio over the SLO's whole period (rolling, or calendar to date). */
  static final String PERIOD_ERROR_RATIO = RuleGenerator.PERIOD_ERROR_RATIO;

  /** The objective as a ratio, e.g. 0.999. */
  static final String OBJECTIVE = RuleGenerator.OBJECTIVE;

  /** The error budget as a ratio of events, e.g. 0.001. */
  static final String ERROR_BUDGET = RuleGenerator.ERROR_BUDGET;

  /** The fraction of the period's error budget left; negative when overspent. */
  static final String PERIOD_BUDGET_REMAINING = RuleGenerator.PERIOD_BUDGET_REMAINING;

  /** Prometheus's series of pending and firing alerts. */
  static final String ALERTS = "ALERTS";

  /** The windows with an error-ratio rule: those the evaluator reports burn rates for. */
  static final List<Duration> WINDOWS = Evaluator.BURN_WINDOWS;

  private RuleNames() {}

  /** The error-ratio rule of one window: {@code slo:sli_error:ratio_rate1h}. */
  static String errorRatio(Duration window) {
    return ERROR_RATIO_PREFIX + DurationText.format(window);
  }

  /** A selector of one SLO's series: {@code name{slo_id="checkout"}}. */
  static String select(String name, String sloId) {
    return name + "{" + SLO_ID + "=\"" + sloId + "\"}";
  }
}
