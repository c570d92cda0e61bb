package dev.slo.core.spec;

import dev.slo.core.InvalidInputException;
import java.util.List;

/** A spec with one or more problems; the message is the first, {@link #problems()} has all. */
public class SpecException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final transient List<SpecProblem> problems;

  /** An exception listing every problem found, in document order. */
  public SpecException(List<SpecProblem> problems) {
    super(
        problems.get(0).toString()
            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in document order. */
  public List<SpecProblem> problems() {
    return problems;
  }
}
