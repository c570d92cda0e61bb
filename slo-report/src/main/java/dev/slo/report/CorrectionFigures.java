package dev.slo.report;

import dev.slo.core.correction.Corrections;
import dev.slo.core.correction.Exclusion;
import dev.slo.core.correction.Intervals;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.window.DurationText;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What corrections removed from an SLO's period, in words and as chart bands. */
final class CorrectionFigures {
  private CorrectionFigures() {}

  /** One sentence for the whole period, then one per correction; empty without corrections. */
  static List<String> lines(Evaluation e) {
    Exclusion x = e.exclusion();
    List<String> out = new ArrayList<>();
    if (x.isEmpty()) {
      return out;
    }
    out.add(
        "Removed "
            + x.events().total()
            + " events ("
            + x.events().bad()
            + " bad)"
            + (x.slices() > 0 ? " in " + x.slices() + " excluded slices" : "")
            + " over "
            + DurationText.format(x.correctedDuration())
            + " of corrected time.");
    for (Corrections.Applied a : x.applied()) {
      out.add(
          a.correction().id()
              + " ("
              + a.correction().category().label()
              + (a.correction().recurrence() == null
                  ? ""
                  : ", " + a.correction().recurrence().text() + " in " + a.correction().timeZone())
              + "): "
              + a.occurrences()
              + (a.occurrences() == 1 ? " occurrence, " : " occurrences, ")
              + DurationText.format(a.duration())
              + (a.correction().description().isBlank()
                  ? ""
                  : " - " + a.correction().description()));
    }
    return out;
  }

  /** The merged corrected intervals between the period's start and {@code to}, for shading. */
  static List<Window> shaded(Evaluation e, Instant to) {
    if (e.exclusion().isEmpty() || !e.period().start().isBefore(to)) {
      return List.of();
    }
    Window range = new Window(e.period().start(), to);
    List<Window> all = new ArrayList<>();
    for (Corrections.Applied a : e.exclusion().applied()) {
      all.addAll(a.correction().occurrences(range));
    }
    return Intervals.union(all).within(range);
  }
}
