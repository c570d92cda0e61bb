package dev.slo.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Partition upkeep of the SLI history: creates the partitions of the retention window and a few
 * ahead, moves rows out of the default partitions, and drops partitions that lie wholly before the
 * retention of their resolution (never deleting stored rows one by one, except stray rows of a
 * default partition). Idempotent: a second run at the same instant changes nothing. Stateless; runs
 * in the caller's transaction.
 */
final class Maintenance {
  /** Advisory-lock namespace of partition changes (first key of the two-key form). */
  static final int LOCK_NAMESPACE = 0x510_0002;

  private Maintenance() {}

  /** How long each resolution is kept. */
  record Policy(Duration raw, Duration hour, Duration day) {
    Duration keep(Partitions.Table t) {
      return switch (t) {
        case RAW -> raw;
        case HOUR -> hour;
        case DAY -> day;
      };
    }
  }

  /** What one run did, and who kept the partitions (pg_partman or the store's own DDL). */
  record Report(
      List<String> created, List<String> dropped, long strayRowsDropped, String partitioner) {}

  static Policy policy(Handle h) {
    Map<String, Duration> m = new java.util.HashMap<>();
    h.createQuery(
            "SELECT resolution, CAST(extract(epoch FROM keep) AS bigint) FROM slo_retention_policy")
        .map((rs, ctx) -> m.put(rs.getString(1), Duration.ofSeconds(rs.getLong(2))))
        .list();
    return new Policy(m.get("raw"), m.get("hour"), m.get("day"));
  }

  static void setPolicy(Handle h, Policy p) {
    for (Partitions.Table t : Partitions.Table.values()) {
      h.createUpdate(
              "UPDATE slo_retention_policy SET keep = make_interval(secs => :s) WHERE resolution = :r")
          .bind("s", p.keep(t).toSeconds())
          .bind("r", resolution(t))
          .execute();
    }
  }

  static String resolution(Partitions.Table t) {
    return switch (t) {
      case RAW -> "raw";
      case HOUR -> "hour";
      case DAY -> "day";
    };
  }

  /**
   * The first instant kept of {@code t} at {@code now}: the start of the partition holding now -
   * keep.
   */
  static Instant cutoff(Partitions.Table t, Policy p, Instant now) {
    LocalDate d = LocalDate.ofInstant(now.minus(p.keep(t)), ZoneOffset.UTC);
    return t.floor(d).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Creates partitions from the cutoff to {@code ahead} past now, for writes to land in. */
  static List<String> premake(Handle h, Policy p, Instant now, Duration ahead) {
    lock(h);
    List<String> created = new ArrayList<>();
    for (Partitions.Table t : Partitions.Table.values()) {
      if (Partitions.isPartitioned(h, t)) {
        created.addAll(Partitions.ensure(h, t, cutoff(t, p, now), now.plus(ahead)));
      }
    }
    return created;
  }

  /** Serializes partition changes between processes until the transaction ends. */
  private static void lock(Handle h) {
    h.createQuery("SELECT pg_advisory_xact_lock(:ns, 0)")
        .bind("ns", LOCK_NAMESPACE)
        .map((rs, ctx) -> 1)
        .one();
  }

  private static List<String> names(Handle h, Partitions.Table t) {
    List<String> out = new ArrayList<>();
    for (Partitions.Part part : Partitions.list(h, t)) {
      out.add(part.name());
    }
    return out;
  }

  // sli_metrics_ts_p2026_11_30 was sli_metrics_ts_p20261130 before the handover
  private static boolean renamed(List<String> before, String name) {
    return before.contains(
        name.substring(0, name.lastIndexOf("_p") + 2)
            + name.substring(name.lastIndexOf("_p") + 2).replace("_", ""));
  }

  static Report run(Handle h, Policy p, Instant now, Duration ahead, JdbcStore.Partitioner wanted) {
    lock(h);
    Partman.Choice choice = Partman.choose(h, wanted);
    if (Migrations.isHypertable(h)) {
      choice = new Partman.Choice(false, Timescale.apply(h, p.raw()));
    }
    List<String> created = new ArrayList<>();
    if (!choice.partman()) {
      created.addAll(premake(h, p, now, ahead));
    }
    List<String> dropped = new ArrayList<>();
    long stray = 0;
    Map<Partitions.Table, Instant> kept = new EnumMap<>(Partitions.Table.class);
    for (Partitions.Table t : Partitions.Table.values()) {
      if (!Partitions.isPartitioned(h, t)) {
        continue;
      }
      Instant cut = cutoff(t, p, now);
      String def = t.name + "_default";
      // rows parked in the default partition: expired ones go, the others get their partition
      long expired =
          h.createUpdate("DELETE FROM " + def + " WHERE " + t.column + " < :c")
              .bind("c", JdbcSloRepository.utc(cut))
              .execute();
      stray += expired;
      Instant[] range =
          h.createQuery("SELECT min(" + t.column + "), max(" + t.column + ") FROM " + def)
              .map(
                  (rs, ctx) ->
                      rs.getTimestamp(1) == null
                          ? null
                          : new Instant[] {
                            rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()
                          })
              .one();
      if (range != null) {
        created.addAll(Partitions.ensure(h, t, range[0], range[1]));
      }
      List<String> gone = new ArrayList<>();
      if (choice.partman()) {
        String schema = Partman.schema(h);
        List<String> before = names(h, t);
        Partman.handOver(h, schema, t, cut);
        Partman.Done done = Partman.run(h, schema, t, p.keep(t), cut, now, ahead);
        gone.addAll(done.dropped());
        // what pg_partman made, at the handover too (renamed partitions are not new)
        List<String> made = names(h, t);
        made.removeAll(before);
        made.removeIf(n -> before.contains(n) || renamed(before, n));
        created.addAll(made);
      } else {
        for (Partitions.Part part : Partitions.list(h, t)) {
          if (!part.to().isAfter(cut)) {
            h.execute("DROP TABLE " + part.name());
            gone.add(part.name());
          }
        }
      }
      dropped.addAll(gone);
      if (!gone.isEmpty() || expired > 0) {
        kept.put(t, cut);
      }
    }
    for (Map.Entry<Partitions.Table, Instant> e : kept.entrySet()) {
      h.createUpdate(
              "INSERT INTO slo_retention_state (resolution, kept_from) VALUES (:r, :k)"
                  + " ON CONFLICT (resolution) DO UPDATE SET kept_from ="
                  + " greatest(slo_retention_state.kept_from, excluded.kept_from)")
          .bind("r", resolution(e.getKey()))
          .bind("k", JdbcSloRepository.utc(e.getValue()))
          .execute();
    }
    return new Report(created, dropped, stray, choice.description());
  }
}
