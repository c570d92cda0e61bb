package dev.slo.core.spec;

import dev.slo.core.alert.AlertPolicy;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.alert.Severity;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads an SLO's own {@code alert_tiers}: {@code name}, {@code severity} (page or ticket), {@code
 * burn_rate}, {@code long_window} and an optional {@code short_window} (default: the long one). A
 * tier fires when the burn rate over both windows is at least {@code burn_rate}. Thread-safe; no
 * state.
 */
final class AlertTierReader {
  static final Set<String> FIELDS =
      Set.of("name", "severity", "burn_rate", "long_window", "short_window");

  private AlertTierReader() {}

  /** The tiers under {@code alert_tiers}, or null when absent; problems go to the list. */
  static @Nullable List<AlertTier> read(
      FieldReader f, String source, TimePeriod period, List<SpecProblem> problems) {
    Node n = f.present("alert_tiers", false);
    if (n == null) {
      return null;
    }
    if (!(n instanceof Node.ListNode list)) {
      f.problem("alert_tiers", Node.kind(n) + " is not valid here; expected a list of tiers");
      return null;
    }
    List<AlertTier> out = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String path = f.path("alert_tiers") + "[" + i + "]";
      if (!(item instanceof Node.MapNode m)) {
        problems.add(
            new SpecProblem(source, item.line(), path, Node.kind(item) + " is not a tier"));
        continue;
      }
      FieldReader t = new FieldReader(source, path, m, problems);
      t.rejectUnknown(FIELDS);
      String name = t.text("name", true);
      String severity = t.text("severity", true);
      BigDecimal rate = t.number("burn_rate", true);
      Duration longW = duration(t, "long_window", true);
      Duration shortW = duration(t, "short_window", false);
      @Nullable Severity sev = null;
      if (severity != null) {
        try {
          sev = Severity.valueOf(severity.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          t.problem(
              "severity",
              dev.slo.core.Printable.quote(severity)
                  + " is not a valid severity; use page or ticket");
        }
      }
      if (name == null || sev == null || rate == null || longW == null) {
        continue;
      }
      if (shortW != null && shortW.compareTo(longW) > 0) {
        t.problem(
            "short_window",
            DurationText.format(shortW)
                + " is not a valid short_window: it is longer than long_window "
                + DurationText.format(longW));
        continue;
      }
      Duration rolling = period.rollingLength();
      Duration p = rolling == null ? AlertPolicy.REFERENCE_PERIOD : rolling;
      try {
        BigDecimal share =
            rate.multiply(BigDecimal.valueOf(longW.getSeconds()))
                .divide(BigDecimal.valueOf(p.getSeconds()), MathContext.DECIMAL64);
        out.add(new AlertTier(name, sev, longW, shortW == null ? longW : shortW, rate, share));
      } catch (IllegalArgumentException e) {
        t.problem("burn_rate", e.getMessage());
      }
    }
    return out;
  }

  private static @Nullable Duration duration(FieldReader t, String key, boolean required) {
    String text = t.text(key, required);
    if (text == null) {
      return null;
    }
    try {
      return DurationText.parse(text);
    } catch (IllegalArgumentException e) {
      t.problem(key, e.getMessage());
      return null;
    }
  }
}
