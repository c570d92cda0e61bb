package dev.slo.prometheus;

import dev.slo.core.model.Slo;
import dev.slo.core.window.DurationText;
import java.math.BigDecimal;

/**
 * The YAML text of a rule file shared by its sections: quoted scalars, numbers as PromQL prints
 * them, a recording rule and its label lines. Thread-safe; no state.
 */
final class RuleText {
  private RuleText() {}

  /** A YAML double-quoted scalar (JSON string escaping is valid YAML). */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A number without trailing zeros or an exponent: {@code 0.001}, {@code 14.4}. */
  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  /** One recording rule: its name, expression and label lines ({@link #labels}). */
  static void record(StringBuilder y, String name, String expr, String labels) {
    y.append("      - record: ").append(name).append('\n');
    y.append("        expr: ").append(quote(expr)).append('\n');
    y.append("        labels:\n").append(labels);
  }

  /** The label lines every rule of an SLO carries: {@code slo_id} and {@code service}. */
  static String labels(Slo slo) {
    return "          slo_id: "
        + quote(slo.sloId())
        + "\n          service: "
        + quote(slo.serviceName())
        + "\n";
  }

  /** Rules for different lengths of one calendar period differ in a {@code period} label. */
  static String periodLabel(RuleGenerator.PeriodVariant v) {
    return v.when() == null
        ? ""
        : "          period: " + quote(DurationText.format(v.length())) + "\n";
  }
}
