package dev.slo.core.spec;

import dev.slo.core.Printable;

/**
 * One problem in a spec: where it is and what is wrong.
 *
 * @param source the file name (or another label) the spec came from
 * @param line 1-based line, 0 when unknown
 * @param field the path of the field, e.g. {@code slos[2].target_percentage}, or empty
 * @param message what is wrong, leading with the bad value
 */
public record SpecProblem(String source, int line, String field, String message) {
  /**
   * Escapes control characters everywhere (a key or file name may hold them) and cuts the field.
   */
  public SpecProblem {
    source = Printable.escape(source);
    field = field == null ? "" : Printable.cut(field);
    message = Printable.escape(message);
  }

  /** {@code source:line: field: message}. */
  @Override
  public String toString() {
    return source + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + message;
  }
}
