package dev.slo.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** How far back each resolution of the SLI history is kept. Stateless. */
final class Retention {
  private Retention() {}

  /**
   * The oldest instants still held at each resolution, null when nothing was dropped.
   *
   * @param rawFrom raw rows are complete from here on
   * @param hourFrom hour buckets are complete from here on
   */
  record Bounds(@Nullable Instant rawFrom, @Nullable Instant hourFrom) {
    static final Bounds NONE = new Bounds(null, null);
  }

  /** Reads the bounds recorded by {@code slo db maintain} when it dropped partitions. */
  static Bounds read(Handle h) {
    Boolean exists =
        h.createQuery("SELECT to_regclass('slo_retention_state') IS NOT NULL")
            .mapTo(Boolean.class)
            .one();
    if (!exists) {
      return Bounds.NONE;
    }
    Instant[] b = new Instant[2];
    h.createQuery("SELECT resolution, kept_from FROM slo_retention_state")
        .map(
            (rs, ctx) -> {
              OffsetDateTime t = rs.getObject(2, OffsetDateTime.class);
              int i = "raw".equals(rs.getString(1)) ? 0 : "hour".equals(rs.getString(1)) ? 1 : -1;
              if (i >= 0 && t != null) {
                b[i] = t.toInstant();
              }
              return 1;
            })
        .list();
    return new Bounds(b[0], b[1]);
  }
}
