package dev.slo.report.status;

import dev.slo.core.ValidationException;
import dev.slo.core.correction.Correction;
import dev.slo.core.json.StatusJson;
import dev.slo.core.spec.CorrectionFields;
import java.util.List;

/**
 * Stored budget corrections as {@code slo corrections list} prints them: one line per correction
 * ({@link CorrectionFields#line}), or one JSON array ({@link CorrectionFields#json(List)}).
 * Thread-safe; no state.
 */
public final class CorrectionsText {
  /** The output formats. */
  public enum Format {
    /** One line per correction, fields separated by two spaces; a sentence when there are none. */
    TABLE,
    /** One line: a JSON array of the corrections' fields. */
    JSON;

    /**
     * The format named {@code text}, exactly {@code table} or {@code json}.
     *
     * @throws ValidationException for {@code format}: {@code xml: use table or json}
     */
    public static Format of(String text) {
      return switch (text) {
        case "table" -> TABLE;
        case "json" -> JSON;
        default ->
            throw ValidationException.withMessage("format", text, text + ": use table or json");
      };
    }
  }

  private CorrectionsText() {}

  /**
   * The corrections in {@code format}, in the given order, each line ended by {@code \n}; a table
   * of none is {@code No corrections stored.}, JSON of none is {@code []}.
   */
  public static String render(List<Correction> corrections, Format format) {
    if (format == Format.JSON) {
      return StatusJson.line(CorrectionFields.json(corrections)) + "\n";
    }
    if (corrections.isEmpty()) {
      return "No corrections stored.\n";
    }
    StringBuilder sb = new StringBuilder();
    corrections.forEach(c -> sb.append(CorrectionFields.line(c)).append('\n'));
    return sb.toString();
  }
}
