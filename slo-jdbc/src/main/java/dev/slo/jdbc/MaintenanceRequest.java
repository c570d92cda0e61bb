package dev.slo.jdbc;

import dev.slo.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A run of {@link JdbcStore#maintain} as people ask for it, in text: retentions to store ({@code
 * 35d}, {@code 400d}, {@code 5y}; null keeps the stored one), how far ahead to create partitions
 * and who keeps them ({@code auto}, {@code pg_partman} or {@code builtin}). Immutable; every value
 * is checked at construction, in the order of the components, so nothing is stored unless all are
 * good.
 *
 * @param raw how long raw rows are kept, or null to keep the stored retention
 * @param hourly how long hour buckets are kept, or null to keep the stored retention
 * @param daily how long day buckets are kept, or null to keep the stored retention
 * @param ahead how far past now partitions are created, a positive duration
 * @param partitioner the keeper of the partitions
 */
public record MaintenanceRequest(
    @Nullable Duration raw,
    @Nullable Duration hourly,
    @Nullable Duration daily,
    Duration ahead,
    JdbcStore.Partitioner partitioner) {

  /**
   * A request from text.
   *
   * @throws ValidationException for {@code raw_retention}, {@code hourly_retention}, {@code
   *     daily_retention}, {@code ahead} (not a duration: {@code "35x: not a duration; use for
   *     example 35d, 400d or 5y"}) or {@code partitioner} ({@code "x: not one of auto, pg_partman,
   *     builtin"}), the first bad one in that order
   */
  public static MaintenanceRequest of(
      @Nullable String raw,
      @Nullable String hourly,
      @Nullable String daily,
      String ahead,
      String partitioner) {
    return new MaintenanceRequest(
        retention("raw_retention", raw),
        retention("hourly_retention", hourly),
        retention("daily_retention", daily),
        renamed("ahead", () -> JdbcStore.RetentionPolicy.parse(ahead)),
        renamed("partitioner", () -> JdbcStore.Partitioner.of(partitioner)));
  }

  /**
   * Runs the request against {@code store}: any retention given is stored (the others kept), then
   * the partitions are maintained at {@code now}.
   */
  public JdbcStore.MaintenanceReport run(JdbcStore store, Instant now) {
    JdbcStore.RetentionPolicy policy = null;
    if (raw != null || hourly != null || daily != null) {
      JdbcStore.RetentionPolicy stored = store.retentionPolicy();
      policy =
          new JdbcStore.RetentionPolicy(
              raw == null ? stored.raw() : raw,
              hourly == null ? stored.hourly() : hourly,
              daily == null ? stored.daily() : daily);
    }
    return store.maintain(now, policy, ahead, partitioner);
  }

  private static @Nullable Duration retention(String field, @Nullable String text) {
    return text == null ? null : renamed(field, () -> JdbcStore.RetentionPolicy.parse(text));
  }

  /** The value, or the parser's refusal with {@code field} as its field and the same message. */
  private static <T> T renamed(String field, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ValidationException e) {
      throw ValidationException.withMessage(field, e.value(), String.valueOf(e.getMessage()));
    }
  }
}
