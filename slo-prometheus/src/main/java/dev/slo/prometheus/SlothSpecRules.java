package dev.slo.prometheus;

import dev.slo.core.model.Slo;
import dev.slo.interop.Loaded;
import dev.slo.interop.SlothAlerting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sloth-compatible rules ({@link SlothRules}) for SLOs read from specs of any format: which SLOs
 * Sloth can express, and a Sloth file's own alerting settings carried over. Thread-safe; no state.
 */
public final class SlothSpecRules {
  private SlothSpecRules() {}

  /**
   * The rule file for the enabled SLOs among {@code loaded} that Sloth can express: those with a
   * Prometheus SLI and a rolling period. Each SLO left out gets one warning on {@code warnings},
   * naming it and why. SLOs read from a Sloth file keep its service, names, labels, alert settings
   * and window pairs; the others get Sloth's defaults.
   */
  public static String generate(List<Loaded> loaded, Consumer<String> warnings) {
    List<Slo> slos = new ArrayList<>();
    Map<String, SlothRules.Settings> settings = new LinkedHashMap<>();
    for (Loaded l : loaded) {
      Slo slo = l.slo();
      if (!slo.enabled()) {
        continue;
      }
      if (!RuleGenerator.hasPrometheusSli(slo)) {
        warnings.accept(slo.sloId() + ": skipped, no Prometheus SLI");
        continue;
      }
      if (slo.timePeriod().isCalendar()) {
        warnings.accept(
            slo.sloId()
                + ": skipped, "
                + slo.timePeriod().name()
                + " has no Sloth equivalent (Sloth periods are rolling)");
        continue;
      }
      slos.add(slo);
      SlothAlerting a = l.sloth();
      if (a != null) {
        settings.put(slo.sloId(), settings(slo, a));
      }
    }
    return SlothRules.generate(slos, settings);
  }

  private static SlothRules.Settings settings(Slo slo, SlothAlerting a) {
    return new SlothRules.Settings(
        slo.sloId(),
        a.service(),
        a.name(),
        a.labels(),
        a.alertName(),
        a.alertLabels(),
        a.alertAnnotations(),
        a.pageLabels(),
        a.ticketLabels(),
        a.pageDisabled(),
        a.ticketDisabled(),
        a.windows().stream()
            .map(
                w ->
                    new SlothRules.WindowPair(
                        w.severity(),
                        w.shortWindow(),
                        w.longWindow(),
                        w.errorBudgetPercent().movePointLeft(2).toPlainString()))
            .toList());
  }
}
