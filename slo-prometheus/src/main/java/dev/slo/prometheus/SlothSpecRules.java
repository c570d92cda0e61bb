package dev.slo.prometheus;

import dev.slo.core.ValidationException;
import dev.slo.core.model.Slo;
import dev.slo.interop.Loaded;
import dev.slo.interop.SlothAlerting;
import dev.slo.interop.SpecLoader;
import java.nio.file.Path;
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
   * Refuses a compatibility flavour other than {@code sloth} (any case, surrounding white space
   * ignored), the one these rules follow.
   *
   * @return {@code sloth}
   * @throws ValidationException for {@code compat}: {@code flux: not a known flavour; use sloth}
   */
  public static String requireFlavour(String flavour) {
    if (!"sloth".equalsIgnoreCase(flavour.trim())) {
      throw ValidationException.withMessage(
          "compat", flavour, flavour + ": not a known flavour; use sloth");
    }
    return "sloth";
  }

  /**
   * As {@link #generate(List, Consumer)} for the specs in {@code paths} (files or directories, any
   * supported format, mixed; see {@link SpecLoader}): their warnings go to {@code warnings} first.
   *
   * @throws dev.slo.core.spec.SpecException listing every error of the specs
   * @throws dev.slo.core.InvalidInputException for a missing or unreadable path
   */
  public static String fromFiles(List<Path> paths, Consumer<String> warnings) {
    SpecLoader.Result r = SpecLoader.load(paths);
    r.problems().warnings().forEach(w -> warnings.accept(w.toString()));
    r.spec(String.valueOf(paths)); // throws on errors
    return generate(r.loaded(), warnings);
  }

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
