package dev.slo.core;

import org.jspecify.annotations.Nullable;

/**
 * A value that breaks a rule of the model: the field it was given for, the bad value, and the
 * reason. Every model type throws it from its constructor or builder, so a spec file, the REST API
 * and code that builds SLOs directly refuse the same things with the same messages. The message
 * leads with the value: {@code "1.2" is not a valid target_percentage: use 0 < target < 100}.
 */
public class ValidationException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final @Nullable String value;

  /**
   * An exception for {@code field} holding {@code value}.
   *
   * @param field the snake_case field name, e.g. {@code target_percentage}
   * @param value the bad value as text (cut to 80 characters and escaped in the message), or null
   *     when missing
   * @param reason what a valid value looks like
   */
  public ValidationException(String field, @Nullable Object value, String reason) {
    this(field, value == null ? null : String.valueOf(value), message(field, value, reason), 0);
  }

  private ValidationException(String field, @Nullable String value, String message, int unused) {
    super(message);
    this.field = field;
    this.value = value;
  }

  /**
   * An exception about {@code field} whose message is {@code message} as given, for rules that
   * concern several fields (e.g. "give exactly one of good_counter and bad_counter").
   */
  public static ValidationException withMessage(
      String field, @Nullable Object value, String message) {
    return new ValidationException(field, value == null ? null : String.valueOf(value), message, 0);
  }

  /** A missing required field: {@code "target_percentage is required"}. */
  public static ValidationException required(String field) {
    return new ValidationException(field, null, "");
  }

  /** The snake_case name of the field holding the bad value. */
  public String field() {
    return field;
  }

  /** The bad value as text; null when the field was missing. */
  public @Nullable String value() {
    return value;
  }

  private static String message(String field, @Nullable Object value, String reason) {
    if (value == null) {
      return field + " is required" + (reason.isEmpty() ? "" : ": " + reason);
    }
    String text = String.valueOf(value);
    String shown = value instanceof CharSequence ? Printable.quote(text) : Printable.cut(text);
    return shown + " is not a valid " + field + (reason.isEmpty() ? "" : ": " + reason);
  }
}
