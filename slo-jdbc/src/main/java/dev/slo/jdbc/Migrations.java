package dev.slo.jdbc;

import dev.slo.core.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Versioned schema migrations, recorded in {@code slo_schema_version}. One run is one transaction
 * holding a transaction-scoped advisory lock keyed by the current schema, so processes starting at
 * once apply each migration exactly once; the others wait and find the schema current. Stateless
 * and thread-safe.
 */
final class Migrations {
  /** The schema version this code writes and reads. */
  static final int LATEST = 11;

  private record Step(int version, Function<Handle, String> apply) {}

  private static final List<Step> STEPS =
      List.of(
          new Step(1, Migrations::schema),
          new Step(2, Migrations::timescale),
          new Step(3, Migrations::alertRuleColumns),
          new Step(4, Migrations::rollupStart),
          new Step(5, Migrations::partition),
          new Step(6, Migrations::corrections),
          new Step(7, Migrations::fleetMembers),
          new Step(8, Migrations::outbox),
          new Step(9, Migrations::groupLabels),
          new Step(11, Migrations::groupStatus));

  /** How many migrations there are (versions may skip numbers). */
  static int steps() {
    return STEPS.size();
  }

  private Migrations() {}

  static MigrationResult migrate(Jdbi jdbi) {
    return migrate(jdbi, LATEST);
  }

  /** Applies the migrations up to version {@code upTo} (tests build older schemas with it). */
  static MigrationResult migrate(Jdbi jdbi, int upTo) {
    java.util.Optional<MigrationResult> current =
        jdbi.withHandle(
            h -> PlainSql.on(h, c -> java.util.Optional.ofNullable(currentOrNull(c, upTo))));
    return current.isPresent() ? current.get() : apply(jdbi, upTo);
  }

  /**
   * What a run would report when it has nothing to apply (the schema is at least at {@code upTo}
   * and not newer than this code, on a plain table), read with plain JDBC and without the lock, the
   * DDL and the transaction of a run; null when a run is needed (or when TimescaleDB is installed,
   * whose hypertable check the run makes). A migration in progress elsewhere is not yet visible
   * here, so the run that follows waits for it on the lock as before.
   */
  static @Nullable MigrationResult currentOrNull(Connection c, int upTo) {
    try (Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT to_regclass('slo_schema_version') IS NOT NULL,"
                  + " EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')")) {
        rs.next();
        if (!rs.getBoolean(1) || rs.getBoolean(2)) {
          return null;
        }
      }
      int from;
      try (ResultSet rs =
          st.executeQuery("SELECT coalesce(max(version), 0) FROM slo_schema_version")) {
        rs.next();
        from = rs.getInt(1);
      }
      if (from < upTo || from > LATEST) {
        return null;
      }
      return new MigrationResult(from, from, List.of(), false);
    } catch (SQLException e) {
      return null; // the run reports it, in its transaction
    }
  }

  private static MigrationResult apply(Jdbi jdbi, int upTo) {
    return jdbi.inTransaction(
        h -> {
          h.createQuery(
                  "SELECT pg_advisory_xact_lock(hashtextextended(:key || current_schema(), 0))")
              .bind("key", "dev.slo.jdbc.migrate:")
              .map((rs, ctx) -> 1)
              .one();
          h.execute(
              "CREATE TABLE IF NOT EXISTS slo_schema_version (version integer PRIMARY KEY,"
                  + " description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
          int from =
              h.createQuery("SELECT coalesce(max(version), 0) FROM slo_schema_version")
                  .mapTo(Integer.class)
                  .one();
          if (from > LATEST) {
            throw new SourceException(
                "the database schema is at version "
                    + from
                    + ", newer than this slo understands ("
                    + LATEST
                    + "): upgrade slo");
          }
          List<String> applied = new ArrayList<>();
          for (Step step : STEPS) {
            if (step.version() > from && step.version() <= upTo) {
              String description = step.apply().apply(h);
              h.createUpdate(
                      "INSERT INTO slo_schema_version (version, description) VALUES (:v, :d)")
                  .bind("v", step.version())
                  .bind("d", description)
                  .execute();
              applied.add("V" + step.version() + ": " + description);
            }
          }
          return new MigrationResult(from, Math.max(from, upTo), applied, isHypertable(h));
        });
  }

  static boolean isHypertable(Handle h) {
    boolean extension =
        h.createQuery("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = :n)")
            .bind("n", "timescaledb")
            .mapTo(Boolean.class)
            .one();
    if (!extension) {
      return false;
    }
    return h.createQuery(
            "SELECT EXISTS (SELECT 1 FROM timescaledb_information.hypertables"
                + " WHERE hypertable_schema = current_schema() AND hypertable_name = :t)")
        .bind("t", "sli_metrics_ts")
        .mapTo(Boolean.class)
        .one();
  }

  private static String schema(Handle h) {
    h.createScript(resource("V1__schema.sql")).execute();
    return "tables slos, slo_status, slo_burn_rate_alerts, sli_metrics_ts, sli_rollup_hour,"
        + " sli_rollup_day";
  }

  /**
   * Makes {@code sli_metrics_ts} a hypertable (1-hour chunks, 8 slo_id space partitions) when the
   * timescaledb extension can be created; otherwise leaves the plain table. Not covered by CI.
   */
  private static String timescale(Handle h) {
    boolean available =
        h.createQuery("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = :n)")
            .bind("n", "timescaledb")
            .mapTo(Boolean.class)
            .one();
    if (!available) {
      return "sli_metrics_ts stays a plain table: timescaledb is not available";
    }
    h.execute("SAVEPOINT slo_timescale");
    try {
      h.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
      h.createQuery(
              "SELECT create_hypertable(CAST(:t AS regclass), CAST(:c AS name),"
                  + " partitioning_column => CAST(:p AS name), number_partitions => 8,"
                  + " chunk_time_interval => INTERVAL '1 hour', if_not_exists => TRUE,"
                  + " migrate_data => TRUE)")
          .bind("t", "sli_metrics_ts")
          .bind("c", "timestamp")
          .bind("p", "slo_id")
          .map((rs, ctx) -> 1)
          .one();
      h.execute("RELEASE SAVEPOINT slo_timescale");
      return "sli_metrics_ts is a TimescaleDB hypertable (1-hour chunks, 8 slo_id partitions)";
    } catch (RuntimeException e) {
      h.execute("ROLLBACK TO SAVEPOINT slo_timescale");
      return "sli_metrics_ts stays a plain table: timescaledb could not be enabled ("
          + Failures.firstLine(e.getMessage())
          + ")";
    }
  }

  private static String rollupStart(Handle h) {
    h.createScript(resource("V4__rollup_start.sql")).execute();
    return "rollups hold the sums of rows at their bucket start; table slo_retention_state";
  }

  /**
   * Makes {@code sli_metrics_ts} and both rollups natively range-partitioned (raw by day, hour
   * buckets by month, day buckets by year, each with a default partition), moving every stored row;
   * a hypertable is left to TimescaleDB.
   */
  private static String partition(Handle h) {
    if (isHypertable(h)) {
      return "sli_metrics_ts stays a TimescaleDB hypertable (its chunks are its partitions)";
    }
    long rows = 0;
    for (Partitions.Table t : Partitions.Table.values()) {
      if (Partitions.isPartitioned(h, t)) {
        continue;
      }
      String key = t == Partitions.Table.RAW ? "slo_id, \"timestamp\"" : "slo_id, bucket";
      rows += h.createQuery("SELECT count(*) FROM " + t.name).mapTo(Long.class).one();
      Partitions.convert(
          h,
          t,
          "CREATE TABLE "
              + t.name
              + " (LIKE "
              + t.name
              + "_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY ("
              + key
              + ")) PARTITION BY RANGE ("
              + t.column
              + ")");
    }
    return "sli_metrics_ts partitioned by day, sli_rollup_hour by month, sli_rollup_day by year ("
        + rows
        + " rows moved)";
  }

  private static String alertRuleColumns(Handle h) {
    h.createScript(resource("V3__alert_rule_columns.sql")).execute();
    return "slo_burn_rate_alerts: severity and short_window columns, unique alert_rule_id per SLO";
  }

  private static String corrections(Handle h) {
    h.createScript(resource("V6__corrections.sql")).execute();
    return "table slo_corrections";
  }

  private static String fleetMembers(Handle h) {
    h.createScript(resource("V7__fleet_members.sql")).execute();
    return "table slo_fleet_members: heartbeats of the replicas of a fleet";
  }

  private static String outbox(Handle h) {
    h.createScript(resource("V8__outbox.sql")).execute();
    return "table slo_outbox and the saved status bodies of slo_status: events of a fleet";
  }

  /**
   * Grouped SLOs (docs/spec.md, "Grouping"): {@code sli_metrics_ts.labels} holds a group's labels,
   * and slo_id in the SLI tables is widened to hold group ids.
   */
  private static String groupLabels(Handle h) {
    h.createScript(resource("V9__group_labels.sql")).execute();
    return "sli_metrics_ts.labels jsonb; slo_id of sli_metrics_ts and the rollups holds group ids"
        + " (up to 1000 characters)";
  }

  /**
   * Grouped SLOs in a fleet (docs/serve.md, "Grouped SLOs"): slo_status and slo_outbox hold group
   * ids; an SLO's deletion deletes its groups' statuses too (a trigger, as the foreign key did).
   */
  private static String groupStatus(Handle h) {
    h.createScript(resource("V11__group_status.sql")).execute();
    h.execute(
        "CREATE OR REPLACE FUNCTION slo_status_follow_delete() RETURNS trigger LANGUAGE plpgsql"
            + " AS $f$ BEGIN DELETE FROM slo_status WHERE slo_id = OLD.slo_id"
            + " OR left(slo_id, length(OLD.slo_id) + 1) = OLD.slo_id || '{'; RETURN OLD; END $f$");
    h.execute("DROP TRIGGER IF EXISTS slo_status_follow_delete ON slos");
    h.execute(
        "CREATE TRIGGER slo_status_follow_delete AFTER DELETE ON slos"
            + " FOR EACH ROW EXECUTE FUNCTION slo_status_follow_delete()");
    return "slo_status and slo_outbox hold group ids (up to 1000 characters); a trigger deletes"
        + " an SLO's status and its groups' with it";
  }

  private static String resource(String name) {
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("migration " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
