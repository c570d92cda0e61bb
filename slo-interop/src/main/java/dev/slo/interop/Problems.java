package dev.slo.interop;

import dev.slo.core.spec.SpecException;
import dev.slo.core.spec.SpecProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Errors and warnings found while reading or writing specs, each with file, line and the format's
 * own field path. Errors make a spec unusable; warnings say what was dropped or approximated. Not
 * thread-safe.
 */
public final class Problems {
  private final List<SpecProblem> errors = new ArrayList<>();
  private final List<SpecProblem> warnings = new ArrayList<>();

  /** Records an error. */
  public void error(String source, int line, String field, String message) {
    errors.add(new SpecProblem(source, line, field, message));
  }

  /** Records a warning: something dropped or approximated. */
  public void warn(String source, int line, String field, String message) {
    warnings.add(new SpecProblem(source, line, field, message));
  }

  /** Adds every problem of another collector. */
  public void addAll(Problems other) {
    errors.addAll(other.errors);
    warnings.addAll(other.warnings);
  }

  /** Adds the problems of a native spec that failed to parse. */
  public void addAll(SpecException e) {
    errors.addAll(e.problems());
  }

  /** The errors, by file then line. */
  public List<SpecProblem> errors() {
    return sorted(errors);
  }

  /** The warnings, by file then line. */
  public List<SpecProblem> warnings() {
    return sorted(warnings);
  }

  /** True when there is at least one error. */
  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  private static List<SpecProblem> sorted(List<SpecProblem> list) {
    List<SpecProblem> out = new ArrayList<>(list);
    out.sort(Comparator.comparing(SpecProblem::source).thenComparingInt(SpecProblem::line));
    return List.copyOf(out);
  }

  static SpecException fail(SpecProblem p) {
    return new SpecException(List.of(p));
  }
}
