package dev.slo.interop;

import java.util.Map;

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
 */
public record SlothAlerting(
    String service,
    String name,
    Map<String, String> labels,
    String alertName,
    Map<String, String> alertLabels,
    Map<String, String> alertAnnotations,
    Map<String, String> pageLabels,
    Map<String, String> ticketLabels,
    boolean pageDisabled,
    boolean ticketDisabled) {
  /** Copies the maps. */
  public SlothAlerting {
    labels = Map.copyOf(labels);
    alertLabels = Map.copyOf(alertLabels);
    alertAnnotations = Map.copyOf(alertAnnotations);
    pageLabels = Map.copyOf(pageLabels);
    ticketLabels = Map.copyOf(ticketLabels);
  }
}
