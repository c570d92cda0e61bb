package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.composite.CompositeEvaluator;
import dev.slo.core.correction.Corrections;
import dev.slo.core.data.DataSet;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.group.Groups;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.spec.Spec;
import dev.slo.core.window.InstantRange;
import dev.slo.interop.io.DataFiles;
import dev.slo.interop.io.DataPrefetch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The inputs shared by {@code eval}, {@code check} and {@code report}: spec, source, instant and
 * selection.
 */
public final class Inputs {
  @Option(
      names = "--spec",
      paramLabel = "FILE|DIR",
      description =
          "Spec file or directory (YAML or JSON): ours, OpenSLO, Sloth or Pyrra, mixed;"
              + " repeatable.")
  List<Path> spec;

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec mixee;

  /** Where spec warnings go when picocli did not build the command ({@link QuickStart}). */
  @Nullable PrintWriter err;

  private @Nullable DataPrefetch ahead;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description =
          "Event data: CSV with header timestamp,slo_id,good_events,total_events, or JSON Lines"
              + " with the same keys. The embedded default source.")
  @Nullable Path data;

  @Option(
      names = "--at",
      paramLabel = "T",
      description =
          "Evaluation instant: ISO-8601 with offset (2026-11-01T00:00:00Z) or epoch seconds."
              + " Default: now.")
  @Nullable String at;

  @Option(
      names = "--slo",
      paramLabel = "ID",
      description = "Evaluate only this SLO; repeat for several. Default: every enabled SLO.")
  List<String> slo = new ArrayList<>();

  /** True when {@code --at} was given. */
  public boolean hasInstant() {
    return at != null;
  }

  /** The parsed spec; a data file given alone is read meanwhile, for {@link #source}. */
  public Spec loadSpec() {
    if (spec == null) {
      if (jdbc.given()) {
        return new Spec("the database", jdbc.store().slos().list(dev.slo.core.store.SloFilter.ALL));
      }
      throw new InvalidInputException(
          "Missing required option: '--spec=FILE' (it may be left out only with --jdbc)");
    }
    if (data != null && !prometheus.given() && !jdbc.given()) {
      ahead = DataPrefetch.start(data);
    }
    return SpecFiles.load(spec, err != null || mixee == null ? err : mixee.commandLine().getErr());
  }

  /** The enabled SLOs selected by {@code --slo}, in spec order. */
  public List<Slo> select(Spec s) {
    try {
      return s.select(slo);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--slo " + e.getMessage(), e);
    }
  }

  /**
   * Evaluates the selected SLOs at the instant and closes the store: every grouped SLO replaced by
   * its groups ({@link Groups}, max_groups warnings on {@code err}; only the groups named by {@code
   * --slo} when it names groups), composites with components from the whole spec, corrections of
   * the spec and the store applied.
   */
  public List<Evaluation> evaluate(Clock clock, PrintWriter err) {
    try {
      Spec s = loadSpec();
      List<Slo> slos = select(s);
      Instant at = instant(clock);
      Corrections corrections = corrections(s);
      Evaluator evaluator = new Evaluator(corrections);
      EventSource source;
      if (slos.stream().noneMatch(Slo::isGroupTemplate)) {
        source = source(s, evaluator, slos, at, err);
      } else {
        EventSource discovery = storeOnly() ? jdbc.store().eventSource() : source(s, err);
        Groups.Expanded e = Groups.expandAllAt(slos, discovery, at);
        e.warnings().forEach(w -> err.println("slo: warning: " + Printable.escape(w)));
        slos = e.only(slo).slos();
        source = storeOnly() ? source(s, evaluator, slos, at, err) : discovery;
      }
      // a composite's components are read through the same source, prefetched or not
      return new CompositeEvaluator(evaluator, corrections).evaluateAll(slos, s.slos(), source, at);
    } finally {
      close();
    }
  }

  private boolean storeOnly() {
    return jdbc.given() && data == null && !prometheus.given();
  }

  /** The evaluation instant. */
  public Instant instant(Clock clock) {
    if (at == null || at.strip().equalsIgnoreCase("now")) {
      return clock.instant();
    }
    if (at.isBlank()) {
      throw new InvalidInputException(
          "--at \"\": empty; give an instant such as 2026-11-01T00:00:00Z or epoch seconds, or"
              + " leave --at out for now");
    }
    try {
      return InstantRange.parse(at);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--at " + Printable.cut(at) + ": " + e.getMessage(), e);
    }
  }

  @picocli.CommandLine.Mixin PrometheusOptions prometheus = new PrometheusOptions();

  @picocli.CommandLine.Mixin JdbcOptions jdbc = new JdbcOptions();

  /** The spec's corrections, and with {@code --jdbc} those stored in the database too. */
  public Corrections corrections(Spec s) {
    return jdbc.given() ? s.corrections().plus(jdbc.store().corrections().list()) : s.corrections();
  }

  /** Closes the database store, if one was opened. */
  public void close() {
    jdbc.close();
  }

  /**
   * As {@link #source(Spec, PrintWriter)} for one evaluation of {@code slos} at {@code at} by
   * {@code evaluator}: the store reads every window of every SLO up front, and says on {@code err}
   * where it read rollups because raw rows had expired.
   */
  public EventSource source(
      Spec s, Evaluator evaluator, List<Slo> slos, Instant at, PrintWriter err) {
    if (storeOnly()) {
      List<String> notes = new ArrayList<>();
      EventSource source = jdbc.store().eventSource(evaluator, slos, at, notes);
      for (String note : notes) {
        err.println("slo: note: " + note);
      }
      return source;
    }
    return source(s, err);
  }

  /** Opens the one source given; warnings go to {@code err}. */
  public EventSource source(Spec s, PrintWriter err) {
    int sources = (data != null ? 1 : 0) + (prometheus.given() ? 1 : 0) + (jdbc.given() ? 1 : 0);
    if (sources > 1) {
      throw new InvalidInputException(
          "give one source: --data FILE, --prometheus URL or --jdbc URL, not several");
    }
    if (prometheus.given()) {
      return prometheus.source(s.slos());
    }
    if (jdbc.given()) {
      return jdbc.store().eventSource();
    }
    if (data == null) {
      throw new InvalidInputException(
          "no source given: use --data FILE, --prometheus URL or --jdbc URL");
    }
    DataSet set = ahead != null ? ahead.read(s.slos()) : DataFiles.read(data, s.slos());
    ahead = null;
    set.warnings().forEach(w -> err.println("slo: warning: " + Printable.escape(w)));
    return set.source();
  }
}
