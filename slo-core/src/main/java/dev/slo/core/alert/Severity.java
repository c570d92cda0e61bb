package dev.slo.core.alert;

/** How urgently a firing tier needs a human: page now, or a ticket for working hours. */
public enum Severity {
  PAGE,
  TICKET;

  /** Lower-case name as used in labels and JSON: {@code page}, {@code ticket}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
