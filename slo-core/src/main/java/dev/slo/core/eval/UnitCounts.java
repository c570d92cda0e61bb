package dev.slo.core.eval;

import dev.slo.core.correction.CorrectedEventSource;
import dev.slo.core.correction.Intervals;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The counts one evaluation needs, read from the source in a single call: the elapsed period, each
 * burn-rate window ending at the evaluation instant, and the period as it stood at each hourly
 * forecast point. Occurrences count events.
 */
class UnitCounts {
  /** Hours back from the evaluation instant at which budget consumption is sampled (0 … 24). */
  static final int FORECAST_HOURS = StatusRules.FORECAST_HOURS;

  final Map<Window, @Nullable EventCounts> byWindow = new LinkedHashMap<>();
  final Window period;
  final Window elapsed;
  final Instant at;
  final Slo slo;
  private List<Window> forecastWindows = List.of(); // set by load()
  private List<Duration> windows = List.of(); // the burn windows read by load()
  private EventCounts[] windowCounts = new EventCounts[0]; // their counts, in that order

  /** The merged correction intervals whose events do not count. */
  Intervals cut = Intervals.NONE;

  /** The events of the elapsed period inside corrections. */
  EventCounts excluded = EventCounts.ZERO;

  UnitCounts(Slo slo, Window period, Instant at) {
    this.slo = slo;
    this.at = at;
    this.period = period;
    this.elapsed = new Window(period.start(), at);
  }

  /** Reads every window from the source at once. */
  UnitCounts load(EventSource source, List<Duration> windows) {
    forecastWindows = StatusRules.forecastWindows(slo.timePeriod(), period, at);
    byWindow.put(elapsed, null);
    for (Duration d : windows) {
      byWindow.put(Window.ending(at, d), null);
    }
    for (Window w : forecastWindows) {
      byWindow.put(w, null);
    }
    List<Window> keys = new ArrayList<>(byWindow.keySet());
    List<EventCounts> kept;
    if (cut.isEmpty()) {
      kept = source.counts(slo, keys);
    } else {
      List<CorrectedEventSource.Split> split = CorrectedEventSource.split(source, slo, keys, cut);
      kept = new ArrayList<>(split.size());
      for (CorrectedEventSource.Split x : split) {
        kept.add(x.kept());
      }
      if (!split.isEmpty()) {
        excluded = split.get(0).excluded();
      }
    }
    if (kept.size() != keys.size()) {
      throw new dev.slo.core.SourceException(
          "source answered " + kept.size() + " counts for " + keys.size() + " windows");
    }
    for (int i = 0; i < keys.size(); i++) {
      byWindow.put(keys.get(i), kept.get(i));
    }
    this.windows = windows;
    windowCounts = new EventCounts[windows.size()];
    for (int i = 0; i < windowCounts.length; i++) {
      windowCounts[i] = counted(Window.ending(at, windows.get(i)));
    }
    return this;
  }

  /** Timeslices excluded whole from the elapsed period; 0 for occurrences. */
  long excludedSlices() {
    return 0;
  }

  private EventCounts counted(Window w) {
    return Objects.requireNonNull(byWindow.get(w), "counts of a window that was read");
  }

  EventCounts period() {
    return counted(elapsed);
  }

  EventCounts window(Duration d) {
    int i = windows.indexOf(d);
    return i >= 0 ? windowCounts[i] : counted(Window.ending(at, d));
  }

  /** The number of forecast points: the hourly points back from {@code at} inside the period. */
  int forecastSize() {
    return forecastWindows.size();
  }

  /** Forecast point {@code i}'s instant, in seconds from {@code at} (zero or negative). */
  long forecastSeconds(int i) {
    // Duration.between(at, end).getSeconds() without the Duration
    Instant end = forecastWindows.get(i).end();
    long s = end.getEpochSecond() - at.getEpochSecond();
    return end.getNano() < at.getNano() ? s - 1 : s;
  }

  /** Units of the period as it stood at forecast point {@code i}. */
  EventCounts forecastUnits(int i) {
    return counted(forecastWindows.get(i));
  }
}
