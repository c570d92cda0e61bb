package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.ValidationException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one place where a library's refusal gets the flag in front: the libraries name a bad value's
 * field ({@code max_connections}, {@code raw_retention}) and lead their message with the value; the
 * flag is the field with dashes ({@code --max-connections 0: use at least 1}).
 */
final class FlagNames {
  private FlagNames() {}

  /** Runs {@code action}; a {@link ValidationException} gets its field's flag in front. */
  static <T> T named(Supplier<T> action) {
    return named(Map.of(), action);
  }

  /**
   * Runs {@code action}; a {@link ValidationException} gets the flag {@code flags} gives its field,
   * else the field with dashes, in front.
   */
  static <T> T named(Map<String, String> flags, Supplier<T> action) {
    try {
      return action.get();
    } catch (ValidationException e) {
      throw new InvalidInputException(
          flags(List.of(e.field()), flags).get(e.field()) + " " + e.getMessage(), e);
    }
  }

  /**
   * The flag of each of {@code fields}: the one {@code flags} gives it, else the field with dashes.
   */
  static Map<String, String> flags(Collection<String> fields, Map<String, String> flags) {
    Map<String, String> named = new HashMap<>();
    fields.forEach(f -> named.put(f, flags.getOrDefault(f, "--" + f.replace('_', '-'))));
    return named;
  }
}
