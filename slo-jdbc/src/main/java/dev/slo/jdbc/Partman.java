package dev.slo.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Partition upkeep by pg_partman 4.x (Debian {@code postgresql-15-partman}): the store's three
 * partitioned tables are registered with {@code create_parent(..., 'native', ...)} and from then on
 * pg_partman creates their partitions ({@code create_partition_time}) and drops the expired ones
 * ({@code drop_partition_time}); its own {@code run_maintenance} keeps working for a DBA who runs
 * it from cron or its background worker. Partition names follow pg_partman's ({@code
 * sli_metrics_ts_p2026_11_30}), so both managers recognise each other's partitions. Stateless; runs
 * in the caller's transaction.
 */
final class Partman {
  private Partman() {}

  /** Which manager keeps the partitions, and why. */
  record Choice(boolean partman, String description) {}

  /** What one run of pg_partman did to a table. */
  record Done(List<String> created, List<String> dropped) {}

  /** The schema pg_partman is installed in, null when it is not installed in this database. */
  static String schema(Handle h) {
    return h.createQuery(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                + " WHERE e.extname = 'pg_partman'")
        .mapTo(String.class)
        .findOne()
        .orElse(null);
  }

  static String version(Handle h) {
    return h.createQuery("SELECT extversion FROM pg_extension WHERE extname = 'pg_partman'")
        .mapTo(String.class)
        .findOne()
        .orElse("?");
  }

  static boolean available(Handle h) {
    return h.createQuery(
            "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_partman')")
        .mapTo(Boolean.class)
        .one();
  }

  /**
   * Decides who keeps the partitions. {@code AUTO} uses pg_partman when it is installed in the
   * database and the store's DDL otherwise (it never installs an extension by itself); {@code
   * PG_PARTMAN} also installs it (schema {@code partman}, which needs a superuser) when the server
   * has it; {@code BUILTIN} keeps the store's own DDL unless the tables were already handed to
   * pg_partman.
   */
  static Choice choose(Handle h, JdbcStore.Partitioner wanted) {
    if (Migrations.isHypertable(h)) {
      return new Choice(false, "TimescaleDB hypertable (chunks are kept by TimescaleDB)");
    }
    String schema = schema(h);
    if (schema != null && (wanted != JdbcStore.Partitioner.BUILTIN || registered(h, schema))) {
      return new Choice(true, "pg_partman " + version(h) + " (schema " + schema + ")");
    }
    if (wanted == JdbcStore.Partitioner.BUILTIN) {
      return new Choice(false, "built-in DDL (asked for)");
    }
    if (!available(h)) {
      return new Choice(false, "built-in DDL: pg_partman is not available on this server");
    }
    if (wanted == JdbcStore.Partitioner.AUTO) {
      return new Choice(
          false,
          "built-in DDL: pg_partman is available on this server but not installed in this"
              + " database (--partitioner pg_partman installs it, as a superuser)");
    }
    h.execute("SAVEPOINT slo_partman");
    try {
      h.execute("CREATE SCHEMA IF NOT EXISTS partman");
      h.execute("CREATE EXTENSION IF NOT EXISTS pg_partman SCHEMA partman");
      h.execute("RELEASE SAVEPOINT slo_partman");
      return new Choice(true, "pg_partman " + version(h) + " (schema partman, created now)");
    } catch (RuntimeException e) {
      h.execute("ROLLBACK TO SAVEPOINT slo_partman");
      return new Choice(
          false,
          "built-in DDL: pg_partman could not be created ("
              + Failures.firstLine(e.getMessage())
                  .replace("org.postgresql.util.PSQLException: ", "")
              + "); a superuser runs CREATE SCHEMA partman; CREATE EXTENSION pg_partman SCHEMA"
              + " partman");
    }
  }

  /** Who keeps the partitions now, without installing or handing over anything. */
  static String current(Handle h) {
    if (Migrations.isHypertable(h)) {
      return "TimescaleDB hypertable (chunks are kept by TimescaleDB)";
    }
    String schema = schema(h);
    if (schema != null && registered(h, schema)) {
      return "pg_partman " + version(h) + " (schema " + schema + ")";
    }
    return "built-in DDL"
        + (schema != null
            ? " (pg_partman " + version(h) + " is installed: the next slo db maintain hands over)"
            : available(h)
                ? " (pg_partman is available: slo db maintain --partitioner pg_partman installs it"
                    + " and hands over)"
                : "");
  }

  /** True when this schema's raw table is registered in pg_partman's configuration. */
  static boolean registered(Handle h, String schema) {
    return h.createQuery(
            "SELECT EXISTS (SELECT 1 FROM "
                + quote(schema)
                + ".part_config WHERE parent_table = current_schema() || '.' || :t)")
        .bind("t", Partitions.Table.RAW.name)
        .mapTo(Boolean.class)
        .one();
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String interval(Partitions.Table t) {
    return switch (t) {
      case RAW -> "daily";
      case HOUR -> "monthly";
      case DAY -> "yearly";
    };
  }

  /**
   * Hands {@code t} to pg_partman when it is not registered yet: renames partitions to its naming,
   * replaces the (empty) default partition by the one pg_partman makes, and calls {@code
   * create_parent} starting at the oldest partition.
   *
   * @return true when the table was handed over now
   */
  static boolean handOver(Handle h, String schema, Partitions.Table t, Instant start) {
    String s = quote(schema);
    boolean known =
        h.createQuery(
                "SELECT EXISTS (SELECT 1 FROM "
                    + s
                    + ".part_config WHERE parent_table = current_schema() || '.' || :t)")
            .bind("t", t.name)
            .mapTo(Boolean.class)
            .one();
    if (known) {
      return false;
    }
    for (Partitions.Part p : Partitions.list(h, t)) {
      String name = t.partition(LocalDate.ofInstant(p.from(), ZoneOffset.UTC));
      if (!name.equals(p.name())) {
        h.execute("ALTER TABLE " + p.name() + " RENAME TO " + name);
      }
    }
    long parked =
        h.createQuery("SELECT count(*) FROM " + t.name + "_default").mapTo(Long.class).one();
    if (parked > 0) {
      throw new IllegalStateException(
          t.name + "_default holds " + parked + " rows; they are filed before the handover");
    }
    h.execute("DROP TABLE " + t.name + "_default");
    Instant first =
        Partitions.list(h, t).stream().map(Partitions.Part::from).findFirst().orElse(start);
    h.createQuery(
            "SELECT "
                + s
                + ".create_parent(current_schema() || '.' || :t, :c, 'native', :i, p_premake => 4,"
                + " p_start_partition => :st, p_jobmon => false)")
        .bind("t", t.name)
        .bind("c", t == Partitions.Table.RAW ? "timestamp" : "bucket")
        .bind("i", interval(t))
        .bind("st", first.toString())
        .map((rs, ctx) -> 1)
        .one();
    // pg_partman 4.7 makes the default partition only when create_parent made a partition
    h.execute(
        "CREATE TABLE IF NOT EXISTS "
            + t.name
            + "_default PARTITION OF "
            + t.name
            + " DEFAULT WITH (autovacuum_enabled = true)");
    return true;
  }

  /**
   * Stores the retention in pg_partman's configuration, lets it create the partitions of {@code
   * [cutoff, now + ahead]} and drop those ending at or before {@code cutoff}.
   *
   * @return the partitions created and dropped
   */
  static Done run(
      Handle h,
      String schema,
      Partitions.Table t,
      Duration keep,
      Instant cutoff,
      Instant now,
      Duration ahead) {
    String s = quote(schema);
    h.createUpdate(
            "UPDATE "
                + s
                + ".part_config SET retention = make_interval(secs => :k)::text,"
                + " retention_keep_table = false, infinite_time_partitions = true"
                + " WHERE parent_table = current_schema() || '.' || :t")
        .bind("k", keep.toSeconds())
        .bind("t", t.name)
        .execute();
    List<Instant> missing = new ArrayList<>();
    List<String> created = new ArrayList<>();
    List<Partitions.Part> existing = Partitions.list(h, t);
    LocalDate d = t.floor(LocalDate.ofInstant(cutoff, ZoneOffset.UTC));
    LocalDate last = LocalDate.ofInstant(now.plus(ahead), ZoneOffset.UTC);
    for (; !d.isAfter(last); d = t.next(d)) {
      Instant lo = d.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant hi = t.next(d).atStartOfDay(ZoneOffset.UTC).toInstant();
      if (existing.stream().noneMatch(p -> p.from().isBefore(hi) && lo.isBefore(p.to()))) {
        missing.add(lo);
        created.add(t.partition(d));
      }
    }
    if (!missing.isEmpty()) {
      h.createQuery(
              "SELECT "
                  + s
                  + ".create_partition_time(current_schema() || '.' || :t,"
                  + " CAST(:times AS timestamptz[]), false)")
          .bind("t", t.name)
          .bind(
              "times",
              "{" + String.join(",", missing.stream().map(Instant::toString).toList()) + "}")
          .map((rs, ctx) -> 1)
          .one();
    }
    List<String> before = Partitions.list(h, t).stream().map(Partitions.Part::name).toList();
    // pg_partman drops a partition when start + interval < reference - retention; with the
    // reference one microsecond past cutoff + retention that is: the partition ends at or before
    // cutoff, the store's own rule
    h.createQuery(
            "SELECT "
                + s
                + ".drop_partition_time(current_schema() || '.' || :t,"
                + " p_retention => make_interval(secs => :k), p_keep_table => false,"
                + " p_reference_timestamp => CAST(:ref AS timestamptz) + interval '1 microsecond')")
        .bind("t", t.name)
        .bind("k", keep.toSeconds())
        .bind("ref", JdbcSloRepository.utc(cutoff.plus(keep)))
        .map((rs, ctx) -> 1)
        .one();
    List<String> after = Partitions.list(h, t).stream().map(Partitions.Part::name).toList();
    List<String> dropped = new ArrayList<>(before);
    dropped.removeAll(after);
    return new Done(created, dropped);
  }
}
