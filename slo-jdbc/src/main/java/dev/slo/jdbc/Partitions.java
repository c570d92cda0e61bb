package dev.slo.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * The native range partitions of the SLI history: raw rows by day, hour buckets by month, day
 * buckets by year, each table with a default partition for rows outside the partitions made so far.
 * Creating a partition moves the default partition's rows of its range into it first, so it never
 * fails on them. Stateless; every method runs in the caller's transaction.
 */
final class Partitions {
  private Partitions() {}

  /** A partitioned table of the history and the width of its partitions. */
  enum Table {
    RAW("sli_metrics_ts", "\"timestamp\"", "day"),
    HOUR("sli_rollup_hour", "bucket", "month"),
    DAY("sli_rollup_day", "bucket", "year");

    final String name;
    final String column;
    final String unit;

    Table(String name, String column, String unit) {
      this.name = name;
      this.column = column;
      this.unit = unit;
    }

    /** The start of the partition holding {@code t}. */
    LocalDate floor(LocalDate d) {
      return switch (this) {
        case RAW -> d;
        case HOUR -> d.withDayOfMonth(1);
        case DAY -> d.withDayOfYear(1);
      };
    }

    LocalDate next(LocalDate d) {
      return switch (this) {
        case RAW -> d.plusDays(1);
        case HOUR -> d.plusMonths(1);
        case DAY -> d.plusYears(1);
      };
    }

    String partition(LocalDate d) {
      String pattern =
          switch (this) {
            case RAW -> "yyyy_MM_dd";
            case HOUR -> "yyyy_MM";
            case DAY -> "yyyy";
          };
      return name + "_p" + d.format(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }
  }

  /** A partition and its bounds {@code [from, to)}. */
  record Part(String name, Instant from, Instant to) {}

  static boolean isPartitioned(Handle h, Table t) {
    return h.createQuery(
            "SELECT EXISTS (SELECT 1 FROM pg_partitioned_table p JOIN pg_class c"
                + " ON c.oid = p.partrelid WHERE c.oid = to_regclass(:t))")
        .bind("t", t.name)
        .mapTo(Boolean.class)
        .one();
  }

  /** The partitions of {@code t} except the default one, oldest first. */
  static List<Part> list(Handle h, Table t) {
    return PlainSql.on(h, c -> list(c, t));
  }

  /** As {@link #list(Handle, Table)}, on a plain connection (the evaluation's read path). */
  static List<Part> list(java.sql.Connection c, Table t) throws java.sql.SQLException {
    List<Part> out = new ArrayList<>();
    try (java.sql.PreparedStatement st =
        c.prepareStatement(
            "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i"
                + " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(?)")) {
      st.setString(1, t.name);
      try (java.sql.ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String bound = rs.getString(2);
          if (!bound.startsWith("DEFAULT")) {
            String[] q = bound.split("'");
            out.add(new Part(rs.getString(1), parse(q[1]), parse(q[3])));
          }
        }
      }
    }
    out.sort((a, b) -> a.from().compareTo(b.from()));
    return out;
  }

  private static Instant parse(String pgTimestamp) {
    return java.time.OffsetDateTime.parse(
            pgTimestamp.replace(' ', 'T').replaceAll("([+-]\\d\\d)$", "$1:00"))
        .toInstant();
  }

  /**
   * Creates the partitions of {@code t} covering {@code [from, to]} that are missing, moving rows
   * of their ranges out of the default partition.
   *
   * @return the partitions created
   */
  static List<String> ensure(Handle h, Table t, Instant from, Instant to) {
    List<Part> existing = list(h, t);
    List<String> created = new ArrayList<>();
    LocalDate d = t.floor(LocalDate.ofInstant(from, ZoneOffset.UTC));
    LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
    while (!d.isAfter(last)) {
      Instant lo = d.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant hi = t.next(d).atStartOfDay(ZoneOffset.UTC).toInstant();
      boolean covered = false;
      for (Part p : existing) {
        if (p.from().isBefore(hi) && lo.isBefore(p.to())) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        create(h, t, t.partition(d), lo, hi);
        created.add(t.partition(d));
      }
      d = t.next(d);
    }
    return created;
  }

  /** Creates one partition, taking over the default partition's rows of its range. */
  static void create(Handle h, Table t, String name, Instant lo, Instant hi) {
    String range = t.column + " >= '" + lo + "' AND " + t.column + " < '" + hi + "'";
    h.execute(
        "CREATE TABLE "
            + name
            + " (LIKE "
            + t.name
            + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS) WITH (autovacuum_enabled = true)");
    h.execute("INSERT INTO " + name + " SELECT * FROM " + t.name + "_default WHERE " + range);
    h.execute("DELETE FROM " + t.name + "_default WHERE " + range);
    h.execute(
        "ALTER TABLE "
            + t.name
            + " ATTACH PARTITION "
            + name
            + " FOR VALUES FROM ('"
            + lo
            + "') TO ('"
            + hi
            + "')");
  }

  /** Converts the plain table {@code t} into a partitioned one holding the same rows. */
  static void convert(Handle h, Table t, String createPartitioned) {
    String old = t.name + "_unpartitioned";
    h.execute("ALTER TABLE " + t.name + " RENAME TO " + old);
    h.execute("ALTER INDEX IF EXISTS " + t.name + "_pkey RENAME TO " + old + "_pkey");
    h.execute(
        "ALTER INDEX IF EXISTS " + t.name + "_timestamp_idx RENAME TO " + old + "_timestamp_idx");
    h.execute(createPartitioned);
    h.execute(
        "CREATE TABLE "
            + t.name
            + "_default PARTITION OF "
            + t.name
            + " DEFAULT WITH (autovacuum_enabled = true)");
    Instant[] range =
        h.createQuery("SELECT min(" + t.column + "), max(" + t.column + ") FROM " + old)
            .map(
                (rs, ctx) -> {
                  java.sql.Timestamp a = rs.getTimestamp(1);
                  java.sql.Timestamp b = rs.getTimestamp(2);
                  return a == null ? null : new Instant[] {a.toInstant(), b.toInstant()};
                })
            .one();
    if (range != null) {
      ensure(h, t, range[0], range[1]);
    }
    long before = h.createQuery("SELECT count(*) FROM " + old).mapTo(Long.class).one();
    long moved = h.createUpdate("INSERT INTO " + t.name + " SELECT * FROM " + old).execute();
    if (moved != before) {
      throw new IllegalStateException(
          "converting " + t.name + " moved " + moved + " of " + before + " rows; rolled back");
    }
    h.execute("DROP TABLE " + old);
  }
}
