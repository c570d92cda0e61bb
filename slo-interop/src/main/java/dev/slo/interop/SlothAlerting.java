package dev.slo.interop;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a Sloth SLO says about its labels and alerts, kept for {@code slo rules --compat sloth} and
 * for writing Sloth back out.
 *
 * @param service Sloth's service
 * @param name Sloth's SLO name
 * @param labels the file's and the SLO's labels
 * @param alertName {@code alerting.name}, or null
 * @param alertLabels {@code alerting.labels}
 * @param alertAnnotations {@code alerting.annotations}
 * @param pageLabels {@code page_alert.labels}
 * @param ticketLabels {@code ticket_alert.labels}
 * @param pageDisabled {@code page_alert.disable}
 * @param ticketDisabled {@code ticket_alert.disable}
 * @param windows the window pairs of the file's {@code AlertWindows}; empty for Sloth's defaults
 */
public record SlothAlerting(
    String service,
    String name,
    Map<String, String> labels,
    @Nullable String alertName,
    Map<String, String> alertLabels,
    Map<String, String> alertAnnotations,
    Map<String, String> pageLabels,
    Map<String, String> ticketLabels,
    boolean pageDisabled,
    boolean ticketDisabled,
    java.util.List<Window> windows) {
  /**
   * One of Sloth's alert window pairs.
   *
   * @param severity page or ticket
   * @param errorBudgetPercent the budget share in percent the pair alerts on (2 = 2%)
   * @param shortWindow the confirming window
   * @param longWindow the window that measures the share spent
   */
  public record Window(
      dev.slo.core.alert.Severity severity,
      java.math.BigDecimal errorBudgetPercent,
      java.time.Duration shortWindow,
      java.time.Duration longWindow) {}

  /** Copies the maps. */
  public SlothAlerting {
    windows = windows == null ? java.util.List.of() : java.util.List.copyOf(windows);
    labels = Map.copyOf(labels);
    alertLabels = Map.copyOf(alertLabels);
    alertAnnotations = Map.copyOf(alertAnnotations);
    pageLabels = Map.copyOf(pageLabels);
    ticketLabels = Map.copyOf(ticketLabels);
  }
}
