package dev.slo.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** How far back each resolution of the SLI history is kept. Stateless. */
final class Retention {
  private Retention() {}

  /**
   * The oldest instants still held at each resolution, null when nothing was dropped.
   *
   * @param rawFrom raw rows are complete from here on
   * @param hourFrom hour buckets are complete from here on
   */
  record Bounds(Instant rawFrom, Instant hourFrom) {
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
    // pg_partman's own scheduler (run_maintenance_proc, its background worker) may drop expired
    // partitions between two runs of slo db maintain, which alone records kept_from: for tables it
    // keeps, nothing before the oldest partition is read from them (the rollups answer there)
    String partman = Partman.schema(h);
    if (partman != null && Partman.registered(h, partman)) {
      b[0] = later(b[0], oldest(h, Partitions.Table.RAW));
      b[1] = later(b[1], oldest(h, Partitions.Table.HOUR));
    }
    return new Bounds(b[0], b[1]);
  }

  private static Instant oldest(Handle h, Partitions.Table t) {
    List<Partitions.Part> parts = Partitions.list(h, t);
    return parts.isEmpty() ? null : parts.get(0).from();
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
